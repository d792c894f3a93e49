import { Queue } from 'bullmq';
import { coalesce, JobDispatcher, OutboxJob } from './job-dispatcher';
import { JobName, QUEUE_OF_JOB, QueueName } from './jobs';

/** Retries of a job that fails in a worker; then it stays in BullMQ's failed set, visible. */
export const JOB_ATTEMPTS = 8;
const JOB_OPTIONS = { attempts: JOB_ATTEMPTS, backoff: { type: 'exponential', delay: 500 }, removeOnComplete: 1000, removeOnFail: false };

/** With Redis: rows become BullMQ jobs, deduplicated by the outbox row id (of the last row of a coalesced batch). */
export class BullMqDispatcher implements JobDispatcher {
  readonly name = 'bullmq';

  constructor(private readonly queues: Map<QueueName, Queue>) {}

  async dispatch(jobs: OutboxJob[]): Promise<void> {
    const byQueue = new Map<QueueName, OutboxJob[]>();
    // Rows of one batch asking for the same job (counters of one module moving) become one job.
    for (const job of coalesce(jobs)) byQueue.set(QUEUE_OF_JOB[job.job], [...(byQueue.get(QUEUE_OF_JOB[job.job]) ?? []), job]);
    for (const [queueName, queued] of byQueue) {
      await this.queues.get(queueName)!.addBulk(
        queued.map((job) => ({
          name: job.job,
          data: job.payload,
          // The same row dispatched twice (a crash before it was marked) is one job.
          opts: { jobId: `outbox-${job.id}`, ...JOB_OPTIONS },
        })),
      );
    }
  }

  /** A BullMQ job scheduler: one per job name in Redis, however many processes declare it. */
  async schedule(job: JobName, everyMs: number): Promise<void> {
    await this.queues.get(QUEUE_OF_JOB[job])!.upsertJobScheduler(`${job}-every-${everyMs}ms`, { every: everyMs }, { name: job, data: {}, opts: JOB_OPTIONS });
  }

  async close(): Promise<void> {}
}
