import { summarizeLatencies } from '../support/stats';
import { failureOf, keepAliveAgent, postJson } from './http-sender';
import type { LoadFigures, LoadSpec } from './load-protocol';
import type { RequestCursor } from './request-cursor';

const TIMEOUT_MS = 30_000;

/**
 * The plain closed-loop client: `connections` workers, each with a keep-alive
 * connection of its own, each sending its next request when its last is
 * answered. Nothing but node:http, to check the tails autocannon reports.
 */
export async function runPlainClosedLoop(spec: LoadSpec, cursor: RequestCursor, hooks: { onStarted(): void; stopped(): boolean }): Promise<LoadFigures> {
  const agent = keepAliveAgent(spec.connections);
  const url = new URL(spec.url);
  const latencies: number[] = [];
  let sent = 0;
  let failures = 0;
  let firstFailure: string | undefined;
  const started = performance.now();
  // As with autocannon, an amount of requests replaces the duration.
  const deadline = spec.amount === undefined ? started + spec.durationSeconds * 1000 : Infinity;
  const more = () => !hooks.stopped() && (spec.amount === undefined ? performance.now() < deadline : sent < spec.amount);
  const worker = async () => {
    while (more()) {
      const { body, headers } = cursor.next();
      sent += 1;
      const at = performance.now();
      try {
        const failure = failureOf(await postJson(agent, url, body, headers, TIMEOUT_MS), spec.graphql);
        if (failure) {
          failures += 1;
          firstFailure ??= failure;
        }
      } catch (error) {
        failures += 1;
        firstFailure ??= error instanceof Error ? error.message : String(error);
      }
      if (latencies.length === 0) hooks.onStarted();
      latencies.push(performance.now() - at);
    }
  };
  try {
    await Promise.all(Array.from({ length: spec.connections }, worker));
  } finally {
    agent.destroy();
  }
  const seconds = (performance.now() - started) / 1000;
  return {
    requests: latencies.length,
    seconds,
    throughput: (latencies.length - failures) / seconds,
    latency: summarizeLatencies(latencies),
    failures,
    wraps: cursor.wraps,
    firstFailure,
  };
}
