import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seededRandom } from '../search/synthetic-corpus';
import { runOpenLoop } from './open-loop';
import { runPlainClosedLoop } from './plain-closed-loop';
import { poissonSchedule } from './poisson-schedule';
import { RequestCursors } from './request-cursor';

/** A GraphQL-like server: bodies holding "fail" get an errors member; it remembers every body and connection. */
function fakeApi(): Promise<{ server: Server; url: string; bodies: string[]; connections: () => number }> {
  const bodies: string[] = [];
  let connections = 0;
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      bodies.push(body);
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(body.includes('fail') ? '{"errors":[{"message":"no"}]}' : '{"data":{}}');
    });
  });
  server.on('connection', () => (connections += 1));
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`, bodies, connections: () => connections })),
  );
}

describe('the load clients', () => {
  let dir: string;
  let file: string;
  const bodies = Array.from({ length: 400 }, (_, i) => JSON.stringify({ query: i % 10 === 3 ? `fail ${i}` : `ok ${i}` }));

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'bench-clients-'));
    file = join(dir, 'requests.json');
    writeFileSync(file, JSON.stringify({ bodies }));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('open loop: sends every scheduled arrival once, in list order, and measures the window after the warm-up', async () => {
    const api = await fakeApi();
    try {
      const spec = { url: api.url, requestsFile: file, graphql: true, ratePerSecond: 400, warmupSeconds: 0.2, seconds: 0.5, seed: 3, maxConnections: 50 };
      const schedule = poissonSchedule(spec.ratePerSecond, spec.warmupSeconds + spec.seconds, seededRandom(spec.seed));
      const warmup = schedule.filter((at) => at < spec.warmupSeconds * 1000).length;
      let windows = 0;
      const figures = await runOpenLoop(spec, new RequestCursors().open(file), () => (windows += 1));
      expect(windows).toBe(1);
      expect(api.bodies.sort()).toEqual(bodies.slice(0, schedule.length).sort());
      expect(figures.firstMeasured).toBe(warmup);
      expect(figures.scheduled).toBe(schedule.length - warmup);
      expect(figures.latency.count).toBe(figures.scheduled);
      const failing = bodies.slice(warmup, schedule.length).filter((body) => body.includes('fail')).length;
      expect(figures.failures).toBe(failing);
      expect(figures.firstFailure).toContain('errors');
      expect(figures.connections).toBeLessThanOrEqual(50);
    } finally {
      api.server.close();
    }
  });

  it('plain closed loop: an amount sends exactly that many requests over at most one connection per worker, going on where the list was left', async () => {
    const api = await fakeApi();
    try {
      const cursors = new RequestCursors();
      cursors.open(file).next();
      const spec = { url: api.url, method: 'POST' as const, connections: 4, durationSeconds: 0, requestsFile: file, graphql: true, amount: 120 };
      let started = 0;
      const figures = await runPlainClosedLoop(spec, cursors.open(file), { onStarted: () => (started += 1), stopped: () => false });
      expect(started).toBe(1);
      expect(figures.requests).toBe(120);
      expect(api.bodies.sort()).toEqual(bodies.slice(1, 121).sort());
      expect(figures.failures).toBe(bodies.slice(1, 121).filter((body) => body.includes('fail')).length);
      expect(api.connections()).toBeLessThanOrEqual(4);
      expect(figures.latency.count).toBe(120);
    } finally {
      api.server.close();
    }
  });
});
