import { summarizeLatencies, type LatencySummary } from '../bench/support/stats';

/** One answered (or failed) request of the load. */
export interface Outcome {
  op: string;
  /** Milliseconds since the load started, when the request was sent. */
  at: number;
  ms: number;
  /** The GraphQL error code, `HTTP <status>`, `TIMEOUT` or `NETWORK`; undefined on success. */
  code?: string;
  /** What the failure said (kept for the first failure of each operation and code). */
  message?: string;
}

export interface OpFigures {
  requests: number;
  ok: number;
  throughput: number;
  latency: LatencySummary;
  errors: Record<string, number>;
}

/** A window of the run (before, during and after a fault), with its figures per operation. */
export interface PhaseFigures {
  name: string;
  fromSeconds: number;
  toSeconds: number;
  total: OpFigures;
  byOp: Record<string, OpFigures>;
}

/** Collects every request's outcome; figures are computed once the load is over. */
export class Recorder {
  readonly outcomes: Outcome[] = [];
  /** Answers that broke a rule the client can see (e.g. a repeated enroll returned another enrollment). */
  readonly anomalies: string[] = [];
  /** The first failure of each operation and code, to explain the counts. */
  readonly firstFailures: Record<string, string> = {};

  record({ message, ...outcome }: Outcome): void {
    this.outcomes.push(outcome);
    if (outcome.code) this.firstFailures[`${outcome.op} ${outcome.code}`] ??= `at ${(outcome.at / 1000).toFixed(1)} s: ${message ?? ''}`;
  }

  anomaly(message: string): void {
    if (this.anomalies.length < 100) this.anomalies.push(message);
  }

  /** Requests sent in [fromMs, toMs); the rate is over the time until the last of them was answered (at least toMs). */
  phase(name: string, fromMs: number, toMs: number): PhaseFigures {
    const inside = this.outcomes.filter((outcome) => outcome.at >= fromMs && outcome.at < toMs);
    const answeredMs = Math.max(toMs, ...inside.map((outcome) => outcome.at + outcome.ms));
    const seconds = Math.max(0.001, (answeredMs - fromMs) / 1000);
    const byOp: Record<string, OpFigures> = {};
    for (const op of [...new Set(inside.map((outcome) => outcome.op))].sort()) byOp[op] = figures(inside.filter((outcome) => outcome.op === op), seconds);
    return { name, fromSeconds: fromMs / 1000, toSeconds: toMs / 1000, total: figures(inside, seconds), byOp };
  }
}

function figures(outcomes: Outcome[], seconds: number): OpFigures {
  const errors: Record<string, number> = {};
  for (const outcome of outcomes) if (outcome.code) errors[outcome.code] = (errors[outcome.code] ?? 0) + 1;
  const ok = outcomes.filter((outcome) => !outcome.code).length;
  return { requests: outcomes.length, ok, throughput: ok / seconds, latency: summarizeLatencies(outcomes.map((outcome) => outcome.ms)), errors };
}
