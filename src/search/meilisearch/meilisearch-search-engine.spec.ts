import { Meilisearch } from 'meilisearch';
import { SearchUnavailableError, type ModuleDocument, type SearchRequest } from '../search-engine.port';
import { MeilisearchTestDouble } from '../../../test/search/meilisearch-test-double';
import { moduleDocument } from '../../../test/search/module-document.factory';
import { loadSearchLanguage } from '../text/search-language';
import { MeilisearchSearchEngine, SearchTaskFailedError, type MeilisearchSearchEngineOptions } from './meilisearch-search-engine';
import { STEMS_ATTRIBUTE } from './meilisearch-settings';
import { MeilisearchVersionError } from './meilisearch-version';

const language = loadSearchLanguage();
const searchRequest = (request: Partial<SearchRequest>): SearchRequest => ({ query: '', filters: {}, sort: 'RELEVANCE', page: 1, pageSize: 20, ...request });

describe('MeilisearchSearchEngine against the strict test double', () => {
  const meilisearch = new MeilisearchTestDouble();
  let url: string;
  let engine: MeilisearchSearchEngine;
  const engineFor = (options: Partial<MeilisearchSearchEngineOptions> = {}) =>
    new MeilisearchSearchEngine({ client: new Meilisearch({ host: url, apiKey: 'test-master-key' }), language, indexUid: 'modules', batchSize: 2, taskPollIntervalMs: 1, ...options });

  beforeAll(async () => {
    url = await meilisearch.start();
  });

  afterAll(() => meilisearch.stop());

  beforeEach(() => {
    meilisearch.reset();
    meilisearch.version = '1.50.0';
    meilisearch.multiSearchResponse = undefined;
    engine = engineFor();
  });

  const storedIds = (uid = 'modules') => [...(meilisearch.indexes.get(uid)?.documents.keys() ?? [])].sort();

  it('checks the version, creates the index and applies the settings of product.md, waiting for each task over several polls', async () => {
    await engine.applySettings();

    expect(meilisearch.requests[0]).toMatchObject({ method: 'GET', path: '/version', authorization: 'Bearer test-master-key' });
    expect(meilisearch.requestsTo('POST', /^\/indexes$/)[0].body).toEqual({ uid: 'modules', primaryKey: 'id' });
    const [settings] = meilisearch.requestsTo('PATCH', /^\/indexes\/modules\/settings$/);
    expect(settings.body).toMatchObject({
      searchableAttributes: ['title', 'skills', 'summary', 'categoryName', 'contributorName', 'description', STEMS_ATTRIBUTE],
      filterableAttributes: expect.arrayContaining(['categorySlug', 'level', 'language', 'deliveryMode', 'priceIdr', 'certificate', 'durationMinutes', 'ratingAverage', 'contributorKind', 'id']),
      sortableAttributes: expect.arrayContaining(['publishedAt', 'ratingAverage', 'enrollmentCount', 'durationMinutes']),
      typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 } },
      stopWords: expect.arrayContaining(['yang', 'dan']),
      pagination: { maxTotalHits: 1_000 },
      faceting: { maxValuesPerFacet: 200, sortFacetValuesBy: { '*': 'count' } },
    });
    const synonyms = (settings.body as { synonyms: Record<string, string[]> }).synonyms;
    expect(synonyms['pemasaran']).toContain('marketing');
    expect(synonyms['marketing']).toContain('pemasaran');
    // Both tasks went enqueued → processing → succeeded: at least two polls each.
    const polls = meilisearch.requestsTo('GET', /^\/tasks\/\d+$/).map((request) => request.path);
    expect(polls.filter((path) => path === '/tasks/0').length).toBeGreaterThanOrEqual(2);
    expect(polls.filter((path) => path === '/tasks/1').length).toBeGreaterThanOrEqual(2);
    expect(meilisearch.indexes.get('modules')!.settings.filterableAttributes).toContain('categorySlug');
  });

  it('accepts an index that already exists', async () => {
    await engine.applySettings();
    await expect(engine.applySettings()).resolves.toBeUndefined();
  });

  it('raises a failed settings task with the task error message', async () => {
    meilisearch.failNextTask('settingsUpdate', 'Attribute `nope` is not filterable.');
    const failure = engine.applySettings();
    await expect(failure).rejects.toThrow(SearchTaskFailedError);
    await expect(failure).rejects.toThrow(/Attribute `nope` is not filterable\./);
  });

  describe('1. the server version', () => {
    it('refuses a Meilisearch older than 1.4.0 with one clear line', async () => {
      meilisearch.version = '1.3.2';
      const refused = engine.applySettings();
      await expect(refused).rejects.toThrow(MeilisearchVersionError);
      await expect(refused).rejects.toThrow('Meilisearch 1.3.2 is older than 1.4.0, the oldest version this API supports: upgrade Meilisearch');
      expect(meilisearch.indexes.size).toBe(0);
    });

    it.each(['1.4.0', '1.17.1', '1.18.0', '1.50.0'])('rebuilds on %s: the swap carries no `rename` (refused before 1.18)', async (version) => {
      meilisearch.version = version;
      await engine.applySettings();
      await engine.upsert([moduleDocument({ id: 'old' })]);
      expect(await engine.rebuild(inBatches([moduleDocument({ id: 'n1' })]))).toBe(1);
      const [swap] = meilisearch.requestsTo('POST', /^\/swap-indexes$/);
      expect(swap.body).toEqual([{ indexes: ['modules', expect.stringMatching(/^modules_rebuild_\d+$/)] }]);
      expect(storedIds()).toEqual(['n1']);
    });
  });

  describe('2. a missing index heals', () => {
    beforeEach(async () => {
      await engine.applySettings();
      await engine.upsert([moduleDocument({ id: 'a', title: 'Pemasaran Digital' })]);
      // Meilisearch restarted empty.
      meilisearch.indexes.clear();
    });

    const expectHealed = () => {
      expect(meilisearch.indexes.get('modules')!.settings.filterableAttributes).toContain('categorySlug');
      expect(meilisearch.indexes.get('modules')!.settings.faceting.sortFacetValuesBy).toEqual({ '*': 'count' });
    };

    it('a search recreates the index with its settings and answers (empty) instead of failing', async () => {
      const response = await engine.search(searchRequest({ query: 'pemasaran', filters: { categorySlugs: ['umum'] } }));
      expect(response.hits).toEqual([]);
      expectHealed();
    });

    it('an upsert (its version pre-read first) recreates the index with its settings and writes', async () => {
      await engine.upsert([moduleDocument({ id: 'b' })]);
      expectHealed();
      expect(storedIds()).toEqual(['b']);
    });

    it('a delete and indexedVersions recreate it too', async () => {
      await engine.delete(['a']);
      expectHealed();
      meilisearch.indexes.clear();
      expect(await engine.indexedVersions()).toEqual(new Map());
      expectHealed();
    });

    it('any other refusal of a search is SEARCH_UNAVAILABLE, never an internal error', async () => {
      await engine.applySettings();
      meilisearch.indexes.get('modules')!.settings.filterableAttributes = [];
      const refused = engine.search(searchRequest({ filters: { categorySlugs: ['umum'] } }));
      await expect(refused).rejects.toThrow(SearchUnavailableError);
      await expect(refused).rejects.toMatchObject({ cause: { cause: { code: 'invalid_search_filter' } } });
    });
  });

  describe('3. writes during a rebuild, across processes', () => {
    it('reach the fresh index from another adapter; older batches and deletions made meanwhile do not win', async () => {
      const other = engineFor();
      await engine.applySettings();
      await engine.upsert([moduleDocument({ id: 'kept', version: 1 }), moduleDocument({ id: 'gone', version: 1 })]);
      let releaseSecondBatch!: () => void;
      const secondBatchReleased = new Promise<void>((resolve) => (releaseSecondBatch = resolve));
      let firstBatchDone!: () => void;
      const firstBatchWritten = new Promise<void>((resolve) => (firstBatchDone = resolve));
      async function* batches() {
        yield [moduleDocument({ id: 'a1' })];
        firstBatchDone();
        await secondBatchReleased;
        // Read from the database before the other process's writes: stale.
        yield [moduleDocument({ id: 'kept', version: 1, title: 'Versi lama' }), moduleDocument({ id: 'gone', version: 1 })];
      }
      const rebuilt = engine.rebuild(batches());
      await firstBatchWritten;

      await other.upsert([moduleDocument({ id: 'kept', version: 2, title: 'Versi baru' }), moduleDocument({ id: 'written', version: 1 })]);
      await other.delete(['gone']);
      releaseSecondBatch();
      expect(await rebuilt).toBe(3);

      const versions = await other.indexedVersions();
      expect(new Map([...versions].sort())).toEqual(new Map([['a1', 1], ['kept', 2], ['written', 1]]));
      expect(meilisearch.indexes.get('modules')!.documents.get('kept')!.title).toBe('Versi baru');
      // Journal and old documents removed; no index left behind.
      expect([...meilisearch.indexes.keys()]).toEqual(['modules']);
    });

    it('a second rebuild is refused while one runs in another process', async () => {
      await engine.applySettings();
      let release!: () => void;
      const released = new Promise<void>((resolve) => (release = resolve));
      let started!: () => void;
      const running = new Promise<void>((resolve) => (started = resolve));
      const first = engine.rebuild((async function* () {
        started();
        await released;
        yield [moduleDocument({ id: 'a' })];
      })());
      // The batches are read once the journal is written.
      await running;
      await expect(engineFor().rebuild(inBatches([moduleDocument({ id: 'b' })]))).rejects.toThrow(/already running/);
      release();
      await expect(first).resolves.toBe(1);
    });

    it('a write arriving after the rebuild ended recreates no orphan index (fresh or journal)', async () => {
      await engine.applySettings();
      // A writer that read the journal while the rebuild ran: the fresh index is already deleted.
      const late = new Meilisearch({ host: url });
      await late.index('modules_rebuild_journal').addDocuments([{ id: 'x', version: 1, deleted: true }]).waitTask({ interval: 1 });
      await engine.upsert([moduleDocument({ id: 'x' })]);
      expect([...meilisearch.indexes.keys()]).toEqual(['modules']);

      // A journal naming a fresh index that is gone: the write skips it rather than recreating it.
      await late.index('modules_rebuild_journal').addDocuments([{ id: 'rebuild-marker', freshUid: 'modules_rebuild_1', startedAt: Date.now() }]).waitTask({ interval: 1 });
      await engine.upsert([moduleDocument({ id: 'y' })]);
      expect(meilisearch.indexes.has('modules_rebuild_1')).toBe(false);
      expect(storedIds()).toEqual(['x', 'y']);
    });
  });

  describe('4. filter values as Meilisearch parses them', () => {
    const awkward = ['a"b', 'back\\slash', 'trailing\\', '\\"', "it's", 'kuliner-ñ-日本', 'emoji 🍜 dan spasi', '\\n literal', 'IN', 'a AND b'];

    it.each(awkward)('%j round-trips through the filter grammar', async (value) => {
      await engine.applySettings();
      await engine.upsert([moduleDocument({ id: 'match', categorySlug: value }), moduleDocument({ id: 'other', categorySlug: 'umum' })]);
      const response = await engine.search(searchRequest({ filters: { categorySlugs: [value] }, facets: false }));
      expect(response.hits.map((hit) => hit.id)).toEqual(['match']);
      expect((await engine.search(searchRequest({ filters: { contributorKinds: ['INDIVIDUAL'], excludeIds: ['match'] }, facets: false }))).hits.map((hit) => hit.id)).toEqual(['other']);
    });

    it('sends the filters as expressions and one query per filtered facet without its own filter', async () => {
      await engine.applySettings();
      await engine.search({
        query: 'Memasarkan "produk"',
        filters: { categorySlugs: ['kuliner', 'a"b'], levels: ['BEGINNER'], certificate: true, minRating: 4, maxDurationMinutes: 90, contributorKinds: ['ORGANIZATION'], excludeIds: ['x1'] },
        sort: 'NEWEST',
        page: 2,
        pageSize: 5,
      });

      const body = meilisearch.requestsTo('POST', /^\/multi-search$/).map((request) => request.body as { queries: Record<string, unknown>[] }).find(({ queries }) => queries[0].hitsPerPage === 5)!;
      const [main, ...perFacet] = body.queries;
      const common = ['durationMinutes <= 90', 'ratingAverage >= 4', 'contributorKind IN ["ORGANIZATION"]', 'id NOT IN ["x1"]'];
      const category = 'categorySlug IN ["kuliner", "a\\"b"]';
      expect(main).toMatchObject({
        indexUid: 'modules',
        filter: [category, 'level IN ["BEGINNER"]', 'certificate = true', ...common],
        sort: ['publishedAt:desc', 'id:asc'],
        page: 2,
        hitsPerPage: 5,
        facets: ['language', 'deliveryMode', 'priceIdr'],
      });
      expect(String(main.q).split(' ')).toContain('pasar');
      // The whole document (so a page of hits needs no database read), never the stems.
      expect([...(main.attributesToRetrieve as string[])].sort()).toEqual(Object.keys(moduleDocument({ id: 'x' })).sort());
      expect(perFacet).toEqual([
        expect.objectContaining({ filter: ['level IN ["BEGINNER"]', 'certificate = true', ...common], facets: ['categorySlug'], hitsPerPage: 0 }),
        expect.objectContaining({ filter: [category, 'certificate = true', ...common], facets: ['level'], hitsPerPage: 0 }),
        expect.objectContaining({ filter: [category, 'level IN ["BEGINNER"]', ...common], facets: ['certificate'], hitsPerPage: 0 }),
      ]);
    });
  });

  describe('5. counts past maxTotalHits are marked as estimates', () => {
    it('reports the bound as a lower bound, and exact counts below it', async () => {
      const bounded = engineFor({ maxTotalHits: 3 });
      await bounded.applySettings();
      await bounded.upsert(['a', 'b', 'c', 'd', 'e'].map((id) => moduleDocument({ id, title: id === 'e' ? 'Kursus Menjahit' : 'Kursus Memasak' })));

      const browse = await bounded.search(searchRequest({ pageSize: 2 }));
      expect(browse).toMatchObject({ totalHits: 3, totalHitsExact: false });
      const narrow = await bounded.search(searchRequest({ query: 'menjahit' }));
      expect(narrow).toMatchObject({ totalHits: 1, totalHitsExact: true });
    });
  });

  describe('6. facet values past maxValuesPerFacet', () => {
    it('keeps the most frequent values (sortFacetValuesBy count), not the alphabetically first', async () => {
      await engine.applySettings();
      const rare = Array.from({ length: 210 }, (_, n) => moduleDocument({ id: `r${n}`, categorySlug: `a-${String(n).padStart(3, '0')}` }));
      const frequent = Array.from({ length: 3 }, (_, n) => moduleDocument({ id: `f${n}`, categorySlug: 'zz-frequent' }));
      await engineFor({ batchSize: 1_000 }).upsert([...rare, ...frequent]);
      const { facets } = await engine.search(searchRequest({ pageSize: 1 }));
      expect(facets.category).toHaveLength(200);
      expect(facets.category[0]).toEqual({ value: 'zz-frequent', count: 3 });
    });
  });

  describe('7. the first 10 query words', () => {
    it('sends at most 10 words, as Meilisearch uses no more', async () => {
      await engine.applySettings();
      await engine.search(searchRequest({ query: 'satu dua tiga empat lima enam tujuh delapan sembilan sepuluh sebelas duabelas' }));
      const queries = meilisearch.requestsTo('POST', /^\/multi-search$/).flatMap((request) => (request.body as { queries: { q: string }[] }).queries);
      expect(queries.length).toBeGreaterThan(0);
      for (const { q } of queries) expect(q.trim().split(' ').length).toBeLessThanOrEqual(10);
      expect(queries.some(({ q }) => q.includes('sebelas'))).toBe(false);
    });
  });

  it('upserts in batches with the stemmed field, skipping documents older than the stored version', async () => {
    await engine.applySettings();
    await engine.upsert([moduleDocument({ id: 'a', version: 5 })]);
    meilisearch.requests.length = 0;

    await engine.upsert([
      moduleDocument({ id: 'a', version: 4, title: 'Versi lama' }),
      moduleDocument({ id: 'b', title: 'Memasarkan Produk' }),
      moduleDocument({ id: 'c' }),
      moduleDocument({ id: 'd' }),
    ]);

    const writes = meilisearch.requestsTo('POST', /^\/indexes\/modules\/documents$/).map((request) => request.body as (ModuleDocument & Record<string, string>)[]);
    expect(writes.map((batch) => batch.map((document) => document.id))).toEqual([['b'], ['c', 'd']]);
    expect(writes[0][0][STEMS_ATTRIBUTE].split(' ')).toContain('pasar');
    expect(meilisearch.requestsTo('POST', /\/documents\/fetch$/)[0].body).toMatchObject({ filter: ['id IN ["a", "b"]'], fields: ['id', 'version'] });
    expect(meilisearch.indexes.get('modules')!.documents.get('a')!.version).toBe(5);
  });

  it('deletes by id, in batches', async () => {
    await engine.applySettings();
    await engine.delete(['a', 'b', 'c']);
    expect(meilisearch.requestsTo('POST', /\/documents\/delete-batch$/).map((request) => request.body)).toEqual([['a', 'b'], ['c']]);
  });

  it('maps hits (documents), escaped highlights, totals and facet counts (sorted) from the multi-search answer', async () => {
    const document = moduleDocument({ id: 'a', title: 'Pemasaran <b>Digital</b>', summary: 'Ringkas & jelas' });
    meilisearch.multiSearchResponse = () => ({
      results: [
        { indexUid: 'modules', hits: [document], totalHits: 7, facetDistribution: { language: { id: 2, en: 5 }, deliveryMode: {}, priceIdr: { '0': 7 } }, processingTimeMs: 1 },
        { indexUid: 'modules', hits: [], totalHits: 9, facetDistribution: { level: { BEGINNER: 3, ADVANCED: 3, INTERMEDIATE: 1 } }, processingTimeMs: 1 },
      ],
    });
    const response = await engine.search({ query: 'pemasaran', filters: { levels: ['BEGINNER'] }, sort: 'RELEVANCE', page: 1, pageSize: 10 });

    expect(response.hits).toEqual([{ id: 'a', document, highlight: { title: '<mark>Pemasaran</mark> &lt;b&gt;Digital&lt;/b&gt;', summary: 'Ringkas &amp; jelas' } }]);
    expect(response).toMatchObject({ totalHits: 7, totalHitsExact: true });
    expect(response.facets.level).toEqual([
      { value: 'ADVANCED', count: 3 },
      { value: 'BEGINNER', count: 3 },
      { value: 'INTERMEDIATE', count: 1 },
    ]);
    expect(response.facets.language).toEqual([
      { value: 'en', count: 5 },
      { value: 'id', count: 2 },
    ]);
    expect(response.facets.category).toEqual([]);
  });

  it('turns a refused connection into SearchUnavailableError', async () => {
    const closed = new MeilisearchTestDouble();
    const closedUrl = await closed.start();
    await closed.stop();
    const unreachable = new MeilisearchSearchEngine({ client: new Meilisearch({ host: closedUrl }), language });

    await expect(unreachable.search(searchRequest({ query: 'x' }))).rejects.toThrow(SearchUnavailableError);
    await expect(unreachable.upsert([moduleDocument({ id: 'a' })])).rejects.toThrow(SearchUnavailableError);
    await expect(unreachable.applySettings()).rejects.toThrow(SearchUnavailableError);
    expect(await unreachable.isHealthy()).toBe(false);
  });
});

async function* inBatches(...batches: ModuleDocument[][]): AsyncGenerator<ModuleDocument[]> {
  for (const batch of batches) yield batch;
}
