import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { HealthService } from '../health/health.service';
import { IndexSnapshots } from './index-snapshots';
import { MeilisearchVersionError } from './meilisearch/meilisearch-version';
import { SEARCH_ENGINE, SearchEngine } from './search-engine.port';
import { SearchIndexer } from './search-indexer.service';

/**
 * At start: Meilisearch gets its settings (waited on); the in-process engine
 * is loaded from its snapshot and caught up with the database, or else built
 * from the database, before the API answers. (The daily
 * reconciliation is scheduled by the queue, see background-work.ts.)
 */
@Injectable()
export class SearchLifecycle implements OnApplicationBootstrap {
  private readonly logger = new Logger(SearchLifecycle.name);

  constructor(
    @Inject(SEARCH_ENGINE) private readonly engine: SearchEngine,
    private readonly indexer: SearchIndexer,
    private readonly snapshots: IndexSnapshots,
    health: HealthService,
  ) {
    // Search down degrades the API (SEARCH_UNAVAILABLE) but writes go on, so it is not required.
    health.register({ name: 'search', required: false, isUp: () => this.engine.isHealthy() });
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.engine.name === 'in-process') {
      if ((await this.snapshots.restore()) !== undefined) return;
      const started = Date.now();
      const count = await this.indexer.rebuild();
      this.logger.log(`In-process search index built: ${count} modules in ${Date.now() - started} ms`);
    } else {
      await this.engine.applySettings().catch((error: unknown) => {
        // Too old a Meilisearch never works: refuse to start, with its one-line reason.
        if (error instanceof MeilisearchVersionError) throw error;
        // Meilisearch may be down at start: the API still starts; searches answer SEARCH_UNAVAILABLE until it is back.
        this.logger.error(`Could not apply the search settings: ${error instanceof Error ? error.message : String(error)}`);
      });
    }
  }
}
