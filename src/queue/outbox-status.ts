import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** What an operator needs to know about background work: what waits, since when, and what gave up. */
export interface OutboxStatus {
  pending: number;
  givenUp: number;
  /** Age of the oldest row not yet handed over, null when none waits. */
  oldestPendingSeconds: number | null;
}

export interface GivenUpRow {
  id: string;
  job: string;
  attempts: number;
  lastError: string | null;
  failedAt: Date;
}

/** Read through the two partial indexes (pending, given up): cheap whatever the table's size. */
export async function outboxStatus(db: DataSource): Promise<OutboxStatus> {
  const [row]: { pending: number; given_up: number; oldest: number | null }[] = await db.query(
    `SELECT count(*) FILTER (WHERE done_at IS NULL AND failed_at IS NULL)::int AS pending,
            count(*) FILTER (WHERE failed_at IS NOT NULL)::int AS given_up,
            extract(epoch FROM now() - min(created_at) FILTER (WHERE done_at IS NULL AND failed_at IS NULL))::float8 AS oldest
       FROM outbox_events WHERE (done_at IS NULL AND failed_at IS NULL) OR failed_at IS NOT NULL`,
  );
  return { pending: row.pending, givenUp: row.given_up, oldestPendingSeconds: row.oldest === null ? null : Math.round(row.oldest) };
}

/** outboxStatus for a page (the admin's), with the same figures /health's checks.outbox shows. */
@Injectable()
export class OutboxMonitor {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  status(): Promise<OutboxStatus> {
    return outboxStatus(this.dataSource);
  }
}

export async function givenUpRows(db: DataSource, limit: number): Promise<GivenUpRow[]> {
  return db.query(
    `SELECT id, job, attempts, last_error AS "lastError", failed_at AS "failedAt" FROM outbox_events WHERE failed_at IS NOT NULL ORDER BY failed_at DESC, id DESC LIMIT $1`,
    [limit],
  );
}

/** Puts given-up rows (one, or all) back in line with fresh attempts; returns their ids. */
export async function retryGivenUp(db: DataSource, id?: string): Promise<string[]> {
  const [rows]: [{ id: string }[]] = await db.query(
    `UPDATE outbox_events
        SET failed_at = NULL, done_at = NULL, attempts = 0, available_at = now(), claimed_until = NULL, claim_token = NULL, retries = retries + 1
      WHERE failed_at IS NOT NULL AND ($1::bigint IS NULL OR id = $1::bigint) RETURNING id`,
    [id ?? null],
  );
  return rows.map((row) => row.id);
}

/** BullMQ exhausted a job's attempts: its outbox row gives up too, visible and retryable like an in-process one. */
export async function markGivenUp(db: DataSource, id: string, error: string): Promise<void> {
  await db.query(`UPDATE outbox_events SET failed_at = now(), last_error = $2 WHERE id = $1`, [id, error.slice(0, 2000)]);
}
