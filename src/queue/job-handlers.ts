import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { JobHandler, JobName, JobPayloads } from './jobs';

/**
 * Where feature modules register the handler of each job (in onModuleInit).
 * Start-up fails if a job has no handler, so no job can be queued that
 * nothing would ever run.
 */
@Injectable()
export class JobHandlers implements OnApplicationBootstrap {
  private readonly handlers = new Map<JobName, JobHandler<JobName>>();

  register<J extends JobName>(job: J, handler: JobHandler<J>): void {
    if (this.handlers.has(job)) throw new Error(`Job ${job} has two handlers`);
    this.handlers.set(job, handler as JobHandler<JobName>);
  }

  async run<J extends JobName>(job: J, payload: JobPayloads[J]): Promise<void> {
    const handler = this.handlers.get(job);
    if (!handler) throw new Error(`No handler for job ${job}`);
    await handler(payload);
  }

  onApplicationBootstrap(): void {
    const missing = Object.values(JobName).filter((job) => !this.handlers.has(job));
    if (missing.length > 0) throw new Error(`No handler registered for job(s): ${missing.join(', ')}`);
  }
}
