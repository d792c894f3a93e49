import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { JobHandlers } from '../queue/job-handlers';
import { JobName } from '../queue/jobs';
import { allPublishedDocuments, publishedDocuments, publishedVersions } from './module-documents';
import { JobState } from '../queue/job-state';
import { ReindexJobEntity } from './reindex-job.entity';
import { SEARCH_ENGINE, SearchEngine } from './search-engine.port';

export interface ReconcileReport {
  upserted: number;
  deleted: number;
}

/**
 * Keeps the index equal to the database's PUBLISHED modules. Every handler
 * reads the current state from the database, so running one twice, late or
 * out of order converges to the same index.
 */
@Injectable()
export class SearchIndexer implements OnModuleInit {
  private readonly logger = new Logger(SearchIndexer.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(SEARCH_ENGINE) private readonly engine: SearchEngine,
    private readonly handlers: JobHandlers,
  ) {}

  onModuleInit(): void {
    this.handlers.register(JobName.SYNC_MODULE, ({ moduleId }) => this.syncModules([moduleId]));
    this.handlers.register(JobName.RECONCILE_INDEX, () => this.reconcile().then(() => undefined));
    this.handlers.register(JobName.REINDEX, ({ reindexJobId }) => this.reindex(reindexJobId));
  }

  /** Upserts the PUBLISHED ones among `moduleIds`, deletes the others. */
  async syncModules(moduleIds: string[]): Promise<void> {
    const documents = await publishedDocuments(this.dataSource, moduleIds);
    if (documents.size > 0) await this.engine.upsert([...documents.values()]);
    const gone = moduleIds.filter((id) => !documents.has(id));
    if (gone.length > 0) await this.engine.delete(gone);
  }

  /** Builds a fresh index from the database and swaps it in. */
  async rebuild(onProgress?: (indexed: number) => void): Promise<number> {
    return this.engine.rebuild(allPublishedDocuments(this.dataSource), onProgress);
  }

  /** Repairs drift between the database and the index, and says what it fixed. */
  async reconcile(): Promise<ReconcileReport> {
    const [wanted, indexed] = await Promise.all([publishedVersions(this.dataSource), this.engine.indexedVersions()]);
    const stale = [...wanted].filter(([id, version]) => indexed.get(id) !== version).map(([id]) => id);
    const extra = [...indexed.keys()].filter((id) => !wanted.has(id));
    for (let i = 0; i < stale.length; i += 1_000) await this.syncModules(stale.slice(i, i + 1_000));
    if (extra.length > 0) await this.engine.delete(extra);
    const report = { upserted: stale.length, deleted: extra.length };
    if (report.upserted || report.deleted) this.logger.warn(`Reconciliation repaired the index: ${report.upserted} upserted, ${report.deleted} deleted`);
    else this.logger.log('Reconciliation found the index in line with the database');
    return report;
  }

  private async reindex(reindexJobId: string): Promise<void> {
    const jobs = this.dataSource.getRepository(ReindexJobEntity);
    await jobs.update({ id: reindexJobId }, { state: JobState.RUNNING, indexedDocuments: 0 });
    try {
      const indexed = await this.rebuild((count) => void jobs.update({ id: reindexJobId }, { indexedDocuments: count }));
      await jobs.update({ id: reindexJobId }, { state: JobState.SUCCEEDED, indexedDocuments: indexed, finishedAt: new Date() });
      this.logger.log(`Reindex ${reindexJobId}: ${indexed} documents`);
    } catch (error) {
      await jobs.update({ id: reindexJobId }, { state: JobState.FAILED, error: error instanceof Error ? error.message : String(error), finishedAt: new Date() });
      throw error;
    }
  }
}
