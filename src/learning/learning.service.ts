import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Role } from '../auth/role';
import { Viewer } from '../auth/viewer';
import { isUuid } from '../catalog/module-access';
import { badInput, notFound } from '../common/domain-error';
import { Loaders } from '../graphql/loaders';
import { checkPageSize, Connection, Cursor, decodeCursor, toPage } from '../graphql/pagination';
import { JobName } from '../queue/jobs';
import { Outbox } from '../queue/outbox';
import { EnrollmentEntity, EnrollmentStatus } from './enrollment.entity';
import { enrolRefusal, EnrollmentRow, enrollmentFromRow } from './enrollment-row';
import { viewerEnrollments } from './enrollment-loaders';
import { completesModule, nextUnfinishedLesson, progressPercent } from './progress';

/** Where an enrollment stands: completed lesson ids (in lesson order), the module's lesson count, and Enrollment.progressPercent. */
export interface Progress {
  completedLessonIds: string[];
  lessonCount: number;
  percent: number;
}

/** Enrollments and lesson-by-lesson progress of beneficiaries. */
@Injectable()
export class LearningService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
  ) {}

  /**
   * Enrolls the caller in a PUBLISHED module, in one round trip: the database
   * function enroll_beneficiary (migration 1764910000000) checks the module,
   * inserts the enrollment, charges or waives a Rp1 module's fee, queues the
   * search sync and counts the enrollment, in one statement's transaction.
   * Idempotent through the unique (beneficiary, module) constraint: concurrent
   * calls wait on the first insert and return its enrollment, writing nothing.
   */
  async enroll(viewer: Viewer, moduleId: string): Promise<EnrollmentEntity> {
    if (!isUuid(moduleId)) throw notFound('Module');
    let rows: (EnrollmentRow & { created: boolean })[];
    try {
      rows = await this.dataSource.query(`SELECT (r.enrollment).*, r.created FROM enroll_beneficiary($1, $2) r`, [viewer.id, moduleId]);
    } catch (error) {
      throw enrolRefusal(error) ?? error;
    }
    const [row] = rows;
    if (row.created) this.outbox.written();
    return enrollmentFromRow(row);
  }

  /**
   * Marks a lesson of the enrollment's module completed (idempotent); the last
   * one completes the enrollment. Someone else's enrollment is NOT_FOUND.
   */
  async completeLesson(viewer: Viewer, enrollmentId: string, lessonId: string): Promise<EnrollmentEntity> {
    if (!isUuid(enrollmentId)) throw notFound('Enrollment');
    return this.dataSource.transaction(async (manager) => {
      const enrollment = await manager.findOne(EnrollmentEntity, { where: { id: enrollmentId }, lock: { mode: 'pessimistic_write' } });
      if (!enrollment || enrollment.beneficiaryId !== viewer.id) throw notFound('Enrollment');
      // The module before its lessons, in the same order as an owner's edit (module, then lessons): no deadlock with it.
      await manager.query(`SELECT 1 FROM modules WHERE id = $1 FOR KEY SHARE`, [enrollment.moduleId]);
      const [lesson]: { id: string; graded: boolean }[] = isUuid(lessonId)
        ? await manager.query(`SELECT id, questions IS NOT NULL AS graded FROM lessons WHERE id = $1 AND module_id = $2`, [lessonId, enrollment.moduleId])
        : [];
      if (!lesson) throw badInput('lessonId', "is not a lesson of this enrollment's module");
      if (lesson.graded) throw badInput('lessonId', 'is a quiz: it completes only by passing it (submitQuiz)');
      return this.recordLessonCompleted(manager, enrollment, lesson.id);
    });
  }

  /**
   * The one place a lesson becomes completed and an enrollment COMPLETED
   * (completeLesson, and submitQuiz on a pass). `enrollment` is locked by the
   * caller's transaction, and the module row key-share locked before it.
   */
  async recordLessonCompleted(manager: EntityManager, enrollment: EnrollmentEntity, lessonId: string): Promise<EnrollmentEntity> {
    await manager.query(`INSERT INTO lesson_completions (enrollment_id, lesson_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [enrollment.id, lessonId]);
    if (enrollment.status === EnrollmentStatus.COMPLETED) return enrollment;

    const [{ total, done }]: { total: number; done: number }[] = await manager.query(
      `SELECT (SELECT count(*)::int FROM lessons WHERE module_id = $2) AS total,
              (SELECT count(*)::int FROM lesson_completions WHERE enrollment_id = $1) AS done`,
      [enrollment.id, enrollment.moduleId],
    );
    if (!completesModule(done, total)) return enrollment;
    await manager.query(`UPDATE enrollments SET status = 'COMPLETED', completed_at = now() WHERE id = $1`, [enrollment.id]);
    await this.countCompletion(manager, enrollment.moduleId);
    return manager.findOneByOrFail(EnrollmentEntity, { id: enrollment.id });
  }

  /** The caller's enrollments, newest first. */
  async mine(viewer: Viewer, first: number | null | undefined, after?: string | null): Promise<Connection<EnrollmentEntity>> {
    const size = checkPageSize(first);
    const cursor = decodeCursor(after);
    const query = this.dataSource.getRepository(EnrollmentEntity).createQueryBuilder('e').where('e.beneficiary_id = :viewer', { viewer: viewer.id });
    const totalCount = await query.getCount();
    // Cursors carry milliseconds; PostgreSQL keeps microseconds, so both sides are compared at millisecond precision.
    if (cursor) query.andWhere(`(date_trunc('milliseconds', e.enrolled_at), e.id) < (:key::timestamptz, :id)`, { key: cursor.key, id: cursor.id });
    const rows = await query.orderBy(`date_trunc('milliseconds', e.enrolled_at)`, 'DESC').addOrderBy('e.id', 'DESC').limit(size + 1).getMany();
    return { ...toPage(rows, size, cursorOfEnrollment), totalCount };
  }

  /** The caller's enrollment in a module (Module.myEnrollment): only beneficiaries have one. */
  async viewerEnrollment(viewer: Viewer | null, moduleId: string, loaders: Loaders): Promise<EnrollmentEntity | null> {
    if (!viewer || viewer.role !== Role.BENEFICIARY) return null;
    return viewerEnrollments(loaders, this.dataSource, viewer.id).load(moduleId);
  }

  /** Completed lesson ids of each enrollment, in lesson order (batched). */
  async completedLessonIds(enrollmentIds: readonly string[]): Promise<string[][]> {
    const rows: { enrollment_id: string; lesson_id: string }[] = await this.dataSource.query(
      `SELECT c.enrollment_id, c.lesson_id FROM lesson_completions c JOIN lessons l ON l.id = c.lesson_id
        WHERE c.enrollment_id = ANY($1) ORDER BY l.position`,
      [enrollmentIds],
    );
    const byEnrollment = new Map<string, string[]>(enrollmentIds.map((id) => [id, []]));
    for (const row of rows) byEnrollment.get(row.enrollment_id)?.push(row.lesson_id);
    return enrollmentIds.map((id) => byEnrollment.get(id) ?? []);
  }

  /** Number of lessons of each module (batched). */
  async lessonCounts(moduleIds: readonly string[]): Promise<number[]> {
    const rows: { module_id: string; count: number }[] = await this.dataSource.query(
      `SELECT module_id, count(*)::int AS count FROM lessons WHERE module_id = ANY($1) GROUP BY module_id`,
      [moduleIds],
    );
    const counts = new Map(rows.map((row) => [row.module_id, row.count]));
    return moduleIds.map((id) => counts.get(id) ?? 0);
  }

  /** Enrollment.progressPercent through the request's batching loaders. */
  async progress(enrollment: Pick<EnrollmentEntity, 'id' | 'moduleId' | 'status'>, loaders: Loaders): Promise<number> {
    return (await this.progressOf(enrollment, loaders)).percent;
  }

  /** The enrollment's progress in full (the pages show "3 dari 5 pelajaran"), batched like progress(). */
  async progressOf(enrollment: Pick<EnrollmentEntity, 'id' | 'moduleId' | 'status'>, loaders: Loaders): Promise<Progress> {
    const [completed, total] = await Promise.all([
      loaders.loader('completedLessonIds', (ids) => this.completedLessonIds(ids)).load(enrollment.id),
      loaders.loader('lessonCountByModule', (ids) => this.lessonCounts(ids)).load(enrollment.moduleId),
    ]);
    return { completedLessonIds: completed, lessonCount: total, percent: progressPercent(enrollment.status, completed.length, total) };
  }

  /** The caller's own enrollment; anyone else's, or an id that names nothing, is NOT_FOUND (no existence leak). */
  async ownEnrollment(viewer: Viewer, enrollmentId: string): Promise<EnrollmentEntity> {
    const enrollment = isUuid(enrollmentId) ? await this.dataSource.getRepository(EnrollmentEntity).findOneBy({ id: enrollmentId }) : null;
    if (!enrollment || enrollment.beneficiaryId !== viewer.id) throw notFound('Enrollment');
    return enrollment;
  }

  /**
   * The lesson to continue the enrollment with: the first unfinished one
   * after `from` (wrapping round), or from the start; null when every lesson
   * is done. Batched per request, so a list of enrollments costs two queries.
   */
  async nextLessonId(enrollment: Pick<EnrollmentEntity, 'id' | 'moduleId'>, loaders: Loaders, from?: string): Promise<string | null> {
    const [lessons, completed] = await Promise.all([loaders.lessonsByModule.load(enrollment.moduleId), this.completedLessons(enrollment.id, loaders)]);
    return nextUnfinishedLesson(lessons.map((lesson) => lesson.id), new Set(completed), from);
  }

  /** Enrollment.completedLessonIds through the request's batching loader. */
  completedLessons(enrollmentId: string, loaders: Loaders): Promise<string[]> {
    return loaders.loader('completedLessonIds', (ids) => this.completedLessonIds(ids)).load(enrollmentId);
  }

  /** Ids of every module the beneficiary is enrolled in. */
  async enrolledModuleIds(beneficiaryId: string): Promise<string[]> {
    const rows = await this.dataSource.getRepository(EnrollmentEntity).find({ select: { moduleId: true }, where: { beneficiaryId } });
    return rows.map((row) => row.moduleId);
  }

  /**
   * Counts a completion by SQL increment (exact under concurrency, no
   * read-modify-write) and queues the search document's refresh in the same
   * transaction. The version is not bumped: it protects content edits.
   */
  private async countCompletion(manager: EntityManager, moduleId: string): Promise<void> {
    // The outbox row first: the module row's lock is then held only until the commit.
    await this.outbox.enqueue(manager, JobName.SYNC_MODULE, { moduleId });
    await manager.query(`UPDATE modules SET completion_count = completion_count + 1 WHERE id = $1`, [moduleId]);
  }
}

const cursorOfEnrollment = (enrollment: EnrollmentEntity): Cursor => ({ key: enrollment.enrolledAt.toISOString(), id: enrollment.id });
