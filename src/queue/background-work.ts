import { INestApplicationContext, Logger } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../config/config';
import { RATING_MEAN_INTERVAL_MS } from '../ratings/rating-mean-refresh';
import { JOB_DISPATCHER, JobDispatcher } from './job-dispatcher';
import { JobName } from './jobs';
import { OutboxRelay } from './outbox-relay';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Starts the outbox relay and the recurring jobs of a fully initialised application. */
export async function startBackgroundWork(app: INestApplicationContext): Promise<void> {
  app.get(OutboxRelay).start();
  if (app.get<AppConfig>(APP_CONFIG).workers) {
    await app
      .get<JobDispatcher>(JOB_DISPATCHER)
      .schedule(JobName.RECONCILE_INDEX, DAY_MS)
      // Redis may be down at start; other processes (or the next start) declare the same schedule.
      .catch((error: unknown) => new Logger('BackgroundWork').warn(`Could not schedule the daily reconciliation: ${String(error)}`));
    await app
      .get<JobDispatcher>(JOB_DISPATCHER)
      .schedule(JobName.REFRESH_RATING_MEAN, RATING_MEAN_INTERVAL_MS)
      .catch((error: unknown) => new Logger('BackgroundWork').warn(`Could not schedule the rating mean's refresh: ${String(error)}`));
  }
}
