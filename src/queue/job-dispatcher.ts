import { JobName } from './jobs';

export interface OutboxJob {
  id: string;
  job: JobName;
  payload: unknown;
  /** Operator retries of this row (a retried row is a new BullMQ job). */
  retries?: number;
}

/** Outbox rows asking for the same job: it runs once for all of them. */
export interface JobGroup {
  /** The last row asking for the job: its id names the BullMQ job. */
  job: OutboxJob;
  rowIds: string[];
}

/** The rows whose job failed, with the error; every other row of the batch was handed over. */
export type DispatchFailures = Map<string, string>;

/**
 * Where the outbox relay sends claimed rows: straight to the handlers (no
 * Redis), or into BullMQ for workers to run. Resolves once the jobs are safely
 * handed over (run, or stored in Redis), naming the rows whose job failed;
 * rejects when nothing could be handed over (Redis down).
 */
export interface JobDispatcher {
  readonly name: string;
  /** Whether dispatching runs the handlers (a failure is the job's, counted towards giving up) rather than queueing them. */
  readonly runsHandlers: boolean;
  dispatch(jobs: OutboxJob[]): Promise<DispatchFailures>;
  /** Runs `job` every `everyMs` (once across all processes where the queue allows it). */
  schedule(job: JobName, everyMs: number): Promise<void>;
  /** Stops scheduled jobs of this process. */
  close(): Promise<void>;
}

export const JOB_DISPATCHER = Symbol('JOB_DISPATCHER');

/** Identical SYNC-style jobs in one batch collapse to one: their handlers read the current state anyway. */
export function coalesce(jobs: OutboxJob[]): JobGroup[] {
  const groups = new Map<string, JobGroup>();
  for (const job of jobs) {
    const key = `${job.job}:${JSON.stringify(job.payload)}`;
    const group = groups.get(key);
    groups.set(key, { job, rowIds: [...(group?.rowIds ?? []), job.id] });
  }
  return [...groups.values()];
}
