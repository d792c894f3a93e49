import type { MachineFacts } from '../bench/report/bench-results';
import type { LatencySummary } from '../bench/support/stats';
import type { CheckOutcome } from './after-load-checks';
import type { BullMqFigures, CatchUpFigures, LagFigures, PoolFigures } from './background-figures';
import type { PhaseFigures } from './recorder';

/** Everything one load test run measured and checked; a stage that failed is named in `errors`. */
export interface LoadtestResults {
  startedAt: string;
  /** Wall time of the whole run, set-up and checks included. */
  durationSeconds: number;
  scenario: string;
  command: string;
  machine: MachineFacts;
  database: string;
  queue: string;
  catalogue?: { modules: number; pendingReviews: number; seedSeconds: number };
  accounts?: { beneficiaries: number; contributors: number; seconds: number };
  load?: {
    durationSeconds: number;
    concurrency: number;
    /** The whole load, then (with a fault) before, during and after it. */
    phases: PhaseFigures[];
  };
  /** Answers that broke a rule the client can check at once (e.g. a repeated enroll returning another enrollment). */
  anomalies: string[];
  /** The first failure of each operation and error code. */
  firstFailures: Record<string, string>;
  /** From sending an approval to the first search that finds the module. */
  syncLag?: { lag: LatencySummary; notFound: number };
  lags?: LagFigures;
  pool?: PoolFigures;
  backlogPeak?: number;
  fault?: { kind: string; fromSeconds: number; toSeconds: number; catchUp?: CatchUpFigures; backlogPeakDuringFault: number };
  /** From the end of the load until the outbox, then BullMQ's queues, were empty. */
  drain?: { seconds: number; outboxSeconds: number; violations: string[] };
  bullMq?: BullMqFigures;
  /** What the service's own reconciliation said of the index after the drain (it compares every PUBLISHED id and version). */
  reconcile?: string;
  checks: CheckOutcome[];
  errors: Record<string, string>;
  /** Warnings and errors the API logged, first ones. */
  apiLog: { warnings: number; first: string[] };
}

/** Why the run must exit non-zero (never a time): broken invariants, failed requests, or a stage that broke. */
export function failures(results: LoadtestResults): string[] {
  const reasons = [...Object.entries(results.errors).map(([stage, message]) => `${stage}: ${message}`)];
  for (const check of results.checks) if (check.violations.length > 0) reasons.push(`invariant broken: ${check.name}`);
  if (results.drain && results.drain.violations.length > 0) reasons.push('background work did not settle: a job is pending or gave up');
  if (results.reconcile && !/in line/.test(results.reconcile)) reasons.push(`the index differed from the database: ${results.reconcile}`);
  if (results.anomalies.length > 0) reasons.push(`${results.anomalies.length} answers broke a rule (see anomalies)`);
  const whole = results.load?.phases[0];
  if (whole && whole.total.requests > whole.total.ok) reasons.push(`${whole.total.requests - whole.total.ok} requests failed (every request of the workload is valid)`);
  if (whole && whole.total.ok === 0) reasons.push('no request succeeded');
  return reasons;
}
