import { Counter } from 'prom-client';
import { METRIC_PREFIX, MetricsService } from '../observability/metrics.service';
import type { CachingSearchEngine } from './caching-search-engine';

/** The answers cache's figures, read on scrape: hits and misses since start, entries and estimated bytes now. */
export function registerSearchCacheMetrics(metrics: MetricsService, cache: CachingSearchEngine): void {
  const counter = (name: string, help: string, figure: () => number) =>
    new Counter({
      name: `${METRIC_PREFIX}${name}`,
      help,
      registers: [metrics.registry],
      collect() {
        this.reset();
        this.inc(figure());
      },
    });
  counter('search_cache_hits_total', 'Searches answered from the answers cache (or by an identical search in flight)', () => cache.stats().hits);
  counter('search_cache_misses_total', 'Searches the answers cache sent to the engine (requests excluding ids bypass it and are not counted)', () => cache.stats().misses);
  metrics.scrapeGauge('search_cache_entries', 'Answers held by the search answers cache', [], async (gauge) => gauge.set(cache.stats().entries));
  metrics.scrapeGauge('search_cache_bytes', 'Estimated size of the answers held by the search answers cache (SEARCH_CACHE_MAX_BYTES bounds it)', [], async (gauge) => gauge.set(cache.stats().bytes));
}
