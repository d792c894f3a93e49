import { DynamicModule, Global, Module, Provider } from '@nestjs/common';
import { getDataSourceToken, TypeOrmModule } from '@nestjs/typeorm';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/config';
import { HealthService } from '../health/health.service';
import { BullMqDispatcher, jobOptions } from './bullmq-dispatcher';
import { BullMqWorkers } from './bullmq-workers';
import { InProcessDispatcher } from './in-process-dispatcher';
import { JOB_DISPATCHER } from './job-dispatcher';
import { JobHandlers } from './job-handlers';
import { QueueName } from './jobs';
import { Outbox } from './outbox';
import { OutboxEventEntity } from './outbox-event.entity';
import { OutboxRelay } from './outbox-relay';
import { OutboxMonitor, outboxStatus } from './outbox-status';
import { producerConnection } from './redis-connection';

/** The BullMQ queues by name (with Redis only); /metrics reads their depth. */
export const BULLMQ_QUEUES = Symbol('BULLMQ_QUEUES');
const REDIS_PRODUCER = Symbol('REDIS_PRODUCER');

/**
 * Jobs through the database outbox: BullMQ on Redis when REDIS_URL is set
 * (workers in this process unless WORKERS=false), otherwise run in-process.
 */
@Global()
@Module({})
export class QueueModule {
  static forRoot(config: AppConfig): DynamicModule {
    const common: Provider[] = [JobHandlers, Outbox, OutboxRelay, OutboxMonitor, outboxHealth];
    const providers: Provider[] = config.redisUrl ? [...common, ...bullMqProviders(config, config.redisUrl)] : [...common, { provide: JOB_DISPATCHER, inject: [JobHandlers], useFactory: (handlers: JobHandlers) => new InProcessDispatcher(handlers) }];
    return {
      module: QueueModule,
      imports: [TypeOrmModule.forFeature([OutboxEventEntity])],
      providers,
      exports: [JobHandlers, Outbox, OutboxRelay, OutboxMonitor, JOB_DISPATCHER, ...(config.redisUrl ? [BULLMQ_QUEUES] : [])],
    };
  }
}

/** /health shows what waits and what gave up; given-up jobs degrade the report, never fail readiness. */
const outboxHealth: Provider = {
  provide: 'OUTBOX_HEALTH',
  inject: [getDataSourceToken(), HealthService],
  useFactory: (dataSource: DataSource, health: HealthService) =>
    health.register({
      name: 'outbox',
      required: false,
      isUp: async () => true,
      details: async () => {
        const status = await outboxStatus(dataSource);
        return { degraded: status.givenUp > 0, figures: { ...status } };
      },
    }),
};

function bullMqProviders(config: AppConfig, redisUrl: string): Provider[] {
  return [
    { provide: REDIS_PRODUCER, useFactory: () => producerConnection(redisUrl) },
    {
      provide: BULLMQ_QUEUES,
      inject: [REDIS_PRODUCER],
      useFactory: (connection: Redis) =>
        new Map(
          Object.values(QueueName).map((name) => {
            const queue = new Queue(name, { connection, prefix: config.queuePrefix });
            queue.on('error', () => undefined); // connection errors are logged once by redis-connection.ts
            return [name, queue];
          }),
        ),
    },
    { provide: JOB_DISPATCHER, inject: [BULLMQ_QUEUES], useFactory: (queues: Map<QueueName, Queue>) => new BullMqDispatcher(queues, jobOptions(config.jobRetention)) },
    {
      provide: BullMqWorkers,
      inject: [JobHandlers, BULLMQ_QUEUES, REDIS_PRODUCER, OutboxRelay, getDataSourceToken()],
      useFactory: (handlers: JobHandlers, queues: Map<QueueName, Queue>, producer: Redis, relay: OutboxRelay, dataSource: DataSource) =>
        new BullMqWorkers(redisUrl, config.queuePrefix, config.workers, handlers, queues, producer, relay, dataSource),
    },
    {
      // Redis down is degraded, not unavailable: writes still land in the outbox.
      provide: 'REDIS_HEALTH',
      inject: [REDIS_PRODUCER, HealthService],
      useFactory: (producer: Redis, health: HealthService) => health.register({ name: 'redis', required: false, isUp: () => producer.ping().then((pong) => pong === 'PONG') }),
    },
  ];
}
