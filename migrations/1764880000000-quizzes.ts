import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Graded quizzes (issue 14): a QUIZ lesson's questions (with their correct
 * options) and pass mark live on the lesson row, so a pending revision's
 * lesson JSON carries them unchanged to approval. Attempts are rows, counted
 * in the database for the daily limit so every replica agrees.
 */
export class Quizzes1764880000000 implements MigrationInterface {
  name = 'Quizzes1764880000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE lessons ADD COLUMN questions jsonb, ADD COLUMN pass_percent integer,
        ADD CONSTRAINT lessons_quiz_only CHECK ((questions IS NULL AND pass_percent IS NULL) OR (kind = 'QUIZ' AND pass_percent BETWEEN 1 AND 100))`);
    await q.query(`
      CREATE TABLE quiz_attempts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        enrollment_id uuid NOT NULL REFERENCES enrollments (id),
        lesson_id uuid NOT NULL REFERENCES lessons (id) ON DELETE CASCADE,
        score_percent integer NOT NULL CHECK (score_percent BETWEEN 0 AND 100),
        passed boolean NOT NULL,
        correct boolean[] NOT NULL,
        attempted_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX quiz_attempts_enrollment ON quiz_attempts (enrollment_id, attempted_at DESC)`);
    await q.query(`CREATE INDEX quiz_attempts_lesson ON quiz_attempts (lesson_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE quiz_attempts`);
    await q.query(`ALTER TABLE lessons DROP CONSTRAINT lessons_quiz_only, DROP COLUMN questions, DROP COLUMN pass_percent`);
  }
}
