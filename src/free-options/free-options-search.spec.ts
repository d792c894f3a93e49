import { InProcessSearchEngine } from '../search/in-process/in-process-search-engine';
import { moduleDocument } from '../../test/search/module-document.factory';
import { loadSearchLanguage } from '../search/text/search-language';
import { signalsFor } from './free-options-ranking';
import { gatherFreeOptions, orderOptions } from './free-options-search';
import { offeredPrices } from './free-options.service';

describe('gatherFreeOptions and orderOptions on the in-process engine', () => {
  const language = loadSearchLanguage();
  const engine = new InProcessSearchEngine({ language });
  const documents = [
    moduleDocument({ id: 'english-basic', title: 'Menguasai Bahasa Inggris Dasar', enrollmentCount: 5 }),
    moduleDocument({ id: 'english-front-office', title: 'Cepat Cakap Inggris Khusus Front Office', enrollmentCount: 4 }),
    moduleDocument({ id: 'english-frontliners', title: 'English for Frontliners', enrollmentCount: 3 }),
    moduleDocument({ id: 'english-basic-twin', title: 'Menguasai Bahasa Inggris Dasar', enrollmentCount: 2 }),
    moduleDocument({ id: 'english-waiter-rp1', title: 'Bahasa Inggris untuk Pramusaji', priceIdr: 1, enrollmentCount: 1 }),
    moduleDocument({ id: 'waiter', title: 'Menjadi Pelayan Restoran yang Ramah', enrollmentCount: 1 }),
    moduleDocument({ id: 'korean', title: 'Bahasa Korea Dasar', enrollmentCount: 50 }),
    moduleDocument({ id: 'makeup', title: 'Dasar Tata Rias Wajah', enrollmentCount: 900 }),
    moduleDocument({ id: 'hydroponics', title: 'Budidaya Sayur Hidroponik', enrollmentCount: 800 }),
    // The rest of a shelf: English is a small share of it, as on the real one.
    ...['Pembukuan Warung', 'Desain Logo Usaha', 'Menjahit Seragam', 'Fotografi Produk', 'Barista Kopi Susu', 'Servis Handphone', 'Excel untuk Kantor', 'Budidaya Lele',
      'Jualan di Marketplace', 'Membuat Kue Kering', 'Reparasi AC', 'Copywriting Iklan', 'Pemrograman Web', 'Perawatan Kulit Wajah', 'Ternak Ayam Kampung', 'Menulis CV']
      .map((title, i) => moduleDocument({ id: `other-${i}`, title, enrollmentCount: 10 })),
  ].map((document) => ({ ...document, summary: '', description: '' }));
  beforeAll(() => engine.upsert(documents));

  const options = async (like: string, exhausted: boolean, excludeIds: string[] = []) => {
    const profile = { interests: [], purchases: [like], categories: [], skills: [], enrolledTitles: [] };
    const { scores, documents: found } = await gatherFreeOptions(engine, language, { signals: signalsFor(profile), priceIdr: offeredPrices(exhausted), excludeIds, first: 30 });
    const rankable = found.map((d) => ({ id: d.id, title: d.title, enrollmentCount: d.enrollmentCount, ratingSum: (d.ratingAverage ?? 0) * d.ratingCount, ratingCount: d.ratingCount }));
    return orderOptions(rankable, scores, language, 30).map((option) => option.id);
  };

  it('finds modules matching some words of a long title (none holds them all), English first, popular unrelated ones last, the twin title at the end', async () => {
    const order = await options('Bahasa Inggris untuk Pelayan Restoran dan Kafe di Hotel', false);
    expect(order.slice(0, 3)).toEqual(expect.arrayContaining(['english-basic', 'english-front-office', 'english-frontliners']));
    expect(order.indexOf('waiter')).toBeGreaterThan(2);
    expect(order.indexOf('waiter')).toBeLessThan(order.indexOf('makeup'));
    expect(order.indexOf('korean')).toBeLessThan(order.indexOf('makeup'));
    expect(order.at(-1)).toBe('english-basic-twin');
    expect(order).not.toContain('english-waiter-rp1');
  });

  it('offers the Rp1 module once the credit is exhausted, and never an excluded (enrolled) one', async () => {
    const order = await options('Bahasa Inggris untuk Pramusaji', true, ['english-basic']);
    expect(order[0]).toBe('english-waiter-rp1');
    expect(order).not.toContain('english-basic');
    // With the first copy enrolled, its twin is no longer a duplicate of anything offered.
    expect(order.indexOf('english-basic-twin')).toBeLessThan(order.indexOf('makeup'));
  });

  it('puts the offered modules of the bought course\'s category (inferred from its matches at any price) before popular unrelated ones', async () => {
    const farming = { categorySlug: 'pertanian', categoryName: 'Pertanian' };
    const shelf = new InProcessSearchEngine({ language });
    await shelf.upsert(
      [
        moduleDocument({ id: 'catfish-rp1', title: 'Budidaya Ikan Lele Kolam Terpal', priceIdr: 1, ...farming }),
        moduleDocument({ id: 'tilapia-rp1', title: 'Budidaya Ikan Nila', priceIdr: 1, ...farming }),
        moduleDocument({ id: 'hydroponics', title: 'Menanam Sayur Hidroponik', enrollmentCount: 1, ...farming }),
        moduleDocument({ id: 'makeup', title: 'Dasar Tata Rias Wajah', enrollmentCount: 900 }),
        moduleDocument({ id: 'excel', title: 'Excel untuk Kantor', enrollmentCount: 800 }),
      ].map((document) => ({ ...document, summary: '', description: '' })),
    );
    const profile = { interests: [], purchases: ['Budidaya Ikan Lele dengan Sistem Bioflok'], categories: [], skills: [], enrolledTitles: [] };
    const { scores, documents: found } = await gatherFreeOptions(shelf, language, { signals: signalsFor(profile), priceIdr: offeredPrices(false), excludeIds: [], first: 3 });
    const rankable = found.map((d) => ({ id: d.id, title: d.title, enrollmentCount: d.enrollmentCount, ratingSum: 0, ratingCount: 0 }));
    expect(orderOptions(rankable, scores, language, 3).map((option) => option.id)).toEqual(['hydroponics', 'makeup', 'excel']);
  });

  it('weighs a bought title\'s words by their rarity on the whole shelf: a word most paid titles share does not outrank the subject because one free module holds it', async () => {
    const shelf = new InProcessSearchEngine({ language });
    await shelf.upsert(
      [
        moduleDocument({ id: 'salon', title: 'Strategi Membuka Salon', enrollmentCount: 1 }),
        moduleDocument({ id: 'marketing', title: 'Pemasaran Produk lewat Facebook', enrollmentCount: 1 }),
        ...['Ekspor', 'Harga', 'Konten', 'Negosiasi', 'Branding', 'Karier', 'Investasi', 'Rekrutmen'].map((word, i) => moduleDocument({ id: `strategy-rp1-${i}`, title: `Strategi ${word}`, priceIdr: 1 })),
        ...['Pembukuan Warung', 'Menjahit Seragam', 'Barista Kopi Susu', 'Servis Handphone', 'Excel untuk Kantor', 'Budidaya Lele', 'Membuat Kue Kering', 'Reparasi AC']
          .map((title, i) => moduleDocument({ id: `other-${i}`, title, enrollmentCount: 10 })),
      ].map((document) => ({ ...document, summary: '', description: '' })),
    );
    const profile = { interests: [], purchases: ['Strategi Pemasaran Instagram'], categories: [], skills: [], enrolledTitles: [] };
    const { scores, documents: found } = await gatherFreeOptions(shelf, language, { signals: signalsFor(profile), priceIdr: offeredPrices(false), excludeIds: [], first: 2 });
    const rankable = found.map((d) => ({ id: d.id, title: d.title, enrollmentCount: d.enrollmentCount, ratingSum: 0, ratingCount: 0 }));
    expect(orderOptions(rankable, scores, language, 2)[0].id).toBe('marketing');
  });
});
