import { JobsOptions, Queue } from 'bullmq';
import { coalesce, DispatchFailures, JobDispatcher, OutboxJob } from './job-dispatcher';
import { JobName, QUEUE_OF_JOB, QueueName } from './jobs';
import { MAX_ATTEMPTS } from './retry-policy';

/** The backoff type whose delays BullMqWorkers computes with retryDelayMs (the relay's schedule). */
export const RETRY_BACKOFF = 'capped-exponential';
/** At most this many finished jobs per queue and state stay in Redis, whatever their age. */
const KEPT_JOBS = 10_000;

/** Retention of finished jobs in Redis, from OUTBOX_RETENTION_HOURS and OUTBOX_GIVEN_UP_RETENTION_DAYS. */
export interface JobRetention {
  doneHours: number;
  givenUpDays: number;
}

/** Attempts with the shared retry policy; completed and failed jobs removed by age and count (failed ones kept longer, for inspection). */
export function jobOptions(retention: JobRetention): JobsOptions {
  return {
    attempts: MAX_ATTEMPTS,
    backoff: { type: RETRY_BACKOFF },
    removeOnComplete: { age: retention.doneHours * 3600, count: KEPT_JOBS },
    removeOnFail: { age: retention.givenUpDays * 86_400, count: KEPT_JOBS },
  };
}

/** The BullMQ job id of an outbox row: the same row dispatched twice is one job; an operator retry is a new one. */
export function bullJobId(job: Pick<OutboxJob, 'id' | 'retries'>): string {
  return job.retries ? `outbox-${job.id}-retry-${job.retries}` : `outbox-${job.id}`;
}

/** The outbox row a BullMQ job came from, if any (scheduled jobs have none). */
export function outboxRowOf(bullJobIdValue: string | undefined): string | undefined {
  return /^outbox-(\d+)(?:-retry-\d+)?$/.exec(bullJobIdValue ?? '')?.[1];
}

/** With Redis: rows become BullMQ jobs, deduplicated by the outbox row id (of the last row of a coalesced batch). */
export class BullMqDispatcher implements JobDispatcher {
  readonly name = 'bullmq';
  readonly runsHandlers = false;

  constructor(
    private readonly queues: Map<QueueName, Queue>,
    private readonly options: JobsOptions,
  ) {}

  /** Queues the jobs; rejects (nothing handed over) when Redis refuses. Jobs fail later, in the workers. */
  async dispatch(jobs: OutboxJob[]): Promise<DispatchFailures> {
    const byQueue = new Map<QueueName, OutboxJob[]>();
    // Rows of one batch asking for the same job (counters of one module moving) become one job.
    for (const { job } of coalesce(jobs)) byQueue.set(QUEUE_OF_JOB[job.job], [...(byQueue.get(QUEUE_OF_JOB[job.job]) ?? []), job]);
    for (const [queueName, queued] of byQueue) {
      await this.queues.get(queueName)!.addBulk(queued.map((job) => ({ name: job.job, data: job.payload, opts: { ...this.options, jobId: bullJobId(job) } })));
    }
    return new Map();
  }

  /** A BullMQ job scheduler: one per job name in Redis, however many processes declare it. */
  async schedule(job: JobName, everyMs: number): Promise<void> {
    await this.queues.get(QUEUE_OF_JOB[job])!.upsertJobScheduler(`${job}-every-${everyMs}ms`, { every: everyMs }, { name: job, data: {}, opts: this.options });
  }

  async close(): Promise<void> {}
}
