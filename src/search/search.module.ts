import { DynamicModule, Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CatalogModule } from '../catalog/catalog.module';
import { AppConfig } from '../config/config';
import { LoadersModule } from '../graphql/loaders.module';
import { InProcessSearchEngine } from './in-process/in-process-search-engine';
import { createMeilisearchSearchEngine } from './meilisearch/create-meilisearch-search-engine';
import { IndexRepair } from './index-repair';
import { ReindexJobEntity } from './reindex-job.entity';
import { SEARCH_ENGINE, SearchEngine } from './search-engine.port';
import { SearchIndexer } from './search-indexer.service';
import { SearchLifecycle } from './search-lifecycle';
import { SearchPages } from './search.pages';
import { SearchResolver } from './search.resolver';
import { SearchService } from './search.service';
import { loadSearchLanguage, SEARCH_LANGUAGE, type SearchLanguage } from './text/search-language';

/** Meilisearch when MEILI_URL is set, otherwise the in-process engine; both behind SEARCH_ENGINE. */
export function createSearchEngine(config: AppConfig, language: SearchLanguage = loadSearchLanguage(config.searchSynonymsFile)): SearchEngine {
  return config.meili ? createMeilisearchSearchEngine({ url: config.meili.url, apiKey: config.meili.apiKey, language }) : new InProcessSearchEngine({ language });
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
        { provide: SEARCH_ENGINE, useFactory: (language: SearchLanguage) => createSearchEngine(config, language), inject: [SEARCH_LANGUAGE] },
        SearchIndexer,
        SearchService,
        SearchResolver,
        SearchLifecycle,
        IndexRepair,
      ],
      exports: [SEARCH_ENGINE, SEARCH_LANGUAGE, SearchIndexer, IndexRepair, SearchService],
    };
  }
}
