import { Inject, Injectable, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Viewer } from '../auth/viewer';
import { APP_CONFIG, AppConfig } from '../config/config';
import { ModuleModel } from '../catalog/models/module.model';
import { toModuleModel } from '../catalog/module.mapper';
import { ModuleStatus } from '../catalog/module-status';
import { ModuleChanges } from '../database/module-changes';
import { Loaders } from '../graphql/loaders';
import { MetricsService } from '../observability/metrics.service';
import { Outbox } from '../queue/outbox';
import { JobName } from '../queue/jobs';
import { ModuleSort, SearchModulesInput } from './dto/search-modules.input';
import { JobState } from '../queue/job-state';
import { judgeHit, ModuleState, withoutGoneHits } from './hit-check';
import { IndexRepair } from './index-repair';
import { isCompleteDocument, moduleModelFromDocument } from './indexed-module';
import { ModuleStateCache } from './module-state-cache';
import { ModuleStateReader } from './module-state-reader';
import { ReindexJobEntity } from './reindex-job.entity';
import { SEARCH_ENGINE, SearchEngine, SearchHit, SearchResponse } from './search-engine.port';

export interface SearchPage extends Omit<SearchResponse, 'hits' | 'totalHitsExact'> {
  totalHitsExact: boolean;
  hits: { module: ModuleModel; highlight: SearchHit['highlight'] }[];
  page: number;
  pageSize: number;
  totalPages: number;
}

/** searchModules and the admin's reindex. */

/** How long a queued or running rebuild answers new requests: far longer than a rebuild of 100,000 modules takes. */
const REINDEX_COALESCE_MS = 60 * 60_000;
@Injectable()
export class SearchService {
  /** Embedded mode: the states read since the last change of a module (see ModuleChanges). */
  private readonly states?: ModuleStateCache;
  private readonly stateReader: ModuleStateReader;

  constructor(
    @Inject(SEARCH_ENGINE) private readonly engine: SearchEngine,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly repair: IndexRepair,
    @Inject(APP_CONFIG) config: AppConfig,
    // Absent in the worker process, which serves no searches and no /metrics.
    @Optional() private readonly metrics?: MetricsService,
    @Optional() changes?: ModuleChanges,
  ) {
    if (changes?.watching) this.states = new ModuleStateCache(changes);
    // The hit checks hold at most half the pool's connections (the embedded mode's one), the rest is the writes' and the jobs'.
    this.stateReader = new ModuleStateReader((ids) => this.readStates(ids), Math.max(1, Math.floor(config.databasePoolSize / 2)));
  }

