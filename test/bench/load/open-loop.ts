import type { Socket } from 'node:net';
import { seededRandom } from '../search/synthetic-corpus';
import { summarizeLatencies } from '../support/stats';
import { failureOf, keepAliveAgent, postJson } from './http-sender';
import type { OpenLoopFigures, OpenLoopSpec } from './load-protocol';
import { poissonSchedule } from './poisson-schedule';
import type { RequestCursor } from './request-cursor';

const TIMEOUT_MS = 30_000;
/** A request sent this long after its scheduled time counts as late. */
export const LATE_MS = 5;
/** The schedule starts a little after it is made, so the first arrivals are not late already. */
const LEAD_MS = 20;

/**
 * An open-loop run: arrivals at Poisson times at a fixed offered rate, each
 * sent at its time on a keep-alive connection of its own (from a pool),
 * whether or not earlier requests were answered. Latency runs from the
 * scheduled time, so a server that falls behind is seen as such rather than
 * slowing the client down (no coordinated omission).
 */
export async function runOpenLoop(spec: OpenLoopSpec, cursor: RequestCursor, onWindow: () => void): Promise<OpenLoopFigures> {
  const schedule = poissonSchedule(spec.ratePerSecond, spec.warmupSeconds + spec.seconds, seededRandom(spec.seed));
  const windowStartMs = spec.warmupSeconds * 1000;
  const firstMeasuredArrival = schedule.findIndex((at) => at >= windowStartMs);
  const measuredFrom = firstMeasuredArrival < 0 ? schedule.length : firstMeasuredArrival;
  const agent = keepAliveAgent(spec.maxConnections);
  const sockets = new WeakSet<Socket>();
  let connections = 0;
  const url = new URL(spec.url);
  const latencies: number[] = [];
  let late = 0;
  let maxSendLagMs = 0;
  let failures = 0;
  let firstFailure: string | undefined;
  let firstMeasured = -1;
  let windowBegun = false;
  let windowStartedAt = 0;
  let lastAnswerAt = 0;
  let answeredInWindow = 0;
  const pending: Promise<void>[] = [];
  const origin = performance.now() + LEAD_MS;

  const send = (index: number) => {
    const scheduledAt = origin + schedule[index];
    const measured = index >= measuredFrom;
    if (measured && firstMeasured < 0) firstMeasured = cursor.index;
    const { body, headers } = cursor.next();
    const onSocket = (socket: Socket) => {
      if (!sockets.has(socket)) {
        sockets.add(socket);
        connections += 1;
      }
      const lag = performance.now() - scheduledAt;
      if (!measured) return;
      maxSendLagMs = Math.max(maxSendLagMs, lag);
      if (lag >= LATE_MS) late += 1;
    };
    pending.push(
      postJson(agent, url, body, headers, TIMEOUT_MS, onSocket).then(
        (response) => {
          if (windowBegun) answeredInWindow += 1;
          if (!measured) return;
          lastAnswerAt = performance.now();
          latencies.push(lastAnswerAt - scheduledAt);
          const failure = failureOf(response, spec.graphql);
          if (failure) {
            failures += 1;
            firstFailure ??= failure;
          }
        },
        (error: unknown) => {
          if (windowBegun) answeredInWindow += 1;
          if (!measured) return;
          lastAnswerAt = performance.now();
          latencies.push(lastAnswerAt - scheduledAt);
          failures += 1;
          firstFailure ??= error instanceof Error ? error.message : String(error);
        },
      ),
    );
  };
  await new Promise<void>((resolve) => {
    let next = 0;
    const tick = () => {
      const now = performance.now() - origin;
      if (!windowBegun && now >= windowStartMs) {
        windowBegun = true;
        windowStartedAt = performance.now();
        onWindow();
      }
      while (next < schedule.length && schedule[next] <= now) send(next++);
      if (next >= schedule.length) resolve();
      else setTimeout(tick, Math.max(0, Math.min(schedule[next], windowBegun ? Infinity : windowStartMs) - now));
    };
    setTimeout(tick, LEAD_MS);
  });
  await Promise.all(pending);
  agent.destroy();
  const scheduled = schedule.length - measuredFrom;
  return {
    ratePerSecond: spec.ratePerSecond,
    seconds: spec.seconds,
    scheduled,
    throughput: lastAnswerAt > windowStartedAt ? (latencies.length - failures) / ((lastAnswerAt - windowStartedAt) / 1000) : 0,
    latency: summarizeLatencies(latencies),
    late,
    maxSendLagMs,
    failures,
    firstFailure,
    connections,
    answeredInWindow,
    firstMeasured: firstMeasured < 0 ? cursor.index : firstMeasured,
  };
}
