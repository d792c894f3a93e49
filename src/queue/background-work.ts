import { INestApplicationContext, Logger } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../config/config';
import { JOB_DISPATCHER, JobDispatcher } from './job-dispatcher';
import { JobHandlers } from './job-handlers';
import { OutboxRelay } from './outbox-relay';

/** Starts the outbox relay and the recurring jobs (as their features registered them) of a fully initialised application. */
export async function startBackgroundWork(app: INestApplicationContext): Promise<void> {
  app.get(OutboxRelay).start();
  if (app.get<AppConfig>(APP_CONFIG).workers) {
    for (const [job, everyMs] of app.get(JobHandlers).recurring()) {
      await app
        .get<JobDispatcher>(JOB_DISPATCHER)
        .schedule(job, everyMs)
        // Redis may be down at start; other processes (or the next start) declare the same schedule.
        .catch((error: unknown) => new Logger('BackgroundWork').warn(`Could not schedule ${job} every ${everyMs} ms: ${String(error)}`));
    }
  }
}
