import { MeilisearchTestDouble } from './meilisearch-test-double';

/** The double's own strictness, checked over raw HTTP (as Meilisearch answers, from its source and docs). */
describe('MeilisearchTestDouble', () => {
  const meilisearch = new MeilisearchTestDouble();
  let url: string;
  const call = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(url + path, { method, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  const statuses = async (taskUid: number, polls: number) => {
    const seen: unknown[] = [];
    for (let poll = 0; poll < polls; poll++) seen.push((await call('GET', `/tasks/${taskUid}`)).body.status);
    return seen;
  };

  beforeAll(async () => {
    url = await meilisearch.start();
  });
  afterAll(() => meilisearch.stop());
  beforeEach(() => {
    meilisearch.reset();
    meilisearch.version = '1.50.0';
    meilisearch.taskFailureRate = 0;
  });

  it('takes a task from enqueued through processing to succeeded over several polls', async () => {
    const { status, body } = await call('POST', '/indexes', { uid: 'movies', primaryKey: 'id' });
    expect(status).toBe(202);
    expect(body).toMatchObject({ taskUid: 0, status: 'enqueued', type: 'indexCreation' });
    expect(await statuses(0, 3)).toEqual(['processing', 'succeeded', 'succeeded']);
  });

  it('finishes tasks in the order they were enqueued', async () => {
    await call('POST', '/indexes/movies/documents', [{ id: 1 }]);
    await call('POST', '/indexes/movies/documents', [{ id: 2 }]);
    // Polling the second task advances the first one first.
    expect(await statuses(1, 4)).toEqual(['enqueued', 'enqueued', 'processing', 'succeeded']);
  });

  it('fails tasks at the configured rate', async () => {
    meilisearch.taskFailureRate = 1;
    await call('POST', '/indexes', { uid: 'movies' });
    await statuses(0, 2);
    expect((await call('GET', '/tasks/0')).body).toMatchObject({ status: 'failed', error: { code: 'internal', type: 'internal' } });
    expect(meilisearch.indexes.has('movies')).toBe(false);
  });

  it('answers reads of a missing index with 404 index_not_found and its error body', async () => {
    expect(await call('GET', '/indexes/movies/documents')).toEqual({
      status: 404,
      body: { message: 'Index `movies` not found.', code: 'index_not_found', type: 'invalid_request', link: 'https://docs.meilisearch.com/errors#index_not_found' },
    });
    expect(await call('POST', '/multi-search', { queries: [{ indexUid: 'movies', q: 'x' }] })).toMatchObject({ status: 404, body: { code: 'index_not_found', message: 'Inside `.queries[0]`: Index `movies` not found.' } });
  });

  it('creates the index on a document write, and fails a deletion on a missing one', async () => {
    await call('POST', '/indexes/movies/documents?primaryKey=id', [{ id: 'a' }]);
    await call('POST', '/indexes/films/documents/delete-batch', ['a']);
    meilisearch.drainTasks();
    expect(meilisearch.indexes.get('movies')!.documents.has('a')).toBe(true);
    expect((await call('GET', '/tasks/1')).body).toMatchObject({ status: 'failed', error: { code: 'index_not_found' } });
  });

  it.each([
    ['an unknown field', { filterableAttributes: ['a'], nope: true }, 'bad_request'],
    ['an invalid ranking rule', { rankingRules: ['words', 'popularity'] }, 'invalid_settings_ranking_rules'],
    ['a facet order other than alpha or count', { faceting: { sortFacetValuesBy: { '*': 'frequency' } } }, 'invalid_settings_faceting'],
    ['a zero maxTotalHits', { pagination: { maxTotalHits: 0 } }, 'invalid_settings_pagination'],
  ])('refuses settings with %s synchronously (400, no task)', async (_, settings, code) => {
    const { status, body } = await call('PATCH', '/indexes/movies/settings', settings);
    expect(status).toBe(400);
    expect(body.code).toBe(code);
    expect(meilisearch.requestsTo('GET', /^\/tasks/)).toHaveLength(0);
  });

  it.each([
    ['1.17.1', { indexes: ['a', 'b'], rename: false }, 400],
    ['1.17.1', { indexes: ['a', 'b'] }, 202],
    ['1.18.0', { indexes: ['a', 'b'], rename: false }, 202],
    ['1.18.0', { indexes: ['a'] }, 400],
  ])('checks swap payloads against version %s: %j → %i', async (version, swap, expected) => {
    meilisearch.version = version;
    const { status, body } = await call('POST', '/swap-indexes', [swap]);
    expect(status).toBe(expected);
    if (expected === 400 && 'rename' in swap) expect(body).toMatchObject({ code: 'bad_request', message: expect.stringContaining('Unknown field `rename`') });
  });

  it('fails a swap whose indexes do not exist', async () => {
    await call('POST', '/swap-indexes', [{ indexes: ['a', 'b'] }]);
    meilisearch.drainTasks();
    expect((await call('GET', '/tasks/0')).body).toMatchObject({ status: 'failed', error: { code: 'index_not_found' } });
  });

  it('refuses a filter the grammar rejects, or on an attribute that is not filterable', async () => {
    await call('PATCH', '/indexes/movies/settings', { filterableAttributes: ['genre'] });
    meilisearch.drainTasks();
    expect((await call('POST', '/indexes/movies/search', { filter: 'genre = "drama' })).body.code).toBe('invalid_search_filter');
    expect((await call('POST', '/indexes/movies/search', { filter: 'year > 2000' })).body).toMatchObject({ code: 'invalid_search_filter', message: expect.stringContaining('Attribute `year` is not filterable') });
    expect((await call('POST', '/indexes/movies/search', { q: 'x', matchingStrategy: 'any' })).body.code).toBe('invalid_search_matching_strategy');
    expect((await call('POST', '/indexes/movies/search', { q: 'x', unknown: 1 })).body.code).toBe('bad_request');
  });
});
