import { Logger } from '@nestjs/common';
import { coalesce, DispatchFailures, JobDispatcher, JobGroup, OutboxJob } from './job-dispatcher';
import { JobHandlers } from './job-handlers';
import { JobName, JobPayloads, QUEUE_OF_JOB, QueueName } from './jobs';

/** Zero-setup mode: the relay runs the handlers itself, in this process. */
export class InProcessDispatcher implements JobDispatcher {
  readonly name = 'in-process';
  readonly runsHandlers = true;
  private readonly logger = new Logger(InProcessDispatcher.name);
  private readonly timers: NodeJS.Timeout[] = [];

  constructor(private readonly handlers: JobHandlers) {}

  /**
   * Runs every job of the batch; one that throws is reported and does not stop the others.
   * Each queue's jobs run one after the other, the queues side by side (as BullMQ's workers
   * take each queue on its own): a search sync never waits for a notification or an import.
   */
  async dispatch(jobs: OutboxJob[]): Promise<DispatchFailures> {
    const failures: DispatchFailures = new Map();
    const lanes = new Map<QueueName, JobGroup[]>();
    for (const group of coalesce(jobs)) {
      const lane = lanes.get(QUEUE_OF_JOB[group.job.job]);
      if (lane) lane.push(group);
      else lanes.set(QUEUE_OF_JOB[group.job.job], [group]);
    }
    await Promise.all(
      [...lanes.values()].map(async (groups) => {
        for (const { job, rowIds } of groups) {
          try {
            await this.handlers.run(job.job, job.payload as JobPayloads[JobName], rowIds);
          } catch (error) {
            const message = error instanceof Error ? error.message : String(error);
            for (const id of rowIds) failures.set(id, message);
          }
        }
      }),
    );
    return failures;
  }

  async schedule(job: JobName, everyMs: number): Promise<void> {
    const run = () => this.handlers.run(job, {} as JobPayloads[JobName]).catch((error: unknown) => this.logger.error(`Scheduled ${job} failed: ${String(error)}`));
    const timer = setInterval(() => void run(), everyMs);
    timer.unref();
    this.timers.push(timer);
  }

  async close(): Promise<void> {
    this.timers.forEach(clearInterval);
  }
}
