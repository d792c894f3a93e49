import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { FreeOptionsModule } from '../free-options/free-options.module';
import { LoadersModule } from '../graphql/loaders.module';
import { NotificationEntity } from './notification.entity';
import { NotificationsPages } from './notifications.pages';
import { NotificationsResolver } from './notifications.resolver';
import { NotificationsService } from './notifications.service';

/** Registers the NOTIFY and NOTIFY_CREDIT_EXHAUSTED job handlers (JobHandlers refuses to start without them). */
@Module({
  imports: [TypeOrmModule.forFeature([NotificationEntity]), FreeOptionsModule, LoadersModule],
  controllers: [NotificationsPages],
  providers: [NotificationsService, NotificationsResolver],
  exports: [NotificationsService],
})
export class NotificationsModule {}
