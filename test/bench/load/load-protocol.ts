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
  /** autocannon (default), or the plain closed-loop client: one node:http keep-alive connection per worker. */
  client?: 'autocannon' | 'plain';
  /** Ends the run after this many requests (durationSeconds is then ignored). */
  amount?: number;
}

/** An open-loop run: requests sent at Poisson arrival times, whatever the answers. */
export interface OpenLoopSpec {
  url: string;
  requestsFile: string;
  graphql: boolean;
  ratePerSecond: number;
  /** Arrivals of the first seconds are sent but not measured. */
  warmupSeconds: number;
  seconds: number;
  seed: number;
  /** Keep-alive connections at most; a request finding none free waits (and is counted late). */
  maxConnections: number;
}

export interface OpenLoopFigures {
  ratePerSecond: number;
  seconds: number;
  /** Measured requests scheduled (the warm-up's excluded). */
  scheduled: number;
  /** Measured requests answered successfully per second, from the window's start to the last answer (below the rate when the server fell behind). */
  throughput: number;
  /** From each request's scheduled send time to the end of its response (coordinated omission not hidden). */
  latency: LatencySummary;
  /** Requests sent 5 ms or more after their scheduled time (no free connection, or the generator fell behind). */
  late: number;
  maxSendLagMs: number;
  failures: number;
  firstFailure?: string;
  /** Connections opened over the whole run. */
  connections: number;
  /** Responses (warm-up stragglers included) that arrived after the measured window began: what the server's CPU over the window was spent on. */
  answeredInWindow: number;
  /** Set by the parent: CPU time of the loaded server from the window's start to the last answer, per answer in that time. */
  serverCpuMsPerRequest?: number;
  /** Positions in the request list of the measured requests: [first, first + scheduled). */
  firstMeasured: number;
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

export type ParentMessage = { type: 'run'; spec: LoadSpec } | { type: 'openLoop'; spec: OpenLoopSpec } | { type: 'stop' } | { type: 'exit' };
export type RunnerMessage =
  | { type: 'ready' }
  /** The first response of a run has arrived: the load is on. */
  | { type: 'started' }
  | { type: 'result'; figures: LoadFigures }
  /** An open-loop run's measured window begins now. */
  | { type: 'window' }
  | { type: 'openLoopResult'; figures: OpenLoopFigures }
  | { type: 'error'; message: string };
