import { moduleDocument } from '../../../test/search/module-document.factory';
import { describeSearchEngineContract } from '../../../test/search/search-engine.contract';
import { loadSearchLanguage } from '../text/search-language';
import { InProcessSearchEngine } from './in-process-search-engine';

const language = loadSearchLanguage();

describeSearchEngineContract('in-process', { create: async () => new InProcessSearchEngine({ language }) });

describe('InProcessSearchEngine', () => {
  it('keeps serving the old index during a rebuild and keeps writes made meanwhile', async () => {
    const engine = new InProcessSearchEngine({ language });
    await engine.upsert([moduleDocument({ id: 'old', title: 'Kursus Lama' })]);
    let releaseSecondBatch!: () => void;
    const secondBatchReleased = new Promise<void>((resolve) => (releaseSecondBatch = resolve));
    async function* batches() {
      yield [moduleDocument({ id: 'new', title: 'Kursus Baru' }), moduleDocument({ id: 'gone', title: 'Kursus Hapus' })];
      await secondBatchReleased;
      yield [moduleDocument({ id: 'gone', title: 'Kursus Hapus' })];
    }
    const rebuilt = engine.rebuild(batches());
    await new Promise((resolve) => setImmediate(resolve));

    const during = await engine.search({ query: 'kursus', filters: {}, sort: 'RELEVANCE', page: 1, pageSize: 10 });
    expect(during.hits.map((hit) => hit.id)).toEqual(['old']);
    await engine.upsert([moduleDocument({ id: 'written', title: 'Kursus Ditulis' })]);
    await engine.delete(['gone']);
    releaseSecondBatch();
    await rebuilt;

    const after = await engine.search({ query: 'kursus', filters: {}, sort: 'RELEVANCE', page: 1, pageSize: 10 });
    expect(after.hits.map((hit) => hit.id).sort()).toEqual(['new', 'written']);
  });
});

describe('InProcessSearchEngine matching', () => {
  const search = (engine: InProcessSearchEngine, query: string) =>
    engine.search({ query, filters: {}, sort: 'RELEVANCE', page: 1, pageSize: 10, facets: false }).then((response) => response.hits.map((hit) => hit.id));

  it('matches two typed words joined, as Meilisearch concatenates them ("corel draw" finds "CorelDraw")', async () => {
    const engine = new InProcessSearchEngine({ language });
    await engine.upsert([moduleDocument({ id: 'joined', title: 'Desain dengan CorelDraw' }), moduleDocument({ id: 'other', title: 'Menggambar Draw Bebas' })]);
    expect(await search(engine, 'corel draw')).toEqual(['joined']);
    expect(await search(engine, 'draw corel')).toEqual(['joined']);
  });

  it('skips the synonyms of a word already matching a common share of the catalogue (≥ 5 % and ≥ 1,000 modules)', async () => {
    const engine = new InProcessSearchEngine({ language });
    await engine.upsert([moduleDocument({ id: 'synonym-only', title: 'Pelatihan Menjahit' })]);
    expect(await search(engine, 'kursus')).toEqual(['synonym-only']);
    await engine.upsert(Array.from({ length: 1_000 }, (_, i) => moduleDocument({ id: `common-${i}`, title: `Kursus Nomor ${i}` })));
    const response = await engine.search({ query: 'kursus', filters: {}, sort: 'RELEVANCE', page: 1, pageSize: 10, facets: false });
    expect(response.totalHits).toBe(1_000);
  });

  it('ranks, within the same words matched, fewer typos first, then the better attribute, then the exact word', async () => {
    const engine = new InProcessSearchEngine({ language });
    await engine.upsert([
      moduleDocument({ id: 'typo', title: 'Kursus Pemasarn', enrollmentCount: 900 }),
      moduleDocument({ id: 'summary', title: 'Kursus', summary: 'Pemasaran untuk pemula', enrollmentCount: 800 }),
      moduleDocument({ id: 'stem', title: 'Memasarkan Produk', enrollmentCount: 700 }),
      moduleDocument({ id: 'exact', title: 'Pemasaran Produk', enrollmentCount: 1 }),
    ]);
    expect(await search(engine, 'pemasaran')).toEqual(['exact', 'stem', 'summary', 'typo']);
  });
});

