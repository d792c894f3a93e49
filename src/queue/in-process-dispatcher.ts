import { Logger } from '@nestjs/common';
import { coalesce, DispatchFailures, JobDispatcher, OutboxJob } from './job-dispatcher';
import { JobHandlers } from './job-handlers';
import { JobName, JobPayloads } from './jobs';

/** Zero-setup mode: the relay runs the handlers itself, in this process, each job on its own. */
export class InProcessDispatcher implements JobDispatcher {
  readonly name = 'in-process';
  readonly runsHandlers = true;
  private readonly logger = new Logger(InProcessDispatcher.name);
  private readonly timers: NodeJS.Timeout[] = [];

  constructor(private readonly handlers: JobHandlers) {}

  /** Runs every job of the batch; one that throws is reported and does not stop the others. */
  async dispatch(jobs: OutboxJob[]): Promise<DispatchFailures> {
    const failures: DispatchFailures = new Map();
    for (const { job, rowIds } of coalesce(jobs)) {
      try {
        await this.handlers.run(job.job, job.payload as JobPayloads[JobName], rowIds);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        for (const id of rowIds) failures.set(id, message);
      }
    }
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
