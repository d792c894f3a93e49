import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { JobHandlers } from '../queue/job-handlers';
import { JobName } from '../queue/jobs';
import { IndexSnapshots } from './index-snapshots';
import { allPublishedDocuments, publishedDocuments, publishedVersions } from './module-documents';
import { JobState } from '../queue/job-state';
import { ReindexJobEntity } from './reindex-job.entity';
import { ModuleDocument, SEARCH_ENGINE, SearchEngine } from './search-engine.port';
import { CuratedSearchLanguage, SEARCH_LANGUAGE } from './text/search-language';

/** Writes of one sync before it fails for now (and is retried): each pass reads back what it wrote. */
const MAX_SYNC_PASSES = 5;
/** The reconciliation also runs on its own once a day. */
const DAY_MS = 24 * 60 * 60 * 1000;

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
    @Inject(SEARCH_LANGUAGE) private readonly language: CuratedSearchLanguage,
    private readonly snapshots: IndexSnapshots,
  ) {}

  onModuleInit(): void {
    this.handlers.register(JobName.SYNC_MODULE, ({ moduleId }) => this.syncModules([moduleId]));
    this.handlers.register(JobName.RECONCILE_INDEX, () => this.reconcile().then(() => undefined), { everyMs: DAY_MS });
    this.handlers.register(JobName.REINDEX, ({ reindexJobId }) => this.reindex(reindexJobId));
  }

  /**
   * Upserts the PUBLISHED ones among `moduleIds`, deletes the others. A late
   * or duplicate delivery may write what it read after a newer sync wrote, so
   * it reads again after writing and writes again until the database held
   * still: the last write to the engine always matches the database.
   */
  async syncModules(moduleIds: string[]): Promise<void> {
    let documents = await publishedDocuments(this.dataSource, moduleIds);
    for (let pass = 1; ; pass++) {
      if (documents.size > 0) await this.engine.upsert([...documents.values()]);
      const gone = moduleIds.filter((id) => !documents.has(id));
      if (gone.length > 0) await this.engine.delete(gone);
      const current = await publishedDocuments(this.dataSource, moduleIds);
      if (sameDocuments(documents, current)) return;
      // The job fails and is retried with a backoff: the modules are changing faster than they sync.
      if (pass === MAX_SYNC_PASSES) throw new Error(`Modules kept changing while their search documents were written (${moduleIds.length} module(s))`);
      documents = current;
    }
  }

  /**
   * Reads the curators' synonyms again, builds a fresh index from the
   * database and swaps it in; the in-process index's snapshot is then written
   * in the background (searches go on meanwhile).
   */
  async rebuild(onProgress?: (indexed: number) => void): Promise<number> {
    this.language.reload();
    const count = await this.engine.rebuild(allPublishedDocuments(this.dataSource), onProgress);
    void this.snapshots.save();
    return count;
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

function sameDocuments(written: Map<string, ModuleDocument>, current: Map<string, ModuleDocument>): boolean {
  return written.size === current.size && [...written].every(([id, document]) => JSON.stringify(document) === JSON.stringify(current.get(id)));
}
