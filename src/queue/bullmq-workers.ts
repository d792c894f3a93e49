import { Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { JobHandlers } from './job-handlers';
import { JobName, JobPayloads, QueueName } from './jobs';
import { workerConnection } from './redis-connection';

const CONCURRENCY = 4;

/** BullMQ workers running the registered handlers; closed before the queues on shutdown. */
export class BullMqWorkers implements OnApplicationBootstrap, OnApplicationShutdown {
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
  ) {}

  onApplicationBootstrap(): void {
    if (!this.runWorkers) return;
    for (const name of Object.values(QueueName)) {
      const connection = workerConnection(this.redisUrl);
      this.connections.push(connection);
      const worker = new Worker(name, (job) => this.handlers.run(job.name as JobName, job.data as JobPayloads[JobName]), {
        connection,
        prefix: this.prefix,
        concurrency: CONCURRENCY,
      });
      worker.on('failed', (job, error) => this.logger.warn(`Job ${job?.name} ${job?.id} failed (attempt ${job?.attemptsMade}): ${error.message}`));
      worker.on('error', (error) => this.logger.error(`Worker ${name}: ${error.message}`));
      this.workers.push(worker);
    }
    this.logger.log(`BullMQ workers started for ${Object.values(QueueName).join(', ')}`);
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.close()));
    await Promise.all([...this.queues.values()].map((queue) => queue.close()));
    // BullMQ leaves connections it was given open: close them too.
    for (const connection of [...this.connections, this.producer]) connection.disconnect();
  }
}
