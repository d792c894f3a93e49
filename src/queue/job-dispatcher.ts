import { JobName } from './jobs';

export interface OutboxJob {
  id: string;
  job: JobName;
  payload: unknown;
}

/**
 * Where the outbox relay sends claimed rows: straight to the handlers (no
 * Redis), or into BullMQ for workers to run. Resolves once the jobs are safely
 * handed over (run, or stored in Redis); rejects to have them retried later.
 */
export interface JobDispatcher {
  readonly name: string;
  dispatch(jobs: OutboxJob[]): Promise<void>;
  /** Runs `job` every `everyMs` (once across all processes where the queue allows it). */
  schedule(job: JobName, everyMs: number): Promise<void>;
  /** Stops scheduled jobs of this process. */
  close(): Promise<void>;
}

export const JOB_DISPATCHER = Symbol('JOB_DISPATCHER');

/** Identical SYNC-style jobs in one batch collapse to one: their handlers read the current state anyway. */
export function coalesce(jobs: OutboxJob[]): OutboxJob[] {
  const seen = new Map<string, OutboxJob>();
  for (const job of jobs) seen.set(`${job.job}:${JSON.stringify(job.payload)}`, job);
  return [...seen.values()];
}
