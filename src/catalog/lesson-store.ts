import { EntityManager } from 'typeorm';
import { LessonEntity } from './lesson.entity';

/**
 * Makes `lessons` (planned with their ids) the lessons of a module in place:
 * kept ids are updated, new ones inserted, the rest deleted (their
 * completions go with them). The position constraint is checked at commit,
 * so reordering needs no intermediate positions.
 */
export async function writeLessons(manager: EntityManager, moduleId: string, lessons: LessonEntity[]): Promise<void> {
  await manager.query(`DELETE FROM lessons WHERE module_id = $1 AND id <> ALL($2::uuid[])`, [moduleId, lessons.map((lesson) => lesson.id)]);
  await manager.query(
    `INSERT INTO lessons (id, module_id, position, title, kind, duration_minutes, content_url, body, questions, pass_percent)
     SELECT l.id, $1, l.position, l.title, l.kind, l."durationMinutes", l."contentUrl", l.body, l.questions, l."passPercent"
       FROM jsonb_to_recordset($2::jsonb) AS l(id uuid, position int, title text, kind text, "durationMinutes" int, "contentUrl" text, body text, questions jsonb, "passPercent" int)
     ON CONFLICT (id) DO UPDATE SET position = excluded.position, title = excluded.title, kind = excluded.kind,
        duration_minutes = excluded.duration_minutes, content_url = excluded.content_url, body = excluded.body,
        questions = excluded.questions, pass_percent = excluded.pass_percent
      WHERE lessons.module_id = excluded.module_id`,
    [moduleId, JSON.stringify(lessons)],
  );
  await completeFinishedEnrollments(manager, moduleId);
}

/**
 * Removing the lessons a learner had left completes their enrollment, as
 * completing them would have (and counts it once). COMPLETED enrollments stay
 * COMPLETED whatever the edit. An enrollment locked by a concurrent
 * completeLesson is skipped (not waited for: that would invert its lock order,
 * enrollment then module): that call counts against the edited lessons itself.
 */
async function completeFinishedEnrollments(manager: EntityManager, moduleId: string): Promise<void> {
  await manager.query(
    `WITH done AS (
       SELECT e.id FROM enrollments e
        WHERE e.module_id = $1 AND e.status = 'ACTIVE'
          AND (SELECT count(*) FROM lesson_completions c WHERE c.enrollment_id = e.id) >= (SELECT count(*) FROM lessons WHERE module_id = $1)
        FOR UPDATE SKIP LOCKED),
     finished AS (UPDATE enrollments SET status = 'COMPLETED', completed_at = now() WHERE id IN (SELECT id FROM done) RETURNING 1)
     UPDATE modules SET completion_count = completion_count + (SELECT count(*)::int FROM finished)
      WHERE id = $1 AND EXISTS (SELECT 1 FROM finished)`,
    [moduleId],
  );
}
