import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { JOB_DISPATCHER, JobDispatcher, OutboxJob } from './job-dispatcher';

const BATCH_SIZE = 100;
const POLL_INTERVAL_MS = 250;
const CLAIM_SECONDS = 60;
/** In-process handlers give up after this many attempts (the row keeps its error, visible). */
export const MAX_ATTEMPTS = 10;

/**
 * Moves outbox rows to the dispatcher. Rows are claimed with a lease (so
 * several processes may relay at once) and marked done only after the
 * dispatcher accepted them; a failure puts them back with a backoff.
 */
@Injectable()
export class OutboxRelay implements OnApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private stopped = true;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(JOB_DISPATCHER) private readonly dispatcher: JobDispatcher,
  ) {}

  /** Starts relaying; called once the application is fully initialised (indexes built, handlers registered). */
  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
    await this.dispatcher.close();
  }

  /** Asks for a pass now (new rows have just been committed). */
  nudge(): void {
    this.schedule(0);
  }

  /** One pass: claims and dispatches up to a batch; returns how many rows it handled. */
  async relayOnce(): Promise<number> {
    const jobs: OutboxJob[] = await this.dataSource.query(
      `UPDATE outbox_events SET claimed_until = now() + make_interval(secs => $2)
        WHERE id IN (
          SELECT id FROM outbox_events
           WHERE done_at IS NULL AND failed_at IS NULL AND available_at <= now()
             AND (claimed_until IS NULL OR claimed_until < now())
           ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED)
        RETURNING id, job, payload, attempts`,
      [BATCH_SIZE, CLAIM_SECONDS],
    ).then(([rows]: [OutboxJob[]]) => rows.sort((a, b) => Number(a.id) - Number(b.id)));
    if (jobs.length === 0) return 0;
    const ids = jobs.map((job) => job.id);
    try {
      await this.dispatcher.dispatch(jobs);
      await this.dataSource.query(`UPDATE outbox_events SET done_at = now(), claimed_until = NULL WHERE id = ANY($1)`, [ids]);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const [rows]: [{ attempts: number; failed: boolean }[]] = await this.dataSource.query(
        // Backoff: 0.5 s, 1 s, 2 s, ... capped at a minute.
        `UPDATE outbox_events
            SET attempts = attempts + 1, last_error = $2, claimed_until = NULL,
                available_at = now() + make_interval(secs => least(60, 0.25 * power(2, attempts + 1))),
                failed_at = CASE WHEN $3 AND attempts + 1 >= $4 THEN now() END
          WHERE id = ANY($1) RETURNING attempts, failed_at IS NOT NULL AS failed`,
        [ids, message.slice(0, 2000), this.dispatcher.name === 'in-process', MAX_ATTEMPTS],
      );
      const failed = rows.filter((row) => row.failed).length;
      this.logger.warn(`Dispatching ${jobs.length} outbox job(s) through ${this.dispatcher.name} failed (${message}); will retry${failed ? `, ${failed} gave up` : ''}`);
    }
    return jobs.length;
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
