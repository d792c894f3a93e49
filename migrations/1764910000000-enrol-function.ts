import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Enrolment in one round trip (issue 16): enroll_beneficiary() does what
 * LearningService.enroll did in 8–10 statements of a client-side transaction,
 * in the same order and so with the same locks (no new deadlock with
 * unpublish or an owner's edit):
 *
 *   1. the module must be PUBLISHED (read without a lock);
 *   2. the enrollment is inserted, or the existing one is returned and nothing
 *      else is written (the unique constraint makes concurrent calls of one
 *      pair wait for the first and return its row);
 *   3. a Rp1 module locks the wallet row and writes the fee: ENROLLMENT_FEE -1
 *      while the balance is at least Rp1, FEE_WAIVED 0 otherwise (a
 *      beneficiary with no credit left is never turned away). This is the one
 *      place that rule lives. The fee that takes the last Rp1 queues
 *      notify-credit-exhausted, as WalletService does for an exhausting spend;
 *   4. the search sync is queued, then the module's enrollment_count is moved
 *      only while it is still PUBLISHED: an unpublish that committed meanwhile
 *      raises, which undoes everything above.
 *
 * Outbox rows are written as Outbox.enqueue writes them (job name and JSON
 * payload, every other column its default); the caller wakes the relay after
 * the commit. Refusals are SQLSTATE P0002 (no_data_found) with the missing
 * thing as the message ('module' or 'wallet'). Runs on PGlite too (plpgsql).
 */
export class EnrolFunction1764910000000 implements MigrationInterface {
  name = 'EnrolFunction1764910000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION enroll_beneficiary(p_beneficiary uuid, p_module uuid, OUT enrollment enrollments, OUT created boolean)
      LANGUAGE plpgsql AS $$
      DECLARE
        module_status text;
        module_price integer;
        balance integer;
        fee integer;
        entry_id uuid;
      BEGIN
        SELECT status, price_idr INTO module_status, module_price FROM modules WHERE id = p_module;
        IF module_status IS DISTINCT FROM 'PUBLISHED' THEN
          RAISE EXCEPTION USING ERRCODE = 'no_data_found', MESSAGE = 'module';
        END IF;

        INSERT INTO enrollments (beneficiary_id, module_id) VALUES (p_beneficiary, p_module)
          ON CONFLICT ON CONSTRAINT enrollments_beneficiary_module_key DO NOTHING
          RETURNING * INTO enrollment;
        created := FOUND;
        IF NOT created THEN
          SELECT * INTO enrollment FROM enrollments WHERE beneficiary_id = p_beneficiary AND module_id = p_module;
          RETURN;
        END IF;

        IF module_price = 1 THEN
          SELECT balance_idr INTO balance FROM wallets WHERE user_id = p_beneficiary FOR UPDATE;
          IF NOT FOUND THEN
            RAISE EXCEPTION USING ERRCODE = 'no_data_found', MESSAGE = 'wallet';
          END IF;
          fee := CASE WHEN balance >= 1 THEN 1 ELSE 0 END;
          INSERT INTO ledger_entries (user_id, kind, amount_idr, balance_after_idr, reference, enrollment_id)
            VALUES (p_beneficiary, CASE WHEN fee = 1 THEN 'ENROLLMENT_FEE' ELSE 'FEE_WAIVED' END, -fee, balance - fee, 'module:' || p_module, enrollment.id)
            RETURNING id INTO entry_id;
          IF fee = 1 THEN
            UPDATE wallets SET balance_idr = balance_idr - 1, updated_at = now() WHERE user_id = p_beneficiary;
            UPDATE enrollments SET charged_idr = 1 WHERE id = enrollment.id RETURNING * INTO enrollment;
            IF balance - fee < 1 THEN
              INSERT INTO outbox_events (job, payload)
                VALUES ('notify-credit-exhausted', jsonb_build_object('userId', p_beneficiary, 'ledgerEntryId', entry_id));
            END IF;
          END IF;
        END IF;

        -- The outbox row first: the module row's lock is then held only until the commit.
        INSERT INTO outbox_events (job, payload) VALUES ('sync-module', jsonb_build_object('moduleId', p_module));
        UPDATE modules SET enrollment_count = enrollment_count + 1 WHERE id = p_module AND status = 'PUBLISHED';
        IF NOT FOUND THEN
          RAISE EXCEPTION USING ERRCODE = 'no_data_found', MESSAGE = 'module';
        END IF;
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION enroll_beneficiary(uuid, uuid)`);
  }
}
