import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ContributorStatsService } from './contributor-stats.service';
import { EnrollmentEntity, LessonCompletionEntity } from './enrollment.entity';
import { LearningResolver, ModuleEnrollmentResolver } from './learning.resolver';
import { LearningService } from './learning.service';

@Module({
  imports: [TypeOrmModule.forFeature([EnrollmentEntity, LessonCompletionEntity])],
  providers: [LearningService, ContributorStatsService, LearningResolver, ModuleEnrollmentResolver],
  exports: [LearningService, ContributorStatsService],
})
export class LearningModule {}
