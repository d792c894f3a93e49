
import { Meilisearch } from 'meilisearch';
import { SearchUnavailableError, type ModuleDocument } from '../search-engine.port';
import { MeilisearchTestDouble } from '../testing/meilisearch-test-double';
import { moduleDocument } from '../testing/module-document.factory';
import { loadSearchLanguage } from '../text/search-language';
import { MeilisearchSearchEngine, SearchTaskFailedError } from './meilisearch-search-engine';
import { STEMS_ATTRIBUTE } from './meilisearch-settings';

const language = loadSearchLanguage();

describe('MeilisearchSearchEngine against an HTTP test double', () => {
  const meilisearch = new MeilisearchTestDouble();
  let engine: MeilisearchSearchEngine;

  beforeAll(async () => {
    const url = await meilisearch.start();
    const client = new Meilisearch({ host: url, apiKey: 'test-master-key' });
    engine = new MeilisearchSearchEngine({ client, language, indexUid: 'modules', batchSize: 2, taskPollIntervalMs: 1 });
  });

  afterAll(() => meilisearch.stop());

  beforeEach(() => {
    meilisearch.requests.length = 0;
    meilisearch.indexes.clear();
  });

  it('creates the index and applies the settings of product.md, waiting for both tasks', async () => {
    await engine.applySettings();

    expect(meilisearch.requestsTo('POST', /^\/indexes$/)[0].body).toEqual({ uid: 'modules', primaryKey: 'id' });
    const [settings] = meilisearch.requestsTo('PATCH', /^\/indexes\/modules\/settings$/);
    expect(settings.body).toMatchObject({
      searchableAttributes: ['title', 'skills', 'summary', 'categoryName', 'contributorName', 'description', STEMS_ATTRIBUTE],
      filterableAttributes: expect.arrayContaining(['categorySlug', 'level', 'language', 'deliveryMode', 'priceIdr', 'certificate', 'durationMinutes', 'ratingAverage', 'contributorKind', 'id']),
      sortableAttributes: expect.arrayContaining(['publishedAt', 'ratingAverage', 'enrollmentCount', 'durationMinutes']),
      typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 } },
      stopWords: expect.arrayContaining(['yang', 'dan']),
    });
    const synonyms = (settings.body as { synonyms: Record<string, string[]> }).synonyms;
    expect(synonyms['pemasaran']).toContain('marketing');
    expect(synonyms['marketing']).toContain('pemasaran');
    expect(synonyms['jualan online']).toEqual(expect.arrayContaining(['toko online', 'e-commerce']));
    // Queries are sent as match keys (stem, spelling folded), so the keyed spelling of an entry must expand too.
    expect(synonyms['jual onlin']).toContain('e-commerce');
    const taskPolls = meilisearch.requestsTo('GET', /^\/tasks\/\d+$/).map((request) => request.path);
    expect(taskPolls).toEqual(expect.arrayContaining(['/tasks/0', '/tasks/1']));
    expect(meilisearch.requests[0].authorization).toBe('Bearer test-master-key');
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
    expect(meilisearch.indexes.get('modules')!.get('a')!.version).toBe(5);
  });

  it('deletes by id, in batches', async () => {
    await engine.applySettings();
    await engine.delete(['a', 'b', 'c']);
    expect(meilisearch.requestsTo('POST', /\/documents\/delete-batch$/).map((request) => request.body)).toEqual([['a', 'b'], ['c']]);
  });

  it('sends the filters as expressions and one query per filtered facet without its own filter', async () => {
    await engine.search({
      query: 'Memasarkan "produk"',
      filters: { categorySlugs: ['kuliner', 'a"b'], levels: ['BEGINNER'], certificate: true, minRating: 4, maxDurationMinutes: 90, contributorKinds: ['ORGANIZATION'], excludeIds: ['x1'] },
      sort: 'NEWEST',
      page: 2,
      pageSize: 5,
    });

    const [{ body }] = meilisearch.requestsTo('POST', /^\/multi-search$/);
    const [main, ...perFacet] = (body as { queries: Record<string, unknown>[] }).queries;
    const common = [
      'durationMinutes <= 90',
      'ratingAverage >= 4',
      'contributorKind IN ["ORGANIZATION"]',
      'id NOT IN ["x1"]',
    ];
    const category = 'categorySlug IN ["kuliner", "a\\"b"]';
    expect(main).toMatchObject({
      indexUid: 'modules',
      q: 'pasar produk',
      matchingStrategy: 'all',
      filter: [category, 'level IN ["BEGINNER"]', 'certificate = true', ...common],
      sort: ['publishedAt:desc', 'id:asc'],
      page: 2,
      hitsPerPage: 5,
      facets: ['language', 'deliveryMode', 'priceIdr'],
    });
    // The whole document (so a page of hits needs no database read), never the stems.
    expect([...(main.attributesToRetrieve as string[])].sort()).toEqual(Object.keys(moduleDocument({ id: 'x' })).sort());
    expect(perFacet).toEqual([
      expect.objectContaining({ filter: ['level IN ["BEGINNER"]', 'certificate = true', ...common], facets: ['categorySlug'], hitsPerPage: 0 }),
      expect.objectContaining({ filter: [category, 'certificate = true', ...common], facets: ['level'], hitsPerPage: 0 }),
      expect.objectContaining({ filter: [category, 'level IN ["BEGINNER"]', ...common], facets: ['certificate'], hitsPerPage: 0 }),
    ]);
  });

  it('maps hits (documents), escaped highlights, totals and facet counts (sorted) from the multi-search answer', async () => {
    const document = moduleDocument({ id: 'a', title: 'Pemasaran <b>Digital</b>', summary: 'Ringkas & jelas' });
    meilisearch.multiSearchResponse = () => ({
      results: [
        {
          indexUid: 'modules',
          hits: [document],
          totalHits: 7,
          facetDistribution: { language: { id: 2, en: 5 }, deliveryMode: {}, priceIdr: { '0': 7 } },
          processingTimeMs: 1,
        },
        { indexUid: 'modules', hits: [], totalHits: 9, facetDistribution: { level: { BEGINNER: 3, ADVANCED: 3, INTERMEDIATE: 1 } }, processingTimeMs: 1 },
      ],
    });
    const response = await engine.search({ query: 'pemasaran', filters: { levels: ['BEGINNER'] }, sort: 'RELEVANCE', page: 1, pageSize: 10 });

    expect(response.hits).toEqual([{ id: 'a', document, highlight: { title: '<mark>Pemasaran</mark> &lt;b&gt;Digital&lt;/b&gt;', summary: 'Ringkas &amp; jelas' } }]);
    expect(response.totalHits).toBe(7);
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

  it('rebuilds into a new index, swaps it in and deletes the old one', async () => {
    await engine.applySettings();
    await engine.upsert([moduleDocument({ id: 'old' })]);
    meilisearch.requests.length = 0;
    async function* batches() {
      yield [moduleDocument({ id: 'n1' }), moduleDocument({ id: 'n2' }), moduleDocument({ id: 'n3' })];
    }

    expect(await engine.rebuild(batches())).toBe(3);

    const [created] = meilisearch.requestsTo('POST', /^\/indexes$/);
    const freshUid = (created.body as { uid: string }).uid;
    expect(freshUid).toMatch(/^modules_rebuild_\d+$/);
    expect(meilisearch.requestsTo('PATCH', new RegExp(`^/indexes/${freshUid}/settings$`))).toHaveLength(1);
    expect(meilisearch.requestsTo('POST', new RegExp(`^/indexes/${freshUid}/documents$`))).toHaveLength(2);
    expect(meilisearch.requestsTo('POST', /^\/swap-indexes$/)[0].body).toEqual([{ indexes: ['modules', freshUid], rename: false }]);
    expect(meilisearch.requestsTo('DELETE', new RegExp(`^/indexes/${freshUid}$`))).toHaveLength(1);
    expect([...meilisearch.indexes.keys()]).toEqual(['modules']);
    expect([...(await engine.indexedVersions()).keys()].sort()).toEqual(['n1', 'n2', 'n3']);
  });

  it('turns a refused connection into SearchUnavailableError', async () => {
    const closed = new MeilisearchTestDouble();
    const url = await closed.start();
    await closed.stop();
    const unreachable = new MeilisearchSearchEngine({ client: new Meilisearch({ host: url }), language });

    await expect(unreachable.search({ query: 'x', filters: {}, sort: 'RELEVANCE', page: 1, pageSize: 5 })).rejects.toThrow(SearchUnavailableError);
    await expect(unreachable.upsert([moduleDocument({ id: 'a' })])).rejects.toThrow(SearchUnavailableError);
    expect(await unreachable.isHealthy()).toBe(false);
  });
});
