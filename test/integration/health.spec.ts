import { HealthService } from '../../src/health/health.service';
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
});
