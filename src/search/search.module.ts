import { DynamicModule, Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CatalogModule } from '../catalog/catalog.module';
import { AppConfig } from '../config/config';
import { LoadersModule } from '../graphql/loaders.module';
import { MetricsService } from '../observability/metrics.service';
import { CachingSearchEngine } from './caching-search-engine';
import { InProcessSearchEngine } from './in-process/in-process-search-engine';
import { createMeilisearchSearchEngine } from './meilisearch/create-meilisearch-search-engine';
import { IndexRepair } from './index-repair';
import { IndexSnapshots } from './index-snapshots';
import { ReindexJobEntity } from './reindex-job.entity';
import { SEARCH_ENGINE, SearchEngine } from './search-engine.port';
import { SearchIndexer } from './search-indexer.service';
import { SearchLifecycle } from './search-lifecycle';
import { SearchPages } from './search.pages';
import { SearchResolver } from './search.resolver';
import { registerSearchCacheMetrics } from './search-cache-metrics';
import { SearchService } from './search.service';
import { loadSearchLanguage, SEARCH_LANGUAGE, type SearchLanguage } from './text/search-language';

/** Meilisearch when MEILI_URL is set, otherwise the in-process engine; both behind SEARCH_ENGINE. */
export function createSearchEngine(config: AppConfig, language: SearchLanguage = loadSearchLanguage(config.searchSynonymsFile)): SearchEngine {
  return config.meili ? createMeilisearchSearchEngine({ url: config.meili.url, apiKey: config.meili.apiKey, language }) : new InProcessSearchEngine({ language });
}

/**
 * The engine behind its answers cache. Only this process writes the
 * in-process index, so its answers live until the next write; Meilisearch is
 * also written by the worker and other API processes, whose writes this
 * process cannot see: its answers also expire after SEARCH_CACHE_TTL_MS.
 */
export function createCachedSearchEngine(config: AppConfig, language: SearchLanguage, metrics?: MetricsService): CachingSearchEngine {
  const { maxEntries, maxBytes, ttlMs } = config.searchCache;
  const engine = new CachingSearchEngine(createSearchEngine(config, language), { maxEntries, maxBytes, ttlMs: config.meili ? ttlMs : undefined });
  if (metrics) registerSearchCacheMetrics(metrics, engine);
  return engine;
}

@Global()
@Module({})
export class SearchModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: SearchModule,
      imports: [TypeOrmModule.forFeature([ReindexJobEntity]), LoadersModule, CatalogModule],
      controllers: [SearchPages],
      providers: [
        { provide: SEARCH_LANGUAGE, useFactory: () => loadSearchLanguage(config.searchSynonymsFile) },
        {
          provide: SEARCH_ENGINE,
          // MetricsService is absent in the worker process, which serves no searches.
          useFactory: (language: SearchLanguage, metrics?: MetricsService) => createCachedSearchEngine(config, language, metrics),
          inject: [SEARCH_LANGUAGE, { token: MetricsService, optional: true }],
        },
        SearchIndexer,
        SearchService,
        SearchResolver,
        SearchLifecycle,
        IndexRepair,
        IndexSnapshots,
      ],
      exports: [SEARCH_ENGINE, SEARCH_LANGUAGE, SearchIndexer, IndexRepair, SearchService],
    };
  }
}
