import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The transactional outbox: a change that other systems must learn of (the
 * search index, notifications) writes a row here in its own transaction; a
 * relay hands rows to the job queue. Nothing is lost when Redis or the search
 * engine is down: rows wait, with their attempts and last error visible.
 */
export class OutboxAndReindexJobs1764400000000 implements MigrationInterface {
  name = 'OutboxAndReindexJobs1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE outbox_events (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        job text NOT NULL,
        payload jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        available_at timestamptz NOT NULL DEFAULT now(),
        claimed_until timestamptz,
        attempts integer NOT NULL DEFAULT 0,
        last_error text,
        done_at timestamptz,
        failed_at timestamptz
      )`);
    await q.query(`CREATE INDEX outbox_events_pending ON outbox_events (available_at, id) WHERE done_at IS NULL AND failed_at IS NULL`);

    await q.query(`
      CREATE TABLE reindex_jobs (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        state text NOT NULL DEFAULT 'QUEUED' CHECK (state IN ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED')),
        indexed_documents integer NOT NULL DEFAULT 0,
        error text,
        requested_by uuid REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE reindex_jobs`);
    await q.query(`DROP TABLE outbox_events`);
  }
}
