import { Module } from '@nestjs/common';
import { CatalogModule } from '../catalog/catalog.module';
import { LoadersModule } from '../graphql/loaders.module';
import { QuizzesModule } from '../quizzes/quizzes.module';
import { ReviewsModule } from '../reviews/reviews.module';
import { LearningModule } from './learning.module';
import { LearningPages } from './learning.pages';
import { LessonPageReader } from './lesson-page-data';

/** The learning pages apart from LearningModule: they submit quizzes, and QuizzesModule already imports LearningModule. */
@Module({
  imports: [LearningModule, QuizzesModule, ReviewsModule, CatalogModule, LoadersModule],
  providers: [LessonPageReader],
  controllers: [LearningPages],
})
export class LearningPagesModule {}
