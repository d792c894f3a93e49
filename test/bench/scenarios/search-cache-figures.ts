/**
 * The API's search-cache hit rate, from its Prometheus /metrics: the series
 * whose names hold "search_cache", scraped before and after a load.
 */

/** Series name (with labels) → value, of the series whose name holds "search_cache". */
export type CacheSeries = Map<string, number>;

export function searchCacheSeries(exposition: string): CacheSeries {
  const series: CacheSeries = new Map();
  for (const line of exposition.split('\n')) {
    if (line.startsWith('#') || !line.includes('search_cache')) continue;
    const match = /^(\S+?(?:\{.*\})?)\s+(\S+)/.exec(line.trim());
    if (match && Number.isFinite(Number(match[2]))) series.set(match[1], Number(match[2]));
  }
  return series;
}

/**
 * Hits over hits + misses between two scrapes: counters named …hit… and
 * …miss… (or labelled "hit" and "miss"). Undefined when the API exposes no
 * such counters or the load made no lookups.
 */
export function hitRate(before: CacheSeries, after: CacheSeries): number | undefined {
  let hits = 0;
  let misses = 0;
  for (const [name, value] of after) {
    const delta = value - (before.get(name) ?? 0);
    const kind = name.toLowerCase();
    if (/ratio|rate|bytes|entries|size/.test(kind.split('{')[0])) continue;
    if (/miss/.test(kind)) misses += delta;
    else if (/hit/.test(kind)) hits += delta;
  }
  return hits + misses > 0 ? hits / (hits + misses) : undefined;
}

export async function scrapeSearchCache(metricsUrl: string, token: string): Promise<CacheSeries> {
  const response = await fetch(metricsUrl, { headers: { authorization: `Bearer ${token}` } });
  const text = await response.text();
  if (response.status !== 200) throw new Error(`GET /metrics answered ${response.status}: ${text.slice(0, 200)}`);
  return searchCacheSeries(text);
}
