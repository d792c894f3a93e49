import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Edits of a PUBLISHED module wait in a pending revision (at most one per
 * module) while the approved content stays in `modules` and `lessons`.
 * Lessons are edited in place so their ids, and learners' progress, survive:
 * the position constraint is checked at commit, so a reorder can swap
 * positions row by row. `approved_title` is the title of the latest approval,
 * what a learner or reporter still sees of a module that left PUBLISHED.
 */
export class ModuleRevisions1764800000000 implements MigrationInterface {
  name = 'ModuleRevisions1764800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE module_revisions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        module_id uuid NOT NULL REFERENCES modules (id) ON DELETE CASCADE,
        status text NOT NULL CHECK (status IN ('IN_REVIEW', 'CHANGES_REQUESTED', 'REJECTED')),
        title text NOT NULL,
        summary text NOT NULL,
        description text NOT NULL,
        category_id uuid NOT NULL REFERENCES categories (id),
        skills text[] NOT NULL,
        level text NOT NULL,
        language text NOT NULL,
        delivery_mode text NOT NULL,
        duration_minutes integer NOT NULL,
        price_idr integer NOT NULL CHECK (price_idr IN (0, 1)),
        certificate boolean NOT NULL,
        lessons jsonb NOT NULL,
        moderation_checks jsonb NOT NULL DEFAULT '[]',
        submitted_at timestamptz,
        review_note text,
        CONSTRAINT module_revisions_one_per_module UNIQUE (module_id)
      )`);
    await q.query(`CREATE INDEX module_revisions_in_review ON module_revisions (submitted_at, module_id) WHERE status = 'IN_REVIEW'`);

    await q.query(`ALTER TABLE modules ADD COLUMN approved_title text`);
    await q.query(`UPDATE modules SET approved_title = title WHERE published_at IS NOT NULL`);

    await q.query(`ALTER TABLE lessons DROP CONSTRAINT lessons_module_id_position_key`);
    await q.query(`ALTER TABLE lessons ADD CONSTRAINT lessons_module_id_position_key UNIQUE (module_id, position) DEFERRABLE INITIALLY DEFERRED`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE lessons DROP CONSTRAINT lessons_module_id_position_key`);
    await q.query(`ALTER TABLE lessons ADD CONSTRAINT lessons_module_id_position_key UNIQUE (module_id, position)`);
    await q.query(`ALTER TABLE modules DROP COLUMN approved_title`);
    await q.query(`DROP TABLE module_revisions`);
  }
}
