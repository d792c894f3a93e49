import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LearningModule } from '../learning/learning.module';
import { QuizAttemptEntity } from './quiz-attempt.entity';
import { QuizResolver } from './quiz.resolver';
import { QuizService } from './quiz.service';

/** QUIZ lessons graded on the server (issue 14). */
@Module({
  imports: [TypeOrmModule.forFeature([QuizAttemptEntity]), LearningModule],
  providers: [QuizService, QuizResolver],
  exports: [QuizService],
})
export class QuizzesModule {}
