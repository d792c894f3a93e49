import { Logger } from '@nestjs/common';
import { JobDispatcher, OutboxJob, coalesce } from './job-dispatcher';
import { JobHandlers } from './job-handlers';
import { JobName, JobPayloads } from './jobs';

/** Zero-setup mode: the relay runs the handlers itself, in this process. */
export class InProcessDispatcher implements JobDispatcher {
  readonly name = 'in-process';
  private readonly logger = new Logger(InProcessDispatcher.name);
  private readonly timers: NodeJS.Timeout[] = [];

  constructor(private readonly handlers: JobHandlers) {}

  async dispatch(jobs: OutboxJob[]): Promise<void> {
    for (const job of coalesce(jobs)) {
      await this.handlers.run(job.job, job.payload as JobPayloads[JobName]);
    }
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
