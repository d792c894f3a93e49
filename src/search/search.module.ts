import { DynamicModule, Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '../config/config';
import { InProcessSearchEngine } from './in-process/in-process-search-engine';
import { createMeilisearchSearchEngine } from './meilisearch/create-meilisearch-search-engine';
import { IndexRepair } from './index-repair';
import { ReindexJobEntity } from './reindex-job.entity';
import { SEARCH_ENGINE, SearchEngine } from './search-engine.port';
import { SearchIndexer } from './search-indexer.service';
import { SearchLifecycle } from './search-lifecycle';
import { SearchResolver } from './search.resolver';
import { SearchService } from './search.service';

/** Meilisearch when MEILI_URL is set, otherwise the in-process engine; both behind SEARCH_ENGINE. */
export function createSearchEngine(config: AppConfig): SearchEngine {
  return config.meili ? createMeilisearchSearchEngine({ url: config.meili.url, apiKey: config.meili.apiKey }) : new InProcessSearchEngine();
}

@Global()
@Module({})
export class SearchModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: SearchModule,
      imports: [TypeOrmModule.forFeature([ReindexJobEntity])],
      providers: [{ provide: SEARCH_ENGINE, useFactory: () => createSearchEngine(config) }, SearchIndexer, SearchService, SearchResolver, SearchLifecycle, IndexRepair],
      exports: [SEARCH_ENGINE, SearchIndexer, IndexRepair],
    };
  }
}
