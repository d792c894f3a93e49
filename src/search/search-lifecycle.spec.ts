import type { HealthService } from '../health/health.service';
import { MeilisearchVersionError } from './meilisearch/meilisearch-version';
import { SearchUnavailableError, type SearchEngine } from './search-engine.port';
import type { IndexSnapshots } from './index-snapshots';
import type { SearchIndexer } from './search-indexer.service';
import { SearchLifecycle } from './search-lifecycle';

function lifecycleWith(applySettings: () => Promise<void>): SearchLifecycle {
  const engine = { name: 'meilisearch', applySettings, isHealthy: async () => true } as unknown as SearchEngine;
  return new SearchLifecycle(engine, {} as SearchIndexer, {} as IndexSnapshots, { register: () => undefined } as unknown as HealthService);
}

describe('SearchLifecycle with Meilisearch', () => {
  it('refuses to start against a Meilisearch older than the minimum', async () => {
    await expect(lifecycleWith(() => Promise.reject(new MeilisearchVersionError('1.2.0'))).onApplicationBootstrap()).rejects.toThrow('Meilisearch 1.2.0 is older than 1.4.0');
  });

  it('starts while Meilisearch is down (searches answer SEARCH_UNAVAILABLE until it is back)', async () => {
    await expect(lifecycleWith(() => Promise.reject(new SearchUnavailableError())).onApplicationBootstrap()).resolves.toBeUndefined();
  });
});
