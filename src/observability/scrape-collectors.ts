import type { Queue } from 'bullmq';
import type { Pool } from 'pg';
import { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { outboxStatus, OutboxStatus } from '../queue/outbox-status';
import { MetricsService } from './metrics.service';

/** A scrape waits this long for Redis; past it the queue series are left out of that scrape rather than holding it. */
const QUEUE_SCRAPE_TIMEOUT_MS = 1_000;
const QUEUE_STATES = ['waiting', 'active', 'delayed', 'prioritized', 'failed'] as const;

/** Outbox figures: one query per scrape, shared by the three gauges. */
export function registerOutboxGauges(metrics: MetricsService, dataSource: DataSource): void {
  // The registry collects every gauge of a scrape concurrently: they share the query in flight.
  let inFlight: Promise<OutboxStatus | undefined> | undefined;
  const status = () => {
    // A database that does not answer leaves these series out of the scrape (reset) instead of failing it.
    inFlight ??= outboxStatus(dataSource)
      .catch(() => undefined)
      .finally(() => (inFlight = undefined));
    return inFlight;
  };
  const gauge = (name: string, help: string, figure: (status: OutboxStatus) => number) =>
    metrics.scrapeGauge(name, help, [], async (gauge) => {
      const now = await status();
      if (now) gauge.set(figure(now));
      else gauge.reset();
    });
  gauge('outbox_pending_jobs', 'Outbox rows not yet handed to a worker or run', (now) => now.pending);
  gauge('outbox_oldest_pending_age_seconds', 'Age of the oldest pending outbox row (0 when none waits)', (now) => now.oldestPendingSeconds ?? 0);
  gauge('outbox_given_up_jobs', 'Outbox rows whose job exhausted its attempts (retry with the CLI outbox-retry)', (now) => now.givenUp);
}

/** The database pool as pg reports it: no query. */
export function registerPoolGauges(metrics: MetricsService, dataSource: DataSource): void {
  const pool = () => (dataSource.driver as PostgresDriver).master as Pool;
  metrics.scrapeGauge('db_pool_connections', 'Database pool connections by state (total, idle, in_use)', ['state'], async (gauge) => {
    const { totalCount, idleCount } = pool();
    gauge.set({ state: 'total' }, totalCount);
    gauge.set({ state: 'idle' }, idleCount);
    gauge.set({ state: 'in_use' }, totalCount - idleCount);
  });
  metrics.scrapeGauge('db_pool_waiting_requests', 'Queries waiting for a pool connection', [], async (gauge) => gauge.set(pool().waitingCount));
}

/** BullMQ job counts per queue and state (with Redis only). */
export function registerQueueGauges(metrics: MetricsService, queues: Map<string, Queue>): void {
  metrics.scrapeGauge('queue_jobs', 'BullMQ jobs by queue and state', ['queue', 'state'], async (gauge) => {
    gauge.reset();
    const counts = await withTimeout(Promise.all([...queues].map(async ([name, queue]) => [name, await queue.getJobCounts(...QUEUE_STATES)] as const)));
    for (const [queue, byState] of counts ?? []) for (const state of QUEUE_STATES) gauge.set({ queue, state }, byState[state] ?? 0);
  });
}

function withTimeout<T>(work: Promise<T>): Promise<T | undefined> {
  return Promise.race([work.catch(() => undefined), new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), QUEUE_SCRAPE_TIMEOUT_MS).unref())]);
}
