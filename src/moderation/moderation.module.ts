import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ModerationChecks } from './moderation-checks.service';
import { ModerationEventEntity } from './moderation-event.entity';
import { ModerationEventResolver, ModerationResolver } from './moderation.resolver';
import { ModerationService } from './moderation.service';
import { ModuleWorkflow } from './module-workflow.service';

@Module({
  imports: [TypeOrmModule.forFeature([ModerationEventEntity])],
  providers: [ModerationService, ModerationChecks, ModuleWorkflow, ModerationResolver, ModerationEventResolver],
  exports: [ModerationService, ModerationChecks, ModuleWorkflow],
})
export class ModerationModule {}
