import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What a credit spend paid for: the paid course's title as the programme's
 * platform reports it, kept on the EXTERNAL_SPEND entry (LedgerEntry.description)
 * and used to choose the CREDIT_EXHAUSTED free options. Adding a nullable
 * column fires no row trigger, so the append-only ledger is untouched.
 */
export class SpendDescriptions1764860000000 implements MigrationInterface {
  name = 'SpendDescriptions1764860000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE ledger_entries ADD COLUMN description text,
        ADD CONSTRAINT ledger_entries_description CHECK (
          description IS NULL OR (kind = 'EXTERNAL_SPEND' AND char_length(description) BETWEEN 1 AND 200))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE ledger_entries DROP COLUMN description`);
  }
}
