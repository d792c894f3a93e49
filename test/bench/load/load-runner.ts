/**
 * The load generator: a child process of the bench, so that generating load
 * does not share the event loop of anything it measures. When the parent
 * sends a spec it runs autocannon, the plain closed-loop client or the
 * open-loop generator and answers with the figures.
 */
import { summarizeLatencies } from '../support/stats';
import type { LoadFigures, LoadSpec, ParentMessage, RunnerMessage } from './load-protocol';
import { runOpenLoop } from './open-loop';
import { runPlainClosedLoop } from './plain-closed-loop';
import { RequestCursors, type RequestCursor } from './request-cursor';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const autocannon = require('autocannon') as (options: Record<string, unknown>) => AutocannonInstance;

interface AutocannonInstance {
  on(event: 'response', listener: (client: unknown, status: number, bytes: number, ms: number) => void): void;
  on(event: 'done', listener: (result: { errors: number; timeouts: number; non2xx: number; mismatches: number }) => void): void;
  stop(): void;
}

const send = (message: RunnerMessage) => process.send!(message);
const cursors = new RequestCursors();
let current: AutocannonInstance | undefined;
let stopRequested = false;

function run(spec: LoadSpec): Promise<LoadFigures> {
  const cursor = cursors.open(spec.requestsFile);
  stopRequested = false;
  if (spec.client === 'plain') return runPlainClosedLoop(spec, cursor, { onStarted: () => send({ type: 'started' }), stopped: () => stopRequested });
  return runAutocannon(spec, cursor);
}

function runAutocannon(spec: LoadSpec, cursor: RequestCursor): Promise<LoadFigures> {
  const latencies: number[] = [];
  let ok = 0;
  let graphqlErrors = 0;
  let firstFailure: string | undefined;
  const started = performance.now();
  return new Promise((resolve) => {
    const instance = autocannon({
      url: spec.url,
      method: spec.method,
      connections: spec.connections,
      duration: spec.durationSeconds,
      ...(spec.amount === undefined ? {} : { amount: spec.amount }),
      timeout: 30,
      headers: { 'content-type': 'application/json' },
      requests: [
        {
          setupRequest(request: { body?: string; headers: Record<string, string> }) {
            const { body, headers } = cursor.next();
            return { ...request, body, headers: { ...request.headers, ...headers } };
          },
        },
      ],
      verifyBody(body: string) {
        if (!spec.graphql || !body.includes('"errors"')) return true;
        graphqlErrors += 1;
        firstFailure ??= body.slice(0, 500);
        return false;
      },
    });
    current = instance;
    instance.on('response', (_client, status, _bytes, ms) => {
      if (latencies.length === 0) send({ type: 'started' });
      latencies.push(ms);
      if (status >= 200 && status < 300) ok += 1;
      else firstFailure ??= `HTTP ${status}`;
    });
    instance.on('done', (result) => {
      current = undefined;
      const seconds = (performance.now() - started) / 1000;
      const good = ok - graphqlErrors;
      resolve({
        requests: latencies.length,
        seconds,
        throughput: good / seconds,
        latency: summarizeLatencies(latencies),
        failures: result.non2xx + result.errors + result.timeouts + graphqlErrors,
        wraps: cursor.wraps,
        firstFailure,
      });
    });
  });
}

process.on('message', (message: ParentMessage) => {
  if (message.type === 'run') {
    run(message.spec).then(
      (figures) => send({ type: 'result', figures }),
      (error: unknown) => send({ type: 'error', message: error instanceof Error ? error.message : String(error) }),
    );
  } else if (message.type === 'openLoop') {
    runOpenLoop(message.spec, cursors.open(message.spec.requestsFile), () => send({ type: 'window' })).then(
      (figures) => send({ type: 'openLoopResult', figures }),
      (error: unknown) => send({ type: 'error', message: error instanceof Error ? error.message : String(error) }),
    );
  } else if (message.type === 'stop') {
    stopRequested = true;
    current?.stop();
  } else {
    process.exit(0);
  }
});
process.on('disconnect', () => process.exit(0));
send({ type: 'ready' });
