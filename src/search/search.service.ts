import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Viewer } from '../auth/viewer';
import { ModuleModel } from '../catalog/models/module.model';
import { toModuleModel } from '../catalog/module.mapper';
import { ModuleStatus } from '../catalog/module-status';
import { Loaders } from '../graphql/loaders';
import { Outbox } from '../queue/outbox';
import { JobName } from '../queue/jobs';
import { ModuleSort, SearchModulesInput } from './dto/search-modules.input';
import { JobState } from '../queue/job-state';
import { isCompleteDocument, moduleModelFromDocument } from './indexed-module';
import { ReindexJobEntity } from './reindex-job.entity';
import { SEARCH_ENGINE, SearchEngine, SearchHit, SearchResponse } from './search-engine.port';

export interface SearchPage extends Omit<SearchResponse, 'hits'> {
  hits: { module: ModuleModel; highlight: SearchHit['highlight'] }[];
  page: number;
  pageSize: number;
  totalPages: number;
}

/** searchModules and the admin's reindex. */
@Injectable()
export class SearchService {
  constructor(
    @Inject(SEARCH_ENGINE) private readonly engine: SearchEngine,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
  ) {}

  /**
   * Runs the search. The hits' modules come from the index documents when
   * `fromIndex` (the request selects nothing else), otherwise from the
   * database through the request's batching loaders.
   */
  async search(input: SearchModulesInput, loaders: Loaders, fromIndex: boolean): Promise<SearchPage> {
    const page = input.page ?? 1;
    const pageSize = input.pageSize ?? 20;
    const response = await this.engine.search({
      query: input.query ?? '',
      filters: {
        categorySlugs: input.categorySlugs ?? undefined,
        levels: input.levels ?? undefined,
        languages: input.languages ?? undefined,
        deliveryModes: input.deliveryModes ?? undefined,
        priceIdr: input.priceIdr ?? undefined,
        certificate: input.certificate ?? undefined,
        minDurationMinutes: input.minDurationMinutes ?? undefined,
        maxDurationMinutes: input.maxDurationMinutes ?? undefined,
        minRating: input.minRating ?? undefined,
        contributorKinds: input.contributorKinds ?? undefined,
      },
      sort: input.sort ?? ModuleSort.RELEVANCE,
      page,
      pageSize,
    });
    const hits =
      fromIndex && response.hits.every((hit) => isCompleteDocument(hit.document))
        ? response.hits.map((hit) => ({ module: moduleModelFromDocument(hit.document), highlight: hit.highlight }))
        : await this.hitsFromDatabase(response.hits, loaders);
    return { ...response, hits, processingTimeMs: Math.round(response.processingTimeMs), page, pageSize, totalPages: Math.ceil(response.totalHits / pageSize) };
  }

  private async hitsFromDatabase(hits: SearchHit[], loaders: Loaders): Promise<SearchPage['hits']> {
    const modules = await loaders.modules.loadMany(hits.map((hit) => hit.id));
    // The index trails the database by moments: a hit whose module is no longer PUBLISHED is left out.
    return hits.flatMap((hit, i) => {
      const module = modules[i];
      return module && !(module instanceof Error) && module.status === ModuleStatus.PUBLISHED ? [{ module: toModuleModel(module), highlight: hit.highlight }] : [];
    });
  }

  /** Queues a rebuild of the index from the database; the ReindexJob reports its progress. */
  async requestReindex(viewer: Viewer): Promise<ReindexJobEntity> {
    return this.dataSource.transaction(async (manager) => {
      const job = await manager.save(manager.create(ReindexJobEntity, { state: JobState.QUEUED, requestedBy: viewer.id }));
      await this.outbox.enqueue(manager, JobName.REINDEX, { reindexJobId: job.id });
      return job;
    });
  }

  reindexJob(id: string): Promise<ReindexJobEntity | null> {
    return this.dataSource.getRepository(ReindexJobEntity).findOneBy({ id });
  }
}
