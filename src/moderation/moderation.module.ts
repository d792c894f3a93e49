import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ModerationChecks } from './moderation-checks.service';
import { ModerationEventEntity } from './moderation-event.entity';
import { ModerationEventResolver, ModerationResolver } from './moderation.resolver';
import { ModerationService } from './moderation.service';
import { ModuleRevisions } from './module-revisions.service';
import { ModuleWorkflow } from './module-workflow.service';

@Module({
  imports: [TypeOrmModule.forFeature([ModerationEventEntity])],
  providers: [ModerationService, ModerationChecks, ModuleWorkflow, ModuleRevisions, ModerationResolver, ModerationEventResolver],
  exports: [ModerationService, ModerationChecks, ModuleWorkflow, ModuleRevisions],
})
export class ModerationModule {}
