/**
 * The load generator: a child process of the bench, so that generating load
 * does not share the event loop of anything it measures. It runs autocannon
 * when the parent sends a LoadSpec and answers with the figures.
 */
import { readFileSync } from 'node:fs';
import { summarizeLatencies } from '../support/stats';
import type { LoadFigures, LoadSpec, ParentMessage, RequestList, RunnerMessage } from './load-protocol';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const autocannon = require('autocannon') as (options: Record<string, unknown>) => AutocannonInstance;

interface AutocannonInstance {
  on(event: 'response', listener: (client: unknown, status: number, bytes: number, ms: number) => void): void;
  on(event: 'done', listener: (result: { errors: number; timeouts: number; non2xx: number; mismatches: number }) => void): void;
  stop(): void;
}

const send = (message: RunnerMessage) => process.send!(message);
let current: AutocannonInstance | undefined;
/** Position in the request list; kept across runs, so consecutive rounds use fresh requests. */
let nextRequest = 0;
let wraps = 0;

function run(spec: LoadSpec): Promise<LoadFigures> {
  const list = JSON.parse(readFileSync(spec.requestsFile, 'utf8')) as RequestList;
  const headerSets = list.headerSets?.length ? list.headerSets : [{}];
  const total = headerSets.length * list.bodies.length;
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
      timeout: 30,
      headers: { 'content-type': 'application/json' },
      requests: [
        {
          setupRequest(request: { body?: string; headers: Record<string, string> }) {
            const k = nextRequest;
            nextRequest += 1;
            if (nextRequest >= total) {
              nextRequest = 0;
              wraps += 1;
            }
            const body = list.bodies[((k % headerSets.length) + Math.floor(k / headerSets.length)) % list.bodies.length];
            return { ...request, body, headers: { ...request.headers, ...headerSets[k % headerSets.length] } };
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
        wraps,
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
  } else if (message.type === 'stop') {
    current?.stop();
  } else {
    process.exit(0);
  }
});
process.on('disconnect', () => process.exit(0));
send({ type: 'ready' });
