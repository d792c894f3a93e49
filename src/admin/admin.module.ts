import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { AdminPages } from './admin.pages';

/**
 * The admin's page, apart from the features it drives: curators (accounts),
 * the search index's reindex (search) and the job pipeline's state (queue).
 * SearchModule and QueueModule are global; their services need no import.
 */
@Module({
  imports: [AccountsModule],
  controllers: [AdminPages],
})
export class AdminModule {}