  /**
   * Runs the search. Every hit is checked against the database: a module it
   * no longer publishes is left out (and counted out), and a document older
   * than its row never answers. The hits' modules come from the index
   * documents when `fromIndex` (the request selects nothing else) and the
   * document is current, otherwise from the database through the request's
   * batching loaders.
   */
  async search(input: SearchModulesInput, loaders: Loaders, fromIndex: boolean): Promise<SearchPage> {
    const page = input.page ?? 1;
    const pageSize = input.pageSize ?? 20;
    const stopTimer = this.metrics?.searchDuration.startTimer({ engine: this.engine.name });
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
        hasQuiz: input.hasQuiz ?? undefined,
      },
      sort: input.sort ?? ModuleSort.RELEVANCE,
      page,
      pageSize,
    }).finally(() => stopTimer?.());
    const documentsAnswer = fromIndex && response.hits.every((hit) => isCompleteDocument(hit.document));
    const { hits, gone, outdated } = await this.checkHits(response.hits, loaders, documentsAnswer);
    if (gone.length > 0 || outdated.length > 0) await this.repair.requestSync([...gone.map((hit) => hit.id), ...outdated]);
    const counts = withoutGoneHits(response, gone);
    return {
      ...response,
      ...counts,
      hits,
      totalHitsExact: response.totalHitsExact ?? true,
      processingTimeMs: Math.round(response.processingTimeMs),
      page,
      pageSize,
      totalPages: Math.ceil(counts.totalHits / pageSize),
    };
  }

  /**
   * One indexed query per page (`id = ANY`, status and version only; in
   * embedded mode only for the modules not read since the last change) when the
   * documents answer; the page's rows, which the answer needs anyway, when
   * the database does. Status always comes from the database.
   */
  private async checkHits(hits: SearchHit[], loaders: Loaders, documentsAnswer: boolean): Promise<{ hits: SearchPage['hits']; gone: SearchHit[]; outdated: string[] }> {
    const ids = hits.map((hit) => hit.id);
    const states = documentsAnswer ? await this.moduleStates(ids) : await this.rowStates(ids, loaders);
    const gone: SearchHit[] = [];
    const outdated: string[] = [];
    const answers = await Promise.all(
      hits.map(async (hit) => {
        const state = states.get(hit.id);
        const verdict = judgeHit(hit, state);
        if (verdict === 'OUTDATED') outdated.push(hit.id);
        if (verdict === 'CURRENT' && documentsAnswer) return { module: moduleModelFromDocument(hit.document, state!.status), highlight: hit.highlight };
        // Rows are read after the check: one unpublished in between is left out too.
        const row = verdict === 'GONE' ? undefined : await loaders.modules.load(hit.id);
        if (row?.status === ModuleStatus.PUBLISHED) return { module: toModuleModel(row), highlight: hit.highlight };
        gone.push(hit);
        return undefined;
      }),
    );
    return { hits: answers.filter((answer) => answer !== undefined), gone, outdated };
  }

  private moduleStates(ids: string[]): Promise<Map<string, ModuleState>> {
    if (ids.length === 0) return Promise.resolve(new Map());
    return this.states ? this.states.statesOf(ids, (unknown) => this.stateReader.read(unknown)) : this.stateReader.read(ids);
  }

  private async readStates(ids: string[]): Promise<Map<string, ModuleState>> {
    const rows: ({ id: string } & ModuleState)[] = await this.dataSource.query(`SELECT id, status, version FROM modules WHERE id = ANY($1::uuid[])`, [ids]);
    return new Map(rows.map((row) => [row.id, row]));
  }

  private async rowStates(ids: string[], loaders: Loaders): Promise<Map<string, ModuleState>> {
    const rows = await loaders.modules.loadMany(ids);
    return new Map(rows.flatMap((row) => (row && !(row instanceof Error) ? [[row.id, row] as const] : [])));
  }

  /** Queues a rebuild of the index from the database; the ReindexJob reports its progress. */
  /**
   * Queues a rebuild, or answers the one already queued or running: two
   * admins (or a double click) never start two rebuilds that would race to
   * swap the index. A job older than REINDEX_COALESCE_MS is not waited for
   * (its worker died without marking it), so a stuck job never blocks rebuilds.
   */
  async requestReindex(viewer: Viewer): Promise<ReindexJobEntity> {
    return this.dataSource.transaction(async (manager) => {
      // Requests take turns, so two at once cannot both find none under way.
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('reindex-request'))`);
      const underWay = await manager
        .getRepository(ReindexJobEntity)
        .createQueryBuilder('job')
        .where('job.state IN (:...states)', { states: [JobState.QUEUED, JobState.RUNNING] })
        .andWhere('job.created_at > :since', { since: new Date(Date.now() - REINDEX_COALESCE_MS) })
        .orderBy('job.created_at', 'DESC')
        .getOne();
      if (underWay) return underWay;
      const job = await manager.save(manager.create(ReindexJobEntity, { state: JobState.QUEUED, requestedBy: viewer.id }));
      await this.outbox.enqueue(manager, JobName.REINDEX, { reindexJobId: job.id });
      return job;
    });
  }

  reindexJob(id: string): Promise<ReindexJobEntity | null> {
    return this.dataSource.getRepository(ReindexJobEntity).findOneBy({ id });
  }

  /** The newest reindex requested, whatever its state (the admin's page shows it and links its progress). */
  latestReindexJob(): Promise<ReindexJobEntity | null> {
    return this.dataSource.getRepository(ReindexJobEntity).findOne({ where: {}, order: { createdAt: 'DESC', id: 'DESC' } });
  }
}
