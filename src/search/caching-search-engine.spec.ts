import { CachingSearchEngine, searchResponseBytes, type SearchCacheOptions } from './caching-search-engine';
import { InProcessSearchEngine } from './in-process/in-process-search-engine';
import type { ModuleDocument, SearchRequest } from './search-engine.port';
import { loadSearchLanguage } from './text/search-language';
import { moduleDocument } from '../../test/search/module-document.factory';

const language = loadSearchLanguage();
const request = (query: string, overrides: Partial<SearchRequest> = {}): SearchRequest => ({ query, filters: {}, sort: 'RELEVANCE', page: 1, pageSize: 20, ...overrides });
const LELE = moduleDocument({ id: 'lele', title: 'Budidaya Lele Bioflok' });
const JAMUR = moduleDocument({ id: 'jamur', title: 'Budidaya Jamur Tiram' });

/** A real in-process engine behind the cache, its searches counted. */
async function cached(options: Partial<SearchCacheOptions> = {}, documents: ModuleDocument[] = [LELE]) {
  const engine = new InProcessSearchEngine({ language });
  await engine.upsert(documents);
  const searches = jest.spyOn(engine, 'search');
  const cache = new CachingSearchEngine(engine, { maxEntries: 100, maxBytes: 1_000_000, ...options });
  const ids = async (query: string, overrides: Partial<SearchRequest> = {}) => (await cache.search(request(query, overrides))).hits.map((hit) => hit.id);
  return { engine, cache, searches, ids };
}

describe('CachingSearchEngine', () => {
  it('answers a repeated search (any spelling of one key) from the cache, and counts hits and misses', async () => {
    const { cache, searches, ids } = await cached();
    expect(await ids('budidaya lele')).toEqual(['lele']);
    expect(await ids('Budidaya  LELE')).toEqual(['lele']);
    expect(await ids('budidaya lele', { page: 2 })).toEqual([]);
    expect(searches).toHaveBeenCalledTimes(2);
    expect(cache.stats()).toMatchObject({ hits: 1, misses: 2, entries: 2 });
    expect(cache.stats().bytes).toBeGreaterThan(0);
  });

  it.each([
    ['an upsert', async (cache: CachingSearchEngine) => cache.upsert([JAMUR]), ['jamur', 'lele']],
    ['a delete', async (cache: CachingSearchEngine) => cache.delete(['lele']), []],
    ['a rebuild', async (cache: CachingSearchEngine) => void (await cache.rebuild((async function* () { yield [JAMUR]; })())), ['jamur']],
  ])('forgets every answer after %s', async (_, write, expected) => {
    const { cache, ids } = await cached();
    expect(await ids('budidaya')).toEqual(['lele']);
    await write(cache);
    expect((await ids('budidaya')).sort()).toEqual(expected);
    expect(cache.stats().entries).toBe(1);
  });

  it('forgets every answer after a write that failed (it may have written part)', async () => {
    const { engine, cache, ids } = await cached();
    expect(await ids('budidaya')).toEqual(['lele']);
    jest.spyOn(engine, 'upsert').mockImplementationOnce(async (documents) => {
      await engine.upsert.call(engine, documents.slice(0, 1));
      throw new Error('engine down after one document');
    });
    await expect(cache.upsert([JAMUR, moduleDocument({ id: 'x' })])).rejects.toThrow('engine down');
    expect((await ids('budidaya')).sort()).toEqual(['jamur', 'lele']);
  });

  it('does not keep an answer computed while a write ended', async () => {
    const { engine, cache, searches, ids } = await cached();
    let answer!: () => void;
    const held = new Promise<void>((resolve) => (answer = resolve));
    searches.mockImplementationOnce(async (searched) => {
      const response = await InProcessSearchEngine.prototype.search.call(engine, searched);
      await held;
      return response;
    });
    const before = cache.search(request('budidaya'));
    await cache.upsert([JAMUR]);
    answer();
    expect((await before).hits.map((hit) => hit.id)).toEqual(['lele']);
    expect(cache.stats().entries).toBe(0);
    expect((await ids('budidaya')).sort()).toEqual(['jamur', 'lele']);
  });

  it('sends concurrent identical searches to the engine once', async () => {
    const { cache, searches } = await cached();
    const answers = await Promise.all([cache.search(request('lele')), cache.search(request('LELE')), cache.search(request('lele'))]);
    expect(answers.map((response) => response.hits.length)).toEqual([1, 1, 1]);
    expect(searches).toHaveBeenCalledTimes(1);
    expect(cache.stats()).toMatchObject({ hits: 2, misses: 1 });
  });

  it('serves an answer no longer than its TTL (Meilisearch: written by other processes too)', async () => {
    let now = 1_000;
    const { engine, cache, searches, ids } = await cached({ ttlMs: 500, clock: { now: () => now } });
    expect(await ids('budidaya')).toEqual(['lele']);
    // Another process's write: this object never sees it.
    await engine.upsert([JAMUR]);
    now += 499;
    expect(await ids('budidaya')).toEqual(['lele']);
    now += 2;
    expect((await ids('budidaya')).sort()).toEqual(['jamur', 'lele']);
    expect(searches).toHaveBeenCalledTimes(2);
  });

  it('passes requests excluding ids (one beneficiary\'s) through uncounted, and everything when its size is 0', async () => {
    const { cache, searches } = await cached();
    for (let i = 0; i < 2; i++) await cache.search(request('lele', { filters: { excludeIds: ['jamur'] } }));
    expect(searches).toHaveBeenCalledTimes(2);
    expect(cache.stats()).toEqual({ hits: 0, misses: 0, entries: 0, bytes: 0 });

    const off = await cached({ maxEntries: 0 });
    for (let i = 0; i < 2; i++) await off.cache.search(request('lele'));
    expect(off.searches).toHaveBeenCalledTimes(2);
  });

  it('keeps the answers within its byte bound, least recently used out first', async () => {
    const documents = Array.from({ length: 20 }, (_, i) => moduleDocument({ id: `m${i}`, title: `Budidaya Lele ${i}`, description: 'Kolam terpal. '.repeat(100) }));
    const engine = new InProcessSearchEngine({ language });
    await engine.upsert(documents);
    const one = searchResponseBytes(await engine.search(request('budidaya')));
    const { cache, searches } = await cached({ maxBytes: Math.floor(one * 2.5) }, documents);
    for (const query of ['budidaya', 'lele', 'budidaya', 'kolam']) await cache.search(request(query));
    expect(cache.stats().entries).toBe(2);
    expect(cache.stats().bytes).toBeLessThanOrEqual(one * 2.5);
    // 'lele' was the least recently used: it went first.
    await cache.search(request('budidaya'));
    await cache.search(request('lele'));
    expect(searches).toHaveBeenCalledTimes(4);
    expect(one).toBeGreaterThan(20 * 1_400);
  });
});
