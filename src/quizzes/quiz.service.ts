import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Viewer } from '../auth/viewer';
import { badInput, notFound, RateLimitedError } from '../common/domain-error';
import { isUuid } from '../common/uuid';
import { EnrollmentEntity } from '../learning/enrollment.entity';
import { LearningService } from '../learning/learning.service';
import { QuizAnswerInput } from './dto/submit-quiz.args';
import { gradeAnswers } from './grading';
import { QuizAttemptEntity } from './quiz-attempt.entity';
import { StoredQuestion } from './stored-question';

/** Attempts allowed per lesson and enrollment in any 24 hours. */
export const MAX_ATTEMPTS_PER_DAY = 10;
/** Enrollment.quizAttempts lists at most this many (newest first). */
export const MAX_LISTED_ATTEMPTS = 100;
const DAY_SECONDS = 86_400;

export interface QuizOutcome {
  attempt: QuizAttemptEntity;
  enrollment: EnrollmentEntity;
}

/** Quizzes graded on the server: attempts, their limit, and completion by passing. */
@Injectable()
export class QuizService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly learning: LearningService,
  ) {}

  /**
   * Grades and records an attempt; a pass completes the lesson through the
   * one completion place. The enrollment row lock serialises the attempts of
   * one enrollment, so the daily count is exact on every replica and
   * concurrent passes complete the lesson once.
   */
  async submit(viewer: Viewer, enrollmentId: string, lessonId: string, answers: QuizAnswerInput[]): Promise<QuizOutcome> {
    if (!isUuid(enrollmentId)) throw notFound('Enrollment');
    return this.dataSource.transaction(async (manager) => {
      const enrollment = await manager.findOne(EnrollmentEntity, { where: { id: enrollmentId }, lock: { mode: 'pessimistic_write' } });
      if (!enrollment || enrollment.beneficiaryId !== viewer.id) throw notFound('Enrollment');
      // The module before its lessons, as completeLesson and an owner's edit do: no deadlock with either.
      await manager.query(`SELECT 1 FROM modules WHERE id = $1 FOR KEY SHARE`, [enrollment.moduleId]);
      const [lesson]: { id: string; questions: StoredQuestion[] | null; pass_percent: number | null }[] = isUuid(lessonId)
        ? await manager.query(`SELECT id, questions, pass_percent FROM lessons WHERE id = $1 AND module_id = $2`, [lessonId, enrollment.moduleId])
        : [];
      if (!lesson) throw badInput('lessonId', "is not a lesson of this enrollment's module");
      if (!lesson.questions) throw badInput('lessonId', 'is not a graded quiz');
      const grade = gradeAnswers(lesson.questions, lesson.pass_percent!, answers);
      await this.checkDailyLimit(manager, enrollment.id, lesson.id);

      const attempt = await manager.save(manager.create(QuizAttemptEntity, { enrollmentId: enrollment.id, lessonId: lesson.id, ...grade }));
      const after = grade.passed ? await this.learning.recordLessonCompleted(manager, enrollment, lesson.id) : enrollment;
      return { attempt, enrollment: after };
    });
  }

  /** Enrollment.quizAttempts, newest first, batched across the enrollments of a request. */
  async attemptsOf(enrollmentIds: readonly string[]): Promise<QuizAttemptEntity[][]> {
    const rows = await this.dataSource.query(
      `SELECT a.* FROM unnest($1::uuid[]) AS e(id)
         CROSS JOIN LATERAL (SELECT * FROM quiz_attempts WHERE enrollment_id = e.id ORDER BY attempted_at DESC, id DESC LIMIT ${MAX_LISTED_ATTEMPTS}) a`,
      [enrollmentIds],
    );
    const byEnrollment = new Map<string, QuizAttemptEntity[]>(enrollmentIds.map((id) => [id, []]));
    for (const row of rows) byEnrollment.get(row.enrollment_id)?.push(toAttempt(row));
    return enrollmentIds.map((id) => byEnrollment.get(id) ?? []);
  }

  private async checkDailyLimit(manager: EntityManager, enrollmentId: string, lessonId: string): Promise<void> {
    const [{ count, oldest }]: { count: number; oldest: number | null }[] = await manager.query(
      `SELECT count(*)::int AS count, extract(epoch FROM min(attempted_at) + interval '1 day' - now())::float AS oldest
         FROM quiz_attempts WHERE enrollment_id = $1 AND lesson_id = $2 AND attempted_at > now() - interval '1 day'`,
      [enrollmentId, lessonId],
    );
    if (count >= MAX_ATTEMPTS_PER_DAY) throw new RateLimitedError(Math.max(1, Math.min(DAY_SECONDS, Math.ceil(oldest ?? DAY_SECONDS))));
  }
}

const toAttempt = (row: { id: string; enrollment_id: string; lesson_id: string; score_percent: number; passed: boolean; correct: boolean[]; attempted_at: Date }): QuizAttemptEntity => ({
  id: row.id,
  enrollmentId: row.enrollment_id,
  lessonId: row.lesson_id,
  scorePercent: row.score_percent,
  passed: row.passed,
  correct: row.correct,
  attemptedAt: new Date(row.attempted_at),
});
