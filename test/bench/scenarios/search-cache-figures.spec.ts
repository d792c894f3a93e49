import { hitRate, searchCacheSeries } from './search-cache-figures';

const scrape = (hits: number, misses: number) => `# HELP dm_search_cache_hits_total Searches answered from the cache
# TYPE dm_search_cache_hits_total counter
dm_search_cache_hits_total ${hits}
dm_search_cache_misses_total ${misses}
dm_search_cache_entries 1200
dm_search_cache_bytes 5000000
dm_graphql_requests_total{operation="Search",outcome="ok"} 99
`;

describe('search cache figures from /metrics', () => {
  it('reads only the search_cache series', () => {
    expect([...searchCacheSeries(scrape(3, 4)).keys()]).toEqual(['dm_search_cache_hits_total', 'dm_search_cache_misses_total', 'dm_search_cache_entries', 'dm_search_cache_bytes']);
  });

  it('is the hits over the lookups made between two scrapes', () => {
    expect(hitRate(searchCacheSeries(scrape(10, 90)), searchCacheSeries(scrape(70, 130)))).toBeCloseTo(0.6);
  });

  it('reads counters labelled hit and miss too', () => {
    const before = searchCacheSeries('dm_search_cache_lookups_total{result="hit"} 0\ndm_search_cache_lookups_total{result="miss"} 0\n');
    const after = searchCacheSeries('dm_search_cache_lookups_total{result="hit"} 1\ndm_search_cache_lookups_total{result="miss"} 3\n');
    expect(hitRate(before, after)).toBe(0.25);
  });

  it('has no rate without a cache or without lookups', () => {
    expect(hitRate(new Map(), searchCacheSeries('dm_graphql_requests_total 5\n'))).toBeUndefined();
    expect(hitRate(searchCacheSeries(scrape(5, 5)), searchCacheSeries(scrape(5, 5)))).toBeUndefined();
  });
});
