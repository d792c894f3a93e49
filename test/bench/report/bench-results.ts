import type { MemorySample } from '../processes/api-memory';
import type { MeasuredLoad } from '../load/load-generator';
import type { LoadFigures, OpenLoopFigures } from '../load/load-protocol';
import type { EnrolFigures } from '../scenarios/enrol';
import type { ImportFigures } from '../scenarios/import';
import type { InProcessFigures } from '../scenarios/in-process-search';
import type { InvariantFigures } from '../scenarios/ledger-invariants';
import type { PgbenchFigures } from '../scenarios/pgbench';
import type { QueryLogFigures } from '../scenarios/query-log-load';
import type { SyncLagFigures } from '../scenarios/sync-lag';

export interface MachineFacts {
  cores: number;
  cpu: string;
  memoryGiB: number;
  node: string;
  os: string;
  /** 1-minute load average before the run; well above 0 means other work shared the cores. */
  loadAverageAtStart: number;
  /** Other busy processes seen before the run (e.g. a test suite), which skew every figure. */
  busyProcessesAtStart: string[];
  /** CPU used during the run by processes that are neither the bench's nor the servers it loads. */
  foreignLoad?: { coreSeconds: number; shareOfMachine: number; top: string[] };
}

export interface ModeFacts {
  name: 'embedded' | 'postgres';
  database: string;
  queue: string;
  search: string;
}

/** Everything one run measured; figures of a scenario that failed are absent and its error is in `errors`. */
export interface BenchResults {
  startedAt: string;
  durationSeconds: number;
  machine: MachineFacts;
  mode: ModeFacts;
  n: number;
  quick: boolean;
  connections: number;
  plan: { warmupSeconds: number; rounds: number; roundSeconds: number };
  commands: string[];
  catalogue?: { published: number; pendingReviews: number; seedSeconds: number };
  inProcess?: InProcessFigures;
  startup?: { readyMs: number; rssAfterStartMiB: number; meiliReindexSeconds?: number };
  rssAfterLoadMiB?: number;
  /** The API's memory after start and after each group of scenarios. */
  memory?: MemorySample[];
  /** The API started again on the same data after the loads (in-process search: from its index snapshot, when there is one). */
  restart?: { readyMs: number; rssAfterStartMiB: number };
  httpCeiling?: MeasuredLoad;
  frameworkFloor?: MeasuredLoad;
  /** searchModules at a fixed offered rate, Poisson arrivals (open loop). */
  openLoop?: OpenLoopFigures;
  /** The search load from autocannon… */
  search?: MeasuredLoad;
  /** …and from the plain closed-loop client (node:http keep-alive workers), right after it. */
  searchPlain?: MeasuredLoad;
  /** The realistic query log (Zipf popularity) at the load's concurrency. */
  queryLog?: QueryLogFigures;
  syncLag?: SyncLagFigures;
  enrol?: EnrolFigures;
  pgbench?: PgbenchFigures;
  invariants?: InvariantFigures;
  import?: ImportFigures;
  /** Scenario name → why it failed. */
  errors: Record<string, string>;
  /** Scenario name → why it did not run. */
  skipped: Record<string, string>;
  /** Observations made during the run (e.g. the API still busy when a load started). */
  notes: string[];
}

export type { LoadFigures };
