import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sessions that can end. A token carries its account's token_version: a
 * password change, a logout everywhere and a suspension bump it, ending every
 * token issued before. A logout of one device records that token's id until
 * it would have expired anyway. Suspensions and reinstatements are kept in an
 * append-only history (who, when, why).
 */
export class Sessions1764810000000 implements MigrationInterface {
  name = 'Sessions1764810000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users ADD COLUMN token_version integer NOT NULL DEFAULT 0, ADD COLUMN suspended_at timestamptz`);

    await q.query(`
      CREATE TABLE revoked_tokens (
        token_id uuid PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX revoked_tokens_expires_at ON revoked_tokens (expires_at)`);

    await q.query(`
      CREATE TABLE account_suspension_events (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
        user_id uuid NOT NULL REFERENCES users (id),
        action text NOT NULL CHECK (action IN ('SUSPEND', 'REINSTATE')),
        reason text,
        actor_id uuid NOT NULL REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT account_suspension_events_reason CHECK (action <> 'SUSPEND' OR reason IS NOT NULL)
      )`);
    await q.query(`CREATE INDEX account_suspension_events_user ON account_suspension_events (user_id, seq)`);
    await q.query(
      `CREATE TRIGGER account_suspension_events_append_only BEFORE UPDATE OR DELETE ON account_suspension_events FOR EACH ROW EXECUTE FUNCTION forbid_row_change()`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE account_suspension_events`);
    await q.query(`DROP TABLE revoked_tokens`);
    await q.query(`ALTER TABLE users DROP COLUMN suspended_at, DROP COLUMN token_version`);
  }
}
