import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { LRUCache } from 'lru-cache';
import { DataSource } from 'typeorm';
import { JobName } from '../queue/jobs';
import { Outbox } from '../queue/outbox';

/** A module found stale is queued again only after this long (the sync normally lands within a second). */
const REPAIR_INTERVAL_MS = 10_000;

/**
 * Queues SYNC_MODULE for modules whose index document a search found out of
 * line with the database, so the index converges even if the change that
 * should have synced them was lost. At most one repair per module per
 * REPAIR_INTERVAL_MS in each process: a burst of searches over the same stale
 * hit during the normal sync lag queues one job, not one per search.
 */
@Injectable()
export class IndexRepair {
  private readonly logger = new Logger(IndexRepair.name);
  private readonly recent = new LRUCache<string, true>({ max: 10_000, ttl: REPAIR_INTERVAL_MS });

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
  ) {}

  async requestSync(moduleIds: Iterable<string>): Promise<void> {
    const due = [...new Set(moduleIds)].filter((id) => !this.recent.has(id));
    if (due.length === 0) return;
    for (const id of due) this.recent.set(id, true);
    try {
      await this.dataSource.transaction(async (manager) => {
        for (const moduleId of due) await this.outbox.enqueue(manager, JobName.SYNC_MODULE, { moduleId });
      });
    } catch (error) {
      // The answer is already right without the index; the daily reconciliation repairs what this misses.
      for (const id of due) this.recent.delete(id);
      this.logger.warn(`Could not queue the index repair of ${due.length} module(s): ${(error as Error).message}`);
    }
  }
}
