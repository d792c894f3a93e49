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

describe('InProcessSearchEngine highlights', () => {
  it('marks words sharing a query word\'s match key in plain ASCII text and in text with other characters alike', async () => {
    const engine = new InProcessSearchEngine({ language });
    await engine.upsert([
      moduleDocument({ id: 'ascii', title: 'Pemasaran Kue', summary: 'Memasarkan kue kering' }),
      moduleDocument({ id: 'accented', title: 'Pemasaran Café', summary: 'Memasarkan kue di café' }),
    ]);
    const response = await engine.search({ query: 'pasar', filters: {}, sort: 'RELEVANCE', page: 1, pageSize: 10, facets: false });
    const highlights = Object.fromEntries(response.hits.map((hit) => [hit.id, hit.highlight]));
    expect(highlights).toEqual({
      ascii: { title: '<mark>Pemasaran</mark> Kue', summary: '<mark>Memasarkan</mark> kue kering' },
      accented: { title: '<mark>Pemasaran</mark> Café', summary: '<mark>Memasarkan</mark> kue di café' },
    });
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


describe('InProcessSearchEngine restored from a snapshot state', () => {
  const request = (query: string, sort: 'RELEVANCE' | 'NEWEST' = 'RELEVANCE') => ({ query, filters: {}, sort, page: 1, pageSize: 50 });
  const answer = (engine: InProcessSearchEngine, query: string, sort: 'RELEVANCE' | 'NEWEST' = 'RELEVANCE') =>
    engine.search(request(query, sort)).then(({ processingTimeMs: _time, ...rest }) => rest);
  const catalogue = () =>
    Array.from({ length: 300 }, (_, i) =>
      moduleDocument({ id: `m-${String(i).padStart(3, '0')}`, title: `${['Pemasaran Digital', 'Menjahit Baju', 'Akuntansi Warung'][i % 3]} ${i}`, skills: [`keahlian${i % 7}`], enrollmentCount: i, publishedAt: i * 1000 }),
    );

  it('answers every query as the index it was exported from, including after writes', async () => {
    const built = new InProcessSearchEngine({ language });
    await built.upsert(catalogue());
    await built.delete(['m-004', 'm-100']);
    const restored = new InProcessSearchEngine({ language });
    expect(await restored.restore(built.exportState(), async () => undefined)).toBe(298);

    for (const query of ['pemasaran', 'pemasarn digitl', 'menja', 'keahlian3 warung', '', 'm-005']) {
      for (const sort of ['RELEVANCE', 'NEWEST'] as const) expect(await answer(restored, query, sort)).toEqual(await answer(built, query, sort));
    }
    const edit = moduleDocument({ id: 'm-010', version: 2, title: 'Fotografi Produk' });
    for (const engine of [built, restored]) {
      await engine.upsert([edit, moduleDocument({ id: 'm-900', title: 'Pemasaran Baru' })]);
      await engine.delete(['m-011']);
    }
    for (const query of ['pemasaran', 'fotografi', 'menjahit']) expect(await answer(restored, query)).toEqual(await answer(built, query));
  });

  it('serves the old index during the catch-up, then the caught-up one; writes made meanwhile win over the catch-up', async () => {
    const built = new InProcessSearchEngine({ language });
    await built.upsert([moduleDocument({ id: 'kept', title: 'Kursus Tetap' }), moduleDocument({ id: 'unpublished', title: 'Kursus Turun' }), moduleDocument({ id: 'synced', title: 'Kursus Lama' })]);
    const engine = new InProcessSearchEngine({ language });
    await engine.upsert([moduleDocument({ id: 'before', title: 'Kursus Sebelum' })]);
    let releaseCatchUp!: () => void;
    const catchUpReleased = new Promise<void>((resolve) => (releaseCatchUp = resolve));
    const restored = engine.restore(built.exportState(), async (writer) => {
      expect(writer.documents().map((document) => document.id).sort()).toEqual(['kept', 'synced', 'unpublished']);
      await catchUpReleased;
      writer.delete(['unpublished']);
      // Read before the sync below wrote version 3: the catch-up must not put it back to version 2.
      writer.upsert([moduleDocument({ id: 'synced', version: 2, title: 'Kursus Dibaca' }), moduleDocument({ id: 'added', title: 'Kursus Tambah' })]);
    });
    await new Promise((resolve) => setImmediate(resolve));
    const ids = async () => (await engine.search(request('kursus'))).hits.map((hit) => hit.id).sort();
    expect(await ids()).toEqual(['before']);
    await engine.upsert([moduleDocument({ id: 'synced', version: 3, title: 'Kursus Sinkron' })]);
    releaseCatchUp();
    expect(await restored).toBe(3);

    expect(await ids()).toEqual(['added', 'kept', 'synced']);
    expect((await engine.search(request('sinkron'))).hits.map((hit) => hit.id)).toEqual(['synced']);
  });

  it('refuses a state whose terms are not what this code tokenises, and keeps serving its index', async () => {
    const built = new InProcessSearchEngine({ language });
    await built.upsert(catalogue().slice(0, 10));
    const state = built.exportState();
    const engine = new InProcessSearchEngine({ language });
    await engine.upsert([moduleDocument({ id: 'own', title: 'Pemasaran Sendiri' })]);
    await expect(engine.restore({ ...state, terms: state.terms.map((term) => (term === 'pemasaran' ? 'pemasara' : term)) }, async () => undefined)).rejects.toThrow(
      /differ from this code's tokenising/,
    );
    expect((await engine.search(request('pemasaran'))).hits.map((hit) => hit.id)).toEqual(['own']);
  });
});
