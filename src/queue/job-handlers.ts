import { Injectable, OnApplicationBootstrap, Optional } from '@nestjs/common';
import { PinoLogger } from 'nestjs-pino';
import { JobHandler, JobName, JobPayloads } from './jobs';

/**
 * Where feature modules register the handler of each job (in onModuleInit),
 * and how often a recurring one runs. Start-up fails if a job has no handler,
 * so no job can be queued that nothing would ever run.
 */
@Injectable()
export class JobHandlers implements OnApplicationBootstrap {
  private readonly handlers = new Map<JobName, JobHandler<JobName>>();
  private readonly intervals = new Map<JobName, number>();

  /** Absent where no logging module is loaded (a bare test module): jobs then log without their context. */
  constructor(@Optional() private readonly logger?: PinoLogger) {
    logger?.setContext(JobHandlers.name);
  }

  /** `everyMs`: the job also runs on its own at this interval (scheduled by startBackgroundWork where workers run). */
  register<J extends JobName>(job: J, handler: JobHandler<J>, recurring?: { everyMs: number }): void {
    if (this.handlers.has(job)) throw new Error(`Job ${job} has two handlers`);
    this.handlers.set(job, handler as JobHandler<JobName>);
    if (recurring) this.intervals.set(job, recurring.everyMs);
  }

  /** The recurring jobs and their intervals. */
  recurring(): ReadonlyMap<JobName, number> {
    return this.intervals;
  }

  has(job: JobName): boolean {
    return this.handlers.has(job);
  }

  /** Runs the job's handler; every line it logs carries the job name and its outbox row ids (none for scheduled jobs). */
  async run<J extends JobName>(job: J, payload: JobPayloads[J], outboxIds: string[] = []): Promise<void> {
    const handler = this.handlers.get(job);
    if (!handler) throw new Error(`No handler for job ${job}`);
    if (!this.logger) return handler(payload);
    const logger = this.logger;
    await logger.runInContext(
      async () => {
        const started = Date.now();
        try {
          await handler(payload);
          logger.debug({ ms: Date.now() - started }, 'job done');
        } catch (error) {
          logger.warn({ ms: Date.now() - started, err: error }, 'job failed');
          throw error;
        }
      },
      { bindings: { job, outboxIds } },
    );
  }

  onApplicationBootstrap(): void {
    const missing = Object.values(JobName).filter((job) => !this.handlers.has(job));
    if (missing.length > 0) throw new Error(`No handler registered for job(s): ${missing.join(', ')}`);
  }
}
