import { BeforeApplicationShutdown, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Job, Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { outboxRowOf, RETRY_BACKOFF } from './bullmq-dispatcher';
import { JobHandlers } from './job-handlers';
import { JobName, JobPayloads, QueueName } from './jobs';
import { OutboxRelay } from './outbox-relay';
import { markGivenUp } from './outbox-status';
import { workerConnection } from './redis-connection';
import { retryDelayMs } from './retry-policy';

const CONCURRENCY = 4;
/** A job whose worker died runs again once its lock expires; it fails only if that happens this many times. */
const MAX_STALLED_COUNT = 5;

/** BullMQ workers running the registered handlers; on shutdown they finish their jobs, then the relay stops, then the queues close. */
export class BullMqWorkers implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(BullMqWorkers.name);
  private readonly workers: Worker[] = [];
  private readonly connections: Redis[] = [];

  constructor(
    private readonly redisUrl: string,
    private readonly prefix: string,
    private readonly runWorkers: boolean,
    private readonly handlers: JobHandlers,
    private readonly queues: Map<QueueName, Queue>,
    private readonly producer: Redis,
    private readonly relay: OutboxRelay,
    private readonly dataSource: DataSource,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.runWorkers) return;
    for (const name of Object.values(QueueName)) {
      const connection = workerConnection(this.redisUrl);
      this.connections.push(connection);
      const worker = new Worker(name, (job) => this.handlers.run(job.name as JobName, job.data as JobPayloads[JobName], [outboxRowOf(job.id)].filter((id) => id !== undefined)), {
        connection,
        prefix: this.prefix,
        concurrency: CONCURRENCY,
        maxStalledCount: MAX_STALLED_COUNT,
        settings: { backoffStrategy: (attemptsMade: number, type?: string) => (type === RETRY_BACKOFF ? retryDelayMs(attemptsMade) : 0) },
      });
      worker.on('failed', (job, error) => void this.onFailed(job, error));
      worker.on('error', (error) => this.logger.error(`Worker ${name}: ${error.message}`));
      this.workers.push(worker);
    }
    this.logger.log(`BullMQ workers started for ${Object.values(QueueName).join(', ')}`);
  }

  async beforeApplicationShutdown(): Promise<void> {
    // Running jobs finish first (close waits for them), then nothing more is queued, then the queues close.
    await Promise.all(this.workers.map((worker) => worker.close()));
    await this.relay.stop();
    await Promise.all([...this.queues.values()].map((queue) => queue.close()));
    // BullMQ leaves connections it was given open: close them too.
    for (const connection of [...this.connections, this.producer]) connection.disconnect();
  }

  /** A job out of attempts (finishedOn set: it will not run again) marks its outbox row given up. */
  private async onFailed(job: Job | undefined, error: Error): Promise<void> {
    this.logger.warn(`Job ${job?.name} ${job?.id} failed (attempt ${job?.attemptsMade}): ${error.message}`);
    const rowId = outboxRowOf(job?.id);
    if (!job?.finishedOn || !rowId) return;
    await markGivenUp(this.dataSource, rowId, error.message).catch((markError: unknown) => this.logger.error(`Could not mark outbox row ${rowId} given up: ${String(markError)}`));
  }
}
