import { createCurator, registerContributor } from '../factories/accounts';
import { ADMIN_ENV } from '../factories/learning';
import { publishedModule } from '../factories/modules';
import { pollUntil } from '../support/poll';
import { startTestApp, TEST_METRICS_TOKEN, TestApp } from '../support/test-app';

/** Samples of a Prometheus text exposition: `name{labels}` → value. */
function parse(text: string): Map<string, number> {
  const samples = new Map<string, number>();
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const cut = line.lastIndexOf(' ');
    samples.set(line.slice(0, cut), Number(line.slice(cut + 1)));
  }
  return samples;
}

const SEARCH = 'query Search($input: SearchModulesInput!) { searchModules(input: $input) { totalHits } }';
const LOGIN = 'mutation Login($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken } }';

describe('GET /metrics', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(ADMIN_ENV);
  });
  afterAll(() => t.close());

  const scrape = async () => {
    const response = await fetch(`${t.baseUrl}/metrics`, { headers: { authorization: `Bearer ${TEST_METRICS_TOKEN}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    return parse(await response.text());
  };
  const value = (samples: Map<string, number>, key: string) => samples.get(key) ?? 0;

  it('refuses a scrape without the token, or with a wrong one, when METRICS_TOKEN is set', async () => {
    for (const headers of <Record<string, string>[]>[{}, { authorization: 'Bearer wrong-token-0123456789' }, { authorization: TEST_METRICS_TOKEN }, { authorization: `Bearer ${TEST_METRICS_TOKEN}x` }]) {
      const response = await fetch(`${t.baseUrl}/metrics`, { headers });
      expect(response.status).toBe(401);
      expect(await response.text()).not.toContain('dm_');
    }
  });

  it('exposes the named series, and they move with searches, failures and jobs', async () => {
    // A parked row (due in an hour, queued a minute ago) and a given-up one: the outbox gauges must show both.
    await t.db.query(`INSERT INTO outbox_events (job, payload, created_at, available_at) VALUES ('reconcile-index', '{}', now() - interval '60 seconds', now() + interval '1 hour')`);
    await t.db.query(`INSERT INTO outbox_events (job, payload, failed_at, attempts, last_error) VALUES ('reconcile-index', '{}', now(), 8, 'test')`);
    const before = await scrape();
    const owner = await registerContributor(t);
    const curator = await createCurator(t);
    const module = await publishedModule(t, owner.token, curator.token);
    await pollUntil(async () => {
      const [{ pending }] = await t.db.query(`SELECT count(*)::int AS pending FROM outbox_events WHERE done_at IS NULL AND failed_at IS NULL AND job = 'sync-module' AND payload->>'moduleId' = $1`, [module.id]);
      return pending === 0 ? true : undefined;
    }, 10_000, 'the sync job to run');
    expect((await t.gql(SEARCH, { input: { query: 'pemasaran' } })).errors).toBeUndefined();
    expect((await t.gql(LOGIN, { email: 'nobody@example.id', password: 'wrong-password-1' })).errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    const after = await scrape();

    const moved = (key: string) => expect(value(after, key)).toBeGreaterThan(value(before, key));
    moved('dm_graphql_requests_total{operation="Search",outcome="ok"}');
    moved('dm_graphql_request_duration_seconds_count{operation="Search"}');
    moved('dm_graphql_requests_total{operation="Login",outcome="error"}');
    moved('dm_graphql_errors_total{code="UNAUTHENTICATED"}');
    moved('dm_search_duration_seconds_count{engine="in-process"}');
    moved('dm_process_cpu_user_seconds_total');
    // Operations without a name share one label.
    moved('dm_graphql_requests_total{operation="(anonymous)",outcome="ok"}');

    expect(value(after, 'dm_outbox_pending_jobs')).toBeGreaterThanOrEqual(1);
    expect(value(after, 'dm_outbox_oldest_pending_age_seconds')).toBeGreaterThanOrEqual(60);
    expect(value(after, 'dm_outbox_given_up_jobs')).toBeGreaterThanOrEqual(1);
    expect(value(after, 'dm_db_pool_connections{state="total"}')).toBeGreaterThanOrEqual(1);
    expect(after.has('dm_db_pool_connections{state="in_use"}')).toBe(true);
    expect(after.has('dm_db_pool_waiting_requests')).toBe(true);
    expect(after.has('dm_nodejs_eventloop_lag_seconds')).toBe(true);
    if (process.env.REDIS_URL) {
      for (const queue of ['search-sync', 'module-imports', 'notifications']) expect(after.has(`dm_queue_jobs{queue="${queue}",state="waiting"}`)).toBe(true);
    } else {
      expect([...after.keys()].some((key) => key.startsWith('dm_queue_jobs'))).toBe(false);
    }
    await t.db.query(`DELETE FROM outbox_events WHERE job = 'reconcile-index' AND (failed_at IS NOT NULL OR available_at > now())`);
    const cleared = await scrape();
    expect(value(cleared, 'dm_outbox_given_up_jobs')).toBe(value(after, 'dm_outbox_given_up_jobs') - 1);
  });

  it('caps distinct operation names: past the cap they share "(other)"', async () => {
    for (let i = 0; i < 105; i++) await t.gql(`query Random${i} { categories { slug } }`);
    const samples = await scrape();
    const named = [...samples.keys()].filter((key) => key.startsWith('dm_graphql_requests_total{'));
    expect(named.length).toBeLessThanOrEqual(100 + 2 * 3);
    expect(value(samples, 'dm_graphql_requests_total{operation="(other)",outcome="ok"}')).toBeGreaterThan(0);
  });

  it('is open without a token when METRICS_TOKEN is unset outside production, with a registry of its own per app', async () => {
    const open = await startTestApp({ METRICS_TOKEN: '' }, t);
    try {
      await open.gql('query OnlyHere { categories { slug } }');
      const response = await fetch(`${open.baseUrl}/metrics`);
      expect(response.status).toBe(200);
      const samples = parse(await response.text());
      expect(value(samples, 'dm_graphql_requests_total{operation="OnlyHere",outcome="ok"}')).toBe(1);
      expect(samples.has('dm_graphql_requests_total{operation="Search",outcome="ok"}')).toBe(false);
    } finally {
      await open.close();
    }
  });
});
