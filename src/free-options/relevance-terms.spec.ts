import { loadSearchLanguage } from '../search/text/search-language';
import { relevanceClauses, titleTerms, titleWords } from './relevance-terms';

describe('relevance clauses of a like text', () => {
  const language = loadSearchLanguage();
  const words = (text: string) => relevanceClauses(text, language).map((clause) => clause.words.join('|'));

  it('splits a whole course title into words searched alone, stop words out, each ending with a space (no prefix)', () => {
    expect(words('Reparasi Kipas dan Setrika Listrik')).toEqual(['reparasi ', 'kipas ', 'setrika ', 'listrik ']);
  });

  it('keeps a synonym phrase as one clause: its words, and the phrase the engine expands to its synonyms', () => {
    const [english] = relevanceClauses('Bahasa Inggris untuk Pelayan Restoran', language);
    expect(english).toEqual({ words: ['bahasa ', 'inggris '], phrase: 'bahasa inggris ', weight: 1, segment: 0 });
  });

  it('weighs the topic over what qualifies it (after untuk, bagi, dengan, a colon ...) and earlier words a little more', () => {
    const clauses = relevanceClauses('Barista Profesional: Teknik Espresso', language);
    const weight = new Map(clauses.map((clause) => [clause.words.join(''), clause.weight]));
    expect(weight.get('barista ')).toBe(1);
    expect(weight.get('profesional ')).toBeLessThan(1);
    expect(weight.get('profesional ')).toBeGreaterThan(weight.get('teknik ')!);
    const restaurant = relevanceClauses('Bahasa Inggris untuk Pelayan Restoran', language);
    expect(restaurant.find((clause) => clause.words[0] === 'pelayan ')!.weight).toBeLessThanOrEqual(0.5);
  });

  it('weighs a tool (after dengan, menggunakan, melalui) as the topic, still after it, and an audience half', () => {
    const clauses = relevanceClauses('Desain Aplikasi Mobile dengan Figma untuk Pemula', language);
    const weight = new Map(clauses.map((clause) => [clause.words.join(''), clause.weight]));
    expect(weight.get('figma ')).toBeGreaterThan(0.5);
    expect(weight.get('figma ')).toBeLessThan(weight.get('mobile ')!);
    expect(weight.get('pemula ')).toBeLessThanOrEqual(0.5);
    expect(clauses.map((clause) => clause.segment)).toEqual([0, 0, 0, 1, 2]);
  });

  it('weighs a leading verb half and lets the noun after it take the topic\'s place ("Mengelola | Keuangan"); a noun like "media" is no verb', () => {
    const weight = new Map(relevanceClauses('Mengelola Keuangan Usaha Kecil', language).map((clause) => [clause.words.join(''), clause.weight]));
    expect(weight.get('mengelola ')).toBe(0.5);
    expect(weight.get('keuangan ')).toBe(1);
    const media = new Map(relevanceClauses('Media Sosial', language).map((clause) => [clause.words.join(''), clause.weight]));
    expect([...media.values()][0]).toBe(1);
  });

  it('reads only the first ten words, as Meilisearch does, and repeats no clause', () => {
    expect(words('satu dua tiga empat lima enam tujuh delapan sembilan sepuluh sebelas')).not.toContain('sebelas ');
    expect(words('kopi kopi')).toEqual(['kopi ']);
  });

  it('has no clause for an empty or stop-word-only text', () => {
    expect(relevanceClauses('  ', language)).toEqual([]);
    expect(relevanceClauses('untuk dan yang', language)).toEqual([]);
  });
});

describe('title words', () => {
  const language = loadSearchLanguage();

  it('gives near-identical titles the same distinctive words (stop words out), but keeps the numbers of a series\' parts apart', () => {
    expect(titleWords('Belajar Bahasa Jepang untuk Pemula', language)).toEqual(titleWords('Belajar Bahasa Jepang bagi Pemula', language));
    expect(titleWords('Kursus Bahasa Jepang Level Pemula Part 1', language)).not.toEqual(titleWords('Kursus Bahasa Jepang Level Pemula Part 2', language));
    expect(titleWords('Entry Jurnal Perusahaan Jasa', language)).not.toEqual(titleWords('Entry Jurnal Perusahaan Dagang', language));
  });

  it('tells which part of a title a clause is in: the topic (0), then each qualifier', () => {
    const segment = new Map(relevanceClauses('Digital Marketing untuk Usaha Kuliner', language).map((clause) => [clause.words.join(''), clause.segment]));
    expect(segment.get('digital marketing ')).toBe(0);
    expect(segment.get('kuliner ')).toBe(1);
  });

  it('lists the searchable words of a title once each, stop words and bare numbers out', () => {
    expect(titleTerms('Belajar Kopi untuk Membuat Bisnis Es Kopi 2', language)).not.toContain('untuk');
    const terms = titleTerms('Belajar Kopi untuk Membuat Bisnis Es Kopi 2', language);
    expect(terms.filter((term) => term === 'kopi')).toHaveLength(1);
    expect(terms).not.toContain('2');
  });
});
