import { HealthService } from '../../src/health/health.service';
import { pollUntil } from '../support/poll';
import { TcpProxy } from '../support/tcp-proxy';
import { startTestApp, TestApp } from '../support/test-app';

describe('GET /health', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const health = async () => {
    const response = await fetch(`${t.baseUrl}/health`);
    return { status: response.status, body: (await response.json()) as { status: string; checks: Record<string, { status: string }>; pool: { size: number; idle: number; waiting: number } } };
  };

  it('answers 200 with the state of each dependency once ready', async () => {
    const { status, body } = await health();
    expect(status).toBe(200);
    expect(body.status).toBe('ok');
    expect(body.checks.database.status).toBe('up');
    expect(body.checks.search.status).toBe('up');
    if (process.env.REDIS_URL) expect(body.checks.redis.status).toBe('up');
  });

  it("reports the database pool: its connections and the requests waiting for one", async () => {
    const { body } = await health();
    // The health check's own query has just used a connection, so the pool holds at least one; the relay may hold it now.
    expect(body.pool.size).toBeGreaterThanOrEqual(1);
    expect(body.pool.idle).toBeGreaterThanOrEqual(0);
    expect(body.pool.idle).toBeLessThanOrEqual(body.pool.size);
    expect(Number.isInteger(body.pool.waiting) && body.pool.waiting >= 0).toBe(true);
  });

  const status = (path: string, app = t) => fetch(`${app.baseUrl}${path}`).then(async (response) => ({ status: response.status, body: (await response.json()) as Record<string, unknown> }));

  it('answers /health/live and /health/ready with 200 once migrated and connected', async () => {
    expect(await status('/health/live')).toEqual({ status: 200, body: { status: 'ok' } });
    expect(await status('/health/ready')).toEqual({ status: 200, body: { ready: true, database: 'up', migrations: 'applied' } });
  });

  it('answers 503 while a required dependency is down, 200 when only an optional one is', async () => {
    const service = t.app.get(HealthService);
    service.register({ name: 'optional-probe', required: false, isUp: async () => false });
    expect((await health()).status).toBe(200);
    service.register({ name: 'required-probe', required: true, isUp: () => Promise.reject(new Error('down')) });
    const { status, body } = await health();
    expect(status).toBe(503);
    expect(body.status).toBe('unavailable');
    expect(body.checks['required-probe'].status).toBe('down');
  });

  it('is not ready while the database is unreachable, yet still live; ready again once it is back', async () => {
    // A second process of the same service, reaching the database through a proxy the test can cut.
    const database = new URL(t.databaseUrl);
    const proxy = new TcpProxy(database.hostname, Number(database.port || 5432));
    await proxy.open();
    const proxied = new URL(t.databaseUrl);
    proxied.hostname = '127.0.0.1';
    proxied.port = String(proxy.port);
    const second = await startTestApp({ DATABASE_URL: proxied.toString() }, t);
    try {
      expect((await status('/health/ready', second)).status).toBe(200);
      await proxy.cut();
      expect(await status('/health/ready', second)).toEqual({ status: 503, body: { ready: false, database: 'down', migrations: 'applied' } });
      expect((await status('/health/live', second)).status).toBe(200);
      // /health keeps its rule and its answer.
      expect((await status('/health', second)).status).toBe(503);
      await proxy.open();
      await pollUntil(async () => ((await status('/health/ready', second)).status === 200 ? true : undefined), 10_000, 'readiness to come back');
    } finally {
      await second.close();
      await proxy.close();
    }
  });
});
