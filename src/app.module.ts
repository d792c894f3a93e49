import { DynamicModule, Module } from '@nestjs/common';
import type { DestinationStream } from 'pino';
import { AccountsModule } from './accounts/accounts.module';
import { AdminModule } from './admin/admin.module';
import { CatalogModule } from './catalog/catalog.module';
import { CatalogPagesModule } from './catalog/catalog-pages.module';
import { CertificatesModule } from './certificates/certificates.module';
import { AppConfig } from './config/config';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { FreeOptionsModule } from './free-options/free-options.module';
import { AppGraphQLModule } from './graphql/graphql.module';
import { HealthModule } from './health/health.module';
import { LearningModule } from './learning/learning.module';
import { LearningPagesModule } from './learning/learning-pages.module';
import { ModerationModule } from './moderation/moderation.module';
import { ModerationPagesModule } from './moderation/moderation-pages.module';
import { NotificationsModule } from './notifications/notifications.module';
import { LoggingModule } from './observability/logging.module';
import { MetricsModule } from './observability/metrics.module';
import { QueueModule } from './queue/queue.module';
import { QuizzesModule } from './quizzes/quizzes.module';
import { ReportsModule } from './reports/reports.module';
import { RatingsModule } from './ratings/ratings.module';
import { ReviewsModule } from './reviews/reviews.module';
import { SearchModule } from './search/search.module';
import { SeedModule } from './seed/seed.module';
import { WalletModule } from './wallet/wallet.module';
import { WalletPagesModule } from './wallet/wallet-pages.module';
import { WebModule } from './web/web.module';

@Module({})
export class AppModule {
  /** `logDestination`: where log lines go instead of stdout (a test reading them). */
  static forRoot(config: AppConfig, logDestination?: DestinationStream): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggingModule.forRoot(config, logDestination),
        DatabaseModule,
        MetricsModule,
        AppGraphQLModule,
        HealthModule,
        WebModule,
        QueueModule.forRoot(config),
        SearchModule.forRoot(config),
        AccountsModule,
        CatalogModule,
        CatalogPagesModule,
        ModerationModule,
        ModerationPagesModule,
        SeedModule,
        WalletModule,
        LearningModule,
        LearningPagesModule,
        QuizzesModule,
        ReviewsModule,
        CertificatesModule,
        RatingsModule,
        ReportsModule,
        FreeOptionsModule,
        WalletPagesModule,
        NotificationsModule,
        AdminModule,
      ],
    };
  }
}
