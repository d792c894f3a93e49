import type { LatencySummary } from '../support/stats';

/**
 * The requests of a load run, as a product: request k sends
 * headerSets[k mod H] with bodies[(k mod H + ⌊k / H⌋) mod B] (H = 1 without
 * header sets). Every (header set, body) pair is sent once before any repeats,
 * and consecutive requests use different bodies (e.g. different modules).
 */
export interface RequestList {
  bodies: string[];
  /** Extra headers per request, e.g. one bearer token per user. */
  headerSets?: Record<string, string>[];
}

/** What the parent asks the load runner (a separate process) to do. */
export interface LoadSpec {
  url: string;
  method: 'GET' | 'POST';
  connections: number;
  /** Seconds; the run also ends early on a `stop` message. */
  durationSeconds: number;
  /** JSON file holding a RequestList; requests are taken in order by all connections together, wrapping around. */
  requestsFile: string;
  /** Count 200 responses whose body holds a GraphQL "errors" member as failures. */
  graphql: boolean;
}

export interface LoadFigures {
  requests: number;
  seconds: number;
  /** Successful responses per second. */
  throughput: number;
  /** Milliseconds, over every response of the run. */
  latency: LatencySummary;
  /** Non-2xx responses, socket errors, timeouts and GraphQL errors. */
  failures: number;
  /** How many times every request of the list had been sent and the list started again. */
  wraps: number;
  /** The first failing response body, if any, to explain failures. */
  firstFailure?: string;
  /** CPU time (user + system) the loaded server process used per response; set by the parent. */
  serverCpuMsPerRequest?: number;
}

export type ParentMessage = { type: 'run'; spec: LoadSpec } | { type: 'stop' } | { type: 'exit' };
export type RunnerMessage =
  | { type: 'ready' }
  /** The first response of a run has arrived: the load is on. */
  | { type: 'started' }
  | { type: 'result'; figures: LoadFigures }
  | { type: 'error'; message: string };
