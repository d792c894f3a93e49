import { MigrationInterface, QueryRunner } from 'typeorm';

/** Bulk imports of modules: the job a contributor follows, and the valid items still to create. */
export class ModuleImports1764600000000 implements MigrationInterface {
  name = 'ModuleImports1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE import_jobs (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        owner_id uuid NOT NULL REFERENCES users (id),
        state text NOT NULL DEFAULT 'QUEUED' CHECK (state IN ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED')),
        total integer NOT NULL CHECK (total BETWEEN 1 AND 5000),
        processed integer NOT NULL DEFAULT 0 CHECK (processed BETWEEN 0 AND total),
        created_module_ids uuid[] NOT NULL DEFAULT '{}',
        failures jsonb NOT NULL DEFAULT '[]',
        pending_items jsonb,
        next_item integer NOT NULL DEFAULT 0,
        error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz
      )`);
    await q.query(`CREATE INDEX import_jobs_owner ON import_jobs (owner_id, created_at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE import_jobs`);
  }
}
