import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import type { Pool } from 'pg';
import { QueueName } from '../../src/queue/jobs';
import { summarizeLatencies, type LatencySummary } from '../bench/support/stats';

export interface LagFigures {
  /** Outbox rows created during the load: commit to done (handed to BullMQ, or run by the in-process dispatcher). */
  outbox: LatencySummary;
  outboxByJob: Record<string, LatencySummary>;
  /** End to end: a curator decision or an exhausting ledger entry committed, to its notification written by the job. */
  notification: LatencySummary;
}

export async function lagFigures(pool: Pool, since: Date): Promise<LagFigures> {
  const outbox = await pool.query<{ job: string; ms: number }>(
    `SELECT job, extract(epoch FROM done_at - created_at)::float8 * 1000 AS ms FROM outbox_events WHERE created_at >= $1 AND done_at IS NOT NULL`,
    [since],
  );
  const outboxByJob: Record<string, LatencySummary> = {};
  for (const job of [...new Set(outbox.rows.map((row) => row.job))].sort()) outboxByJob[job] = summarizeLatencies(outbox.rows.filter((row) => row.job === job).map((row) => row.ms));
  const notifications = await pool.query<{ ms: number }>(
    `SELECT extract(epoch FROM n.created_at - e.created_at)::float8 * 1000 AS ms
       FROM notifications n JOIN moderation_events e ON n.dedupe_key = 'moderation-event:' || e.id WHERE e.created_at >= $1
     UNION ALL
     SELECT extract(epoch FROM n.created_at - l.created_at)::float8 * 1000
       FROM notifications n JOIN ledger_entries l ON n.dedupe_key = 'credit-exhausted:' || l.id WHERE l.created_at >= $1`,
    [since],
  );
  return { outbox: summarizeLatencies(outbox.rows.map((row) => row.ms)), outboxByJob, notification: summarizeLatencies(notifications.rows.map((row) => row.ms)) };
}

export interface BullMqFigures {
  /** Completed outbox jobs: queued in Redis to finished by a worker. */
  queuedToFinished: LatencySummary;
  /** Jobs that ran more than once: a failed attempt retried, or a stalled run (worker or Redis lost mid-job) started again. */
  retried: number;
  stalled: number;
}

/** What BullMQ kept of the run's completed jobs (it keeps them OUTBOX_RETENTION_HOURS, at most 10,000 per queue). */
export async function bullMqFigures(redisUrl: string, prefix: string): Promise<BullMqFigures> {
  const connection = new Redis(redisUrl, { maxRetriesPerRequest: null });
  const queues = Object.values(QueueName).map((name) => new Queue(name, { connection, prefix }));
  try {
    const jobs = (await Promise.all(queues.map((queue) => queue.getCompleted(0, 9_999)))).flat().filter((job) => job.id?.startsWith('outbox-') && job.finishedOn);
    return {
      queuedToFinished: summarizeLatencies(jobs.map((job) => job.finishedOn! - job.timestamp)),
      retried: jobs.filter((job) => job.attemptsMade > 1).length,
      stalled: jobs.filter((job) => job.stalledCounter > 0).length,
    };
  } finally {
    await Promise.all(queues.map((queue) => queue.close()));
    connection.disconnect();
  }
}

export interface CatchUpFigures {
  /** From the fault's end to the last outbox row created before it being done. */
  outboxSeconds: number | null;
  /** From the fault's end to the last notification of something committed before it. */
  notificationSeconds: number | null;
  /** Outbox rows created during the fault. */
  rowsDuringFault: number;
}

/** How long the pipeline took to catch up with what was committed before the fault ended (after the load drained). */
export async function catchUpFigures(pool: Pool, faultStarted: Date, faultEnded: Date): Promise<CatchUpFigures> {
  const [row] = (
    await pool.query<{ outbox_done: Date | null; notified: Date | null; during: number }>(
      `SELECT (SELECT max(done_at) FROM outbox_events WHERE created_at < $2) AS outbox_done,
              (SELECT max(n.created_at) FROM notifications n
                 LEFT JOIN moderation_events e ON n.dedupe_key = 'moderation-event:' || e.id
                 LEFT JOIN ledger_entries l ON n.dedupe_key = 'credit-exhausted:' || l.id
                WHERE coalesce(e.created_at, l.created_at) < $2) AS notified,
              (SELECT count(*)::int FROM outbox_events WHERE created_at >= $1 AND created_at < $2) AS during`,
      [faultStarted, faultEnded],
    )
  ).rows;
  const after = (at: Date | null) => (at ? Math.max(0, (at.getTime() - faultEnded.getTime()) / 1000) : null);
  return { outboxSeconds: after(row.outbox_done), notificationSeconds: after(row.notified), rowsDuringFault: row.during };
}

export interface Sample {
  atSeconds: number;
  /** Outbox rows not yet done (nor given up). */
  outboxPending: number;
  /** The API's database pool, from /health (absent when /health does not report it). */
  poolWaiting?: number;
  poolSize?: number;
}

/** Samples the outbox backlog (SQL) and the API's pool (/health) every `everyMs` while the load runs. */
export class Sampler {
  readonly samples: Sample[] = [];
  private timer?: NodeJS.Timeout;
  private busy = false;

  constructor(
    private readonly pool: Pool,
    private readonly healthUrl: string,
    private readonly started: number,
  ) {}

  start(everyMs: number): void {
    this.timer = setInterval(() => void this.sample(), everyMs);
  }

  stop(): void {
    clearInterval(this.timer);
  }

  private async sample(): Promise<void> {
    if (this.busy) return; // a slow sample under load is not stacked
    this.busy = true;
    try {
      const atSeconds = (performance.now() - this.started) / 1000;
      const [{ pending }] = (await this.pool.query<{ pending: number }>(`SELECT count(*)::int AS pending FROM outbox_events WHERE done_at IS NULL AND failed_at IS NULL`)).rows;
      const pool = await fetch(this.healthUrl, { signal: AbortSignal.timeout(5_000) })
        .then((response) => response.json() as Promise<{ pool?: { size: number; waiting: number } }>)
        .then((body) => body.pool)
        .catch(() => undefined);
      this.samples.push({ atSeconds, outboxPending: pending, poolWaiting: pool?.waiting, poolSize: pool?.size });
    } catch {
      // A sample lost to a failing database is simply missing from the series.
    } finally {
      this.busy = false;
    }
  }
}

export interface PoolFigures {
  samples: number;
  /** Samples in which at least one query waited for a connection. */
  samplesWithWaiters: number;
  maxWaiting: number;
  meanWaiting: number;
  poolSize: number;
}

export function poolFigures(samples: Sample[]): PoolFigures | undefined {
  const reported = samples.filter((sample) => sample.poolWaiting !== undefined);
  if (reported.length === 0) return undefined;
  const waiting = reported.map((sample) => sample.poolWaiting!);
  return {
    samples: reported.length,
    samplesWithWaiters: waiting.filter((count) => count > 0).length,
    maxWaiting: Math.max(...waiting),
    meanWaiting: waiting.reduce((sum, count) => sum + count, 0) / waiting.length,
    poolSize: Math.max(...reported.map((sample) => sample.poolSize ?? 0)),
  };
}
