import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { JobHandlers } from '../queue/job-handlers';
import { JobName } from '../queue/jobs';
import { SearchIndexer } from '../search/search-indexer.service';
import { RatingBaseline } from './rating-baseline.service';
import { RATING_MEAN_THRESHOLD, RATING_MEAN_UPSERT_SQL } from './rating-mean-upsert';

/** How often the mean of all ratings is recomputed (the contract allows m to be a few minutes stale). */
const RATING_MEAN_INTERVAL_MS = 5 * 60_000;

/**
 * Moves rating_mean to the current mean of every rating given to PUBLISHED
 * modules when it has drifted by more than RATING_MEAN_THRESHOLD, then
 * rebuilds the search index so every document's ratingScore (the RATING
 * sort's stored key) is computed with the same m again.
 */
@Injectable()
export class RatingMeanRefresh implements OnModuleInit {
  private readonly logger = new Logger(RatingMeanRefresh.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly handlers: JobHandlers,
    private readonly indexer: SearchIndexer,
    private readonly baseline: RatingBaseline,
  ) {}

  onModuleInit(): void {
    this.handlers.register(JobName.REFRESH_RATING_MEAN, () => this.refresh().then(() => undefined), { everyMs: RATING_MEAN_INTERVAL_MS });
  }

  /** True when m moved (and the index was rebuilt). */
  async refresh(): Promise<boolean> {
    // An upsert, so a missing row (an emptied table) is no different from a stale one.
    const [moved]: { mean: number | null }[] = await this.dataSource.query(RATING_MEAN_UPSERT_SQL, [RATING_MEAN_THRESHOLD]);
    if (!moved) return false;
    this.baseline.forget();
    const indexed = await this.indexer.rebuild();
    this.logger.log(`The mean of all ratings moved to ${moved.mean}: ${indexed} search documents rescored`);
    return true;
  }
}
