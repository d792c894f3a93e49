import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The beneficiary's side: enrollments and lesson progress, the fees they
 * charge to the training-credit ledger, reviews, reports and notifications.
 * The rules that must hold under concurrency are constraints: one enrollment
 * per beneficiary and module, at most one ledger entry per enrollment, one
 * review per author and module (rating 1..5), one OPEN report per reporter
 * and module, one notification per dedupe key.
 */
export class Learning1764500000000 implements MigrationInterface {
  name = 'Learning1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE enrollments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        beneficiary_id uuid NOT NULL REFERENCES users (id),
        module_id uuid NOT NULL REFERENCES modules (id),
        status text NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'COMPLETED')),
        charged_idr integer NOT NULL DEFAULT 0 CHECK (charged_idr IN (0, 1)),
        enrolled_at timestamptz NOT NULL DEFAULT now(),
        completed_at timestamptz,
        CONSTRAINT enrollments_beneficiary_module_key UNIQUE (beneficiary_id, module_id),
        CONSTRAINT enrollments_completed_at CHECK ((status = 'COMPLETED') = (completed_at IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX enrollments_beneficiary_enrolled ON enrollments (beneficiary_id, enrolled_at DESC, id DESC)`);
    await q.query(`CREATE INDEX enrollments_module ON enrollments (module_id)`);

    // Lessons are replaced when a module is edited; progress on removed lessons goes with them.
    await q.query(`
      CREATE TABLE lesson_completions (
        enrollment_id uuid NOT NULL REFERENCES enrollments (id),
        lesson_id uuid NOT NULL REFERENCES lessons (id) ON DELETE CASCADE,
        completed_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (enrollment_id, lesson_id)
      )`);
    await q.query(`CREATE INDEX lesson_completions_lesson ON lesson_completions (lesson_id)`);

    // A fee (or its waiver) belongs to exactly one enrollment, and an enrollment has at most one.
    await q.query(`ALTER TABLE ledger_entries ADD COLUMN enrollment_id uuid REFERENCES enrollments (id)`);
    await q.query(`CREATE UNIQUE INDEX ledger_entries_enrollment ON ledger_entries (enrollment_id) WHERE enrollment_id IS NOT NULL`);
    await q.query(`
      ALTER TABLE ledger_entries ADD CONSTRAINT ledger_entries_enrollment_kind
        CHECK ((kind IN ('ENROLLMENT_FEE', 'FEE_WAIVED')) = (enrollment_id IS NOT NULL))`);

    // Comments are limited to 2000 characters on input; sanitising may lengthen them (< becomes &lt;).
    await q.query(`
      CREATE TABLE reviews (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        module_id uuid NOT NULL REFERENCES modules (id),
        author_id uuid NOT NULL REFERENCES users (id),
        rating integer NOT NULL CHECK (rating BETWEEN 1 AND 5),
        comment text CHECK (char_length(comment) <= 10000),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT reviews_author_module_key UNIQUE (author_id, module_id)
      )`);
    await q.query(`CREATE INDEX reviews_module_created ON reviews (module_id, created_at DESC, id DESC)`);

    await q.query(`
      CREATE TABLE reports (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        module_id uuid NOT NULL REFERENCES modules (id),
        reporter_id uuid NOT NULL REFERENCES users (id),
        reason text NOT NULL CHECK (reason IN ('BROKEN_CONTENT', 'MISLEADING', 'COPYRIGHT', 'INAPPROPRIATE', 'SPAM', 'OTHER')),
        details text CHECK (char_length(details) <= 10000),
        status text NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'RESOLVED', 'DISMISSED')),
        resolution_note text,
        resolved_by uuid REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        resolved_at timestamptz,
        CONSTRAINT reports_resolution CHECK (
          (status = 'OPEN' AND resolved_at IS NULL AND resolution_note IS NULL AND resolved_by IS NULL) OR
          (status <> 'OPEN' AND resolved_at IS NOT NULL AND resolution_note IS NOT NULL AND resolved_by IS NOT NULL))
      )`);
    await q.query(`CREATE UNIQUE INDEX reports_one_open ON reports (reporter_id, module_id) WHERE status = 'OPEN'`);
    await q.query(`CREATE INDEX reports_status_created ON reports (status, created_at, id)`);

    await q.query(`
      CREATE TABLE notifications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users (id),
        kind text NOT NULL CHECK (kind IN ('MODULE_APPROVED', 'CHANGES_REQUESTED', 'MODULE_REJECTED', 'MODULE_UNPUBLISHED', 'CREDIT_EXHAUSTED', 'REPORT_RESOLVED')),
        message text NOT NULL,
        module_ids uuid[] NOT NULL DEFAULT '{}',
        dedupe_key text NOT NULL,
        read_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT notifications_dedupe_key UNIQUE (dedupe_key)
      )`);
    await q.query(`CREATE INDEX notifications_user_created ON notifications (user_id, created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX notifications_user_unread ON notifications (user_id, created_at DESC, id DESC) WHERE read_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE notifications`);
    await q.query(`DROP TABLE reports`);
    await q.query(`DROP TABLE reviews`);
    await q.query(`ALTER TABLE ledger_entries DROP COLUMN enrollment_id`);
    await q.query(`DROP TABLE lesson_completions`);
    await q.query(`DROP TABLE enrollments`);
  }
}
