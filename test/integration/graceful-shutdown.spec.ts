import { randomBytes } from 'node:crypto';
import { connect } from 'node:net';
import { constants } from 'node:os';
import { Client } from 'pg';
import { createCurator, registerContributor } from '../factories/accounts';
import { ADMIN_ENV } from '../factories/learning';
import { createModule, REVIEW_MODULE, SUBMIT_MODULE } from '../factories/modules';
import { ChildApp, startChild } from '../support/child-app';
import { assertInvariants } from '../support/invariants';
import { pollUntil } from '../support/poll';
import { startTestApp, TestApp } from '../support/test-app';
import { provisionTestDatabase, TestDatabase } from '../support/test-databases';

const GRACE_SECONDS = 20;

/** Resolves once a new TCP connection to the API is refused (its listener closed). */
function connectionRefused(baseUrl: string): Promise<true | undefined> {
  const { port } = new URL(baseUrl);
  return new Promise((resolve) => {
    const socket = connect(Number(port), '127.0.0.1');
    socket.once('connect', () => (socket.destroy(), resolve(undefined)));
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code === 'ECONNREFUSED' ? true : undefined));
  });
}

async function submittedModules(api: ChildApp, ownerToken: string, count: number): Promise<{ id: string; version: number }[]> {
  const modules = [];
  for (let i = 0; i < count; i++) {
    const created = await createModule(api.client, ownerToken);
    const submitted = await api.client.gql(SUBMIT_MODULE, { id: created.id }, ownerToken);
    modules.push({ id: created.id, version: submitted.data!.submitModule.version as number });
  }
  return modules;
}

/** The API as its own process (src/main.ts), signalled like a deployment would; both database modes, with Redis when the run has it. */
describe('SIGTERM under load (the API in a child process)', () => {
  let database: TestDatabase;
  const queuePrefix = `test-${randomBytes(4).toString('hex')}`;
  const env = () => ({ DATABASE_URL: database.url, REDIS_URL: process.env.REDIS_URL, QUEUE_PREFIX: queuePrefix, SHUTDOWN_GRACE_SECONDS: String(GRACE_SECONDS), ...ADMIN_ENV });
  beforeAll(async () => {
    database = await provisionTestDatabase();
  });
  afterAll(() => database.drop());

  it('answers the requests under way, refuses new connections, leaves no job half-done and exits 0 within the grace period', async () => {
    const api = await startChild('src/main.ts', env());
    let restarted: TestApp | undefined;
    try {
      const owner = await registerContributor(api.client);
      const curator = await createCurator(api.client);
      const modules = await submittedModules(api, owner.token, 6);

      // Approvals under way (each queues a search sync and a notification), held by a lock so they are surely in the API when the signal comes.
      const locker = new Client({ connectionString: database.url });
      await locker.connect();
      await locker.query('BEGIN');
      await locker.query(`SELECT 1 FROM modules WHERE id = ANY($1) FOR UPDATE`, [modules.map((module) => module.id)]);
      const requests = modules.map((module) => api.client.gql(REVIEW_MODULE, { input: { moduleId: module.id, expectedVersion: module.version, decision: 'APPROVE' } }, curator.token));
      await pollUntil(() => requestsWaiting(api, locker, modules.length), 10_000, 'the approvals to wait in the API');
      const signalled = Date.now();
      api.kill('SIGTERM');
      await pollUntil(() => connectionRefused(api.baseUrl), 10_000, 'the listener to close');
      await locker.query('ROLLBACK');
      await locker.end();

      const responses = await Promise.all(requests);
      expect(responses.map((response) => [response.status, response.errors])).toEqual(requests.map(() => [200, undefined]));
      const { code } = await api.exited;
      expect(code).toBe(0);
      expect(Date.now() - signalled).toBeLessThan(GRACE_SECONDS * 1000);

      // Nothing half-done: no row is still claimed; what was not handed over waits for the next start.
      const [{ claimed }] = await withDatabase(database.url, (client) => client.query(`SELECT count(*)::int AS claimed FROM outbox_events WHERE claim_token IS NOT NULL AND done_at IS NULL`).then((r) => r.rows));
      expect(claimed).toBe(0);
      restarted = await startTestApp({ ...ADMIN_ENV, QUEUE_PREFIX: queuePrefix }, { databaseUrl: database.url } as TestApp);
      await assertInvariants(restarted, { timeoutMs: 60_000 });
      const approvals: { n: number }[] = await restarted.db.query(
        `SELECT count(*)::int AS n FROM notifications, unnest(module_ids) AS m WHERE kind = 'MODULE_APPROVED' AND m = ANY($1) GROUP BY m`,
        [modules.map((module) => module.id)],
      );
      expect(approvals.map((row) => row.n)).toEqual(modules.map(() => 1));
    } finally {
      api.kill('SIGKILL');
      await restarted?.close();
    }
  }, 180_000);

  it('exits at once on a second signal, whatever is still under way', async () => {
    const api = await startChild('src/main.ts', env());
    const locker = new Client({ connectionString: database.url });
    try {
      const owner = await registerContributor(api.client);
      const curator = await createCurator(api.client);
      const [module] = await submittedModules(api, owner.token, 1);
      // A review that cannot finish: its module row is locked (on PGlite, every other transaction waits for this one).
      await locker.connect();
      await locker.query('BEGIN');
      await locker.query(`SELECT 1 FROM modules WHERE id = $1 FOR UPDATE`, [module.id]);
      const stuck = api.client.gql(REVIEW_MODULE, { input: { moduleId: module.id, expectedVersion: module.version, decision: 'APPROVE' } }, curator.token).then(
        () => 'answered',
        (error: Error) => error.message,
      );
      api.kill('SIGTERM');
      await pollUntil(() => connectionRefused(api.baseUrl), 10_000, 'the listener to close');
      api.kill('SIGTERM');
      const { code } = await api.exited;
      expect(code).toBe(128 + constants.signals.SIGTERM);
      // Killed with its request unanswered: the connection dropped.
      expect(await stuck).toBe('fetch failed');
    } finally {
      api.kill('SIGKILL');
      await locker.query('ROLLBACK').catch(() => undefined);
      await locker.end().catch(() => undefined);
    }
  }, 180_000);
});

/**
 * Whether `count` requests are held in the API: waiting on the locker's row
 * locks (PostgreSQL), or, on PGlite (one transaction at a time, one pooled
 * connection), one waiting for its transaction and the rest for the pool.
 */
async function requestsWaiting(api: ChildApp, locker: Client, count: number): Promise<true | undefined> {
  if (process.env.DATABASE_URL) {
    // Inside the locker's transaction, pg_stat_activity is a snapshot until cleared.
    await locker.query(`SELECT pg_stat_clear_snapshot()`);
    const { rows } = await locker.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`);
    return rows[0].n >= count ? true : undefined;
  }
  const health = (await (await fetch(`${api.baseUrl}/health`)).json()) as { pool: { waiting: number } };
  return health.pool.waiting >= count - 1 ? true : undefined;
}

async function withDatabase<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
