import { DynamicModule, Module } from '@nestjs/common';
import { CatalogModule } from './catalog/catalog.module';
import { AppConfig } from './config/config';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { HealthModule } from './health/health.module';
import { NotificationsModule } from './notifications/notifications.module';
import { LoggingModule } from './observability/logging.module';
import { QueueModule } from './queue/queue.module';
import { RatingsModule } from './ratings/ratings.module';
import { SearchModule } from './search/search.module';

/**
 * What `npm run worker` runs: the outbox relay and every module that registers
 * job handlers (search sync, imports, notifications, the rating mean), without the HTTP API.
 */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggingModule.forRoot(config),
        DatabaseModule,
        HealthModule,
        QueueModule.forRoot(config),
        SearchModule.forRoot(config),
        CatalogModule,
        NotificationsModule,
        RatingsModule,
      ],
    };
  }
}
