import { Global, Module, Provider } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import { PinoLogger } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import { BULLMQ_QUEUES } from '../queue/queue.module';
import { GraphQLObservabilityPlugin } from './graphql-observability.plugin';
import { MetricsController } from './metrics.controller';
import { MetricsService } from './metrics.service';
import { registerOutboxGauges, registerPoolGauges, registerQueueGauges } from './scrape-collectors';

const metricsService: Provider = {
  provide: MetricsService,
  inject: [getDataSourceToken(), { token: BULLMQ_QUEUES, optional: true }],
  useFactory: (dataSource: DataSource, queues?: Map<string, Queue>) => {
    const metrics = new MetricsService();
    registerOutboxGauges(metrics, dataSource);
    registerPoolGauges(metrics, dataSource);
    if (queues) registerQueueGauges(metrics, queues);
    return metrics;
  },
};

const graphqlPlugin: Provider = {
  provide: GraphQLObservabilityPlugin,
  inject: [MetricsService, { token: PinoLogger, optional: true }],
  useFactory: (metrics: MetricsService, logger?: PinoLogger) => {
    logger?.setContext('GraphQL');
    return new GraphQLObservabilityPlugin(metrics, logger);
  },
};

/** GET /metrics and what feeds it (the API process only). */
@Global()
@Module({ controllers: [MetricsController], providers: [metricsService, graphqlPlugin], exports: [MetricsService, GraphQLObservabilityPlugin] })
export class MetricsModule {}
