import { BeforeApplicationShutdown, Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/config';
import { DispatchFailures, JOB_DISPATCHER, JobDispatcher, OutboxJob } from './job-dispatcher';
import { MAX_ATTEMPTS, RETRY_SQL_PARAMS } from './retry-policy';

const BATCH_SIZE = 100;
const POLL_INTERVAL_MS = 250;
/** A claim's lease; renewed every third of it while the claimed jobs run, so only a dead or stuck relay loses it. */
export const CLAIM_SECONDS = 60;
/** Redis refusing jobs is not the jobs' fault: such rows are retried at least this often, and never given up. */
const HANDOVER_RETRY_MAX_SECONDS = 5;
const RETENTION_EVERY_MS = 10 * 60_000;
const RETENTION_DELETE_BATCH = 1_000;

/**
 * Moves outbox rows to the dispatcher. Rows are claimed with a lease and a
 * fresh token (so several processes may relay at once), and only the holder
 * of the token may mark them done or due again: a relay whose lease ran out
 * (another one took the rows) completes nothing. Each row's job succeeds or
 * fails on its own; a failure puts only that row back, with a backoff.
 */
@Injectable()
export class OutboxRelay implements BeforeApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private timer?: NodeJS.Timeout;
  private retentionTimer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private stopped = true;
  /** The lease of a claim, in seconds (a test shortens it to see it renewed). */
  claimSeconds = CLAIM_SECONDS;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(JOB_DISPATCHER) private readonly dispatcher: JobDispatcher,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Starts relaying; called once the application is fully initialised (indexes built, handlers registered). */
  start(): void {
    this.stopped = false;
    this.schedule(0);
    this.retentionTimer = setInterval(() => void this.deleteExpired().catch((error: unknown) => this.logger.warn(`Outbox retention failed: ${String(error)}`)), RETENTION_EVERY_MS);
    this.retentionTimer.unref();
  }

  /** Takes no new rows and waits for the pass under way (its jobs finish and are marked). Idempotent. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    clearInterval(this.retentionTimer);
    await this.running;
    await this.dispatcher.close();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.stop();
  }

  /** Asks for a pass now (new rows have just been committed). */
  nudge(): void {
    this.schedule(0);
  }

  /** One pass: claims and dispatches up to a batch; returns how many rows it handled. */
  async relayOnce(): Promise<number> {
    const claim = randomUUID();
    const jobs = await this.claim(claim);
    if (jobs.length === 0) return 0;
    const lease = setInterval(() => void this.extendLease(claim), (this.claimSeconds * 1000) / 3);
    lease.unref();
    let failures: DispatchFailures;
    try {
      failures = await this.dispatcher.dispatch(jobs);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      failures = new Map(jobs.map((job) => [job.id, message]));
    } finally {
      clearInterval(lease);
    }
    await this.complete(claim, jobs, failures);
    return jobs.length;
  }

  /** Deletes done rows older than OUTBOX_RETENTION_HOURS and given-up rows older than OUTBOX_GIVEN_UP_RETENTION_DAYS, in indexed batches. */
  async deleteExpired(): Promise<number> {
    const { doneHours, givenUpDays } = this.config.jobRetention;
    const expired = [
      `done_at IS NOT NULL AND failed_at IS NULL AND done_at < now() - make_interval(hours => $1)`,
      `failed_at IS NOT NULL AND failed_at < now() - make_interval(days => $1)`,
    ];
    let deleted = 0;
    for (const [condition, age] of [
      [expired[0], doneHours],
      [expired[1], givenUpDays],
    ] as const) {
      for (;;) {
        const [, count]: [unknown, number] = await this.dataSource.query(`DELETE FROM outbox_events WHERE id IN (SELECT id FROM outbox_events WHERE ${condition} LIMIT $2)`, [age, RETENTION_DELETE_BATCH]);
        deleted += count;
        if (count < RETENTION_DELETE_BATCH) break;
      }
    }
    return deleted;
  }

  private async claim(token: string): Promise<OutboxJob[]> {
    const [rows]: [OutboxJob[]] = await this.dataSource.query(
      `UPDATE outbox_events SET claimed_until = now() + make_interval(secs => $2), claim_token = $3
        WHERE id IN (
          SELECT id FROM outbox_events
           WHERE done_at IS NULL AND failed_at IS NULL AND available_at <= now()
             AND (claimed_until IS NULL OR claimed_until < now())
           ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED)
        RETURNING id, job, payload, retries`,
      [BATCH_SIZE, this.claimSeconds, token],
    );
    return rows.sort((a, b) => Number(a.id) - Number(b.id));
  }

  private async extendLease(token: string): Promise<void> {
    await this.dataSource
      .query(`UPDATE outbox_events SET claimed_until = now() + make_interval(secs => $2) WHERE claim_token = $1 AND done_at IS NULL AND failed_at IS NULL`, [token, this.claimSeconds])
      .catch((error: unknown) => this.logger.warn(`Could not extend an outbox lease: ${String(error)}`));
  }

  /** Marks the claimed rows done or due again, only while this claim still holds them. */
  private async complete(token: string, jobs: OutboxJob[], failures: DispatchFailures): Promise<void> {
    const doneIds = jobs.map((job) => job.id).filter((id) => !failures.has(id));
    let marked = 0;
    if (doneIds.length > 0) {
      const [, count]: [unknown, number] = await this.dataSource.query(
        `UPDATE outbox_events SET done_at = now(), claimed_until = NULL, claim_token = NULL WHERE id = ANY($1) AND claim_token = $2`,
        [doneIds, token],
      );
      marked += count;
    }
    if (failures.size > 0) {
      const jobsFailed = this.dispatcher.runsHandlers;
      const [rows]: [{ gave_up: boolean }[]] = await this.dataSource.query(
        `UPDATE outbox_events o
            SET attempts = o.attempts + 1, last_error = f.error, claimed_until = NULL, claim_token = NULL,
                available_at = now() + make_interval(secs => least($4, $3 * power(2, o.attempts))),
                failed_at = CASE WHEN $5 AND o.attempts + 1 >= $6 THEN now() END
           FROM unnest($1::bigint[], $7::text[]) AS f(id, error)
          WHERE o.id = f.id AND o.claim_token = $2
          RETURNING o.failed_at IS NOT NULL AS gave_up`,
        [
          [...failures.keys()],
          token,
          RETRY_SQL_PARAMS.firstSeconds,
          jobsFailed ? RETRY_SQL_PARAMS.maxSeconds : HANDOVER_RETRY_MAX_SECONDS,
          jobsFailed,
          MAX_ATTEMPTS,
          [...failures.values()].map((message) => message.slice(0, 2000)),
        ],
      );
      marked += rows.length;
      const gaveUp = rows.filter((row) => row.gave_up).length;
      const firstError = failures.values().next().value;
      this.logger.warn(`${failures.size} of ${jobs.length} outbox job(s) failed through ${this.dispatcher.name} (${firstError}); will retry${gaveUp ? `, ${gaveUp} gave up` : ''}`);
    }
    // Another relay took rows whose lease ran out: they are its to complete now.
    if (marked < jobs.length) this.logger.warn(`${jobs.length - marked} outbox row(s) were claimed by another relay meanwhile; left to it`);
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.tick(), delayMs);
    this.timer.unref();
  }

  private async tick(): Promise<void> {
    if (this.running) {
      // A pass is under way; look again right after it.
      await this.running;
      return this.schedule(0);
    }
    let handled = 0;
    this.running = this.relayOnce()
      .then((count) => {
        handled = count;
      })
      .catch((error: unknown) => this.logger.error(`Outbox relay pass failed: ${error instanceof Error ? error.message : String(error)}`))
      .finally(() => {
        this.running = undefined;
      });
    await this.running;
    this.schedule(handled === BATCH_SIZE ? 0 : POLL_INTERVAL_MS);
  }
}
