import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Outbox reliability: each claim writes a fresh token, and only its holder may
 * mark the row done, failed or due again (fencing); `retries` counts operator
 * retries of a given-up row (so BullMQ sees a new job id); indexes let the
 * retention delete old done and given-up rows in cheap batches.
 */
export class OutboxFencing1764850000000 implements MigrationInterface {
  name = 'OutboxFencing1764850000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE outbox_events ADD COLUMN claim_token uuid, ADD COLUMN retries integer NOT NULL DEFAULT 0`);
    await q.query(`CREATE INDEX outbox_events_done ON outbox_events (done_at) WHERE done_at IS NOT NULL AND failed_at IS NULL`);
    await q.query(`CREATE INDEX outbox_events_given_up ON outbox_events (failed_at) WHERE failed_at IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX outbox_events_given_up`);
    await q.query(`DROP INDEX outbox_events_done`);
    await q.query(`ALTER TABLE outbox_events DROP COLUMN retries, DROP COLUMN claim_token`);
  }
}
