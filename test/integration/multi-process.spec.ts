import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { MeilisearchTestDouble } from '../search/meilisearch-test-double';
import { createCurator, registerContributor, registerBeneficiary } from '../factories/accounts';
import { ADMIN_ENV, ENROLL, waitForNotification } from '../factories/learning';
import { CREATE_MODULE, moduleInput, REVIEW_MODULE, SUBMIT_MODULE } from '../factories/modules';
import { ChildApp, startChild } from '../support/child-app';
import { pollUntil } from '../support/poll';
import { provisionTestDatabase, TestDatabase } from '../support/test-databases';

jest.setTimeout(240_000);

const MODULE = `query($id: ID!) { module(id: $id) { id status title } }`;
const SEARCH = `query($q: String!) { searchModules(input: { query: $q }) { totalHits hits { module { id } } } }`;
const MY_ENROLLMENTS = `{ myEnrollments(first: 10) { totalCount nodes { id module { id } } } }`;
const LOGIN = `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }`;

/**
 * The deployment of docs/deploy.md in miniature: two API processes with
 * WORKERS=false and one `src/worker.ts`, sharing one PostgreSQL database and
 * one Redis (a prefix of its own). The worker and WORKERS=false refuse to
 * start without MEILI_URL, and the in-process index cannot be shared between
 * processes, so all three talk to the Meilisearch test double served over
 * HTTP from this test (a real engine is not on this machine).
 */
(process.env.DATABASE_URL && process.env.REDIS_URL ? describe : describe.skip)(
  'two API processes and one worker (PostgreSQL and Redis only: embedded PGlite is one process\'s database)',
  () => {
    let database: TestDatabase;
    let db: Client;
    let meili: MeilisearchTestDouble;
    const children: ChildApp[] = [];
    let apiA: ChildApp;
    let apiB: ChildApp;

    beforeAll(async () => {
      database = await provisionTestDatabase();
      db = new Client({ connectionString: database.url });
      await db.connect();
      // The version docs/deploy/compose.yaml pins (the minimum the API accepts).
      meili = new MeilisearchTestDouble({ version: '1.4.0' });
      const env = {
        DATABASE_URL: database.url,
        REDIS_URL: process.env.REDIS_URL,
        QUEUE_PREFIX: `multi-${randomBytes(4).toString('hex')}`,
        MEILI_URL: await meili.start(),
        // 0: a logout through one API is refused by the other at once (the default allows up to 30 s).
        SESSION_CACHE_TTL_MS: '0',
        ...ADMIN_ENV,
      };
      // Migrations and the admin account happen at start: the first API alone, then the rest.
      apiA = await startChild('src/main.ts', { ...env, WORKERS: 'false' });
      children.push(apiA);
      const started = await Promise.all([startChild('src/main.ts', { ...env, WORKERS: 'false' }), startChild('src/worker.ts', env, /Workers running/)]);
      apiB = started[0];
      children.push(...started);
    });

    afterAll(async () => {
      for (const child of children) child.kill('SIGTERM');
      await Promise.all(children.map((child) => child.exited));
      await db?.end();
      await meili?.stop();
      await database?.drop();
    });

    it('shows through B what was done through A, and runs each job once, in the worker', async () => {
      const curator = await createCurator(apiB.client);
      const owner = await registerContributor(apiA.client);
      const title = `Budidaya Maggot Lintas Proses ${randomBytes(3).toString('hex')}`;
      const created = await apiA.client.gql<any>(CREATE_MODULE, { input: moduleInput({ title }) }, owner.token);
      expect(created.errors).toBeUndefined();
      const moduleId: string = created.data!.createModule.id;
      const submitted = await apiA.client.gql<any>(SUBMIT_MODULE, { id: moduleId }, owner.token);
      expect(submitted.data!.submitModule.status).toBe('IN_REVIEW');

      const approved = await apiB.client.gql<any>(REVIEW_MODULE, { input: { moduleId, expectedVersion: submitted.data!.submitModule.version, decision: 'APPROVE' } }, curator.token);
      expect(approved.data!.reviewModule.status).toBe('PUBLISHED');
      expect((await apiA.client.gql<any>(MODULE, { id: moduleId })).data!.module.status).toBe('PUBLISHED');

      // Notifications are written by jobs; APIs with WORKERS=false run none, so this one came from the worker.
      const notice = await waitForNotification(apiA.client, owner.token, 'MODULE_APPROVED', 60_000);
      expect(notice.moduleIds).toEqual([moduleId]);

      // The index sync also ran in the worker: the published module is found through either API.
      for (const api of [apiA, apiB]) {
        await pollUntil(
          async () => ((await api.client.gql<any>(SEARCH, { q: title })).data?.searchModules.hits.some((hit: any) => hit.module.id === moduleId) ? true : undefined),
          60_000,
          'the published module in the shared search index',
        );
      }

      // An enrolment through B is seen through A.
      const learner = await registerBeneficiary(apiA.client);
      const enrolled = await apiB.client.gql<any>(ENROLL, { moduleId }, learner.token);
      expect(enrolled.errors).toBeUndefined();
      const seen = await apiA.client.gql<any>(MY_ENROLLMENTS, undefined, learner.token);
      expect(seen.data!.myEnrollments.nodes.map((node: any) => node.module.id)).toEqual([moduleId]);

      // Every outbox row handed over on its first claim (no failed attempt, none given up); one notification for the one decision.
      await pollUntil(
        async () => ((await db.query(`SELECT count(*)::int AS n FROM outbox_events WHERE done_at IS NULL`)).rows[0].n === 0 ? true : undefined),
        60_000,
        'the outbox to drain',
      );
      const outbox = await db.query(`SELECT count(*)::int AS rows, count(*) FILTER (WHERE attempts <> 0 OR failed_at IS NOT NULL)::int AS not_once FROM outbox_events`);
      expect(outbox.rows[0].rows).toBeGreaterThan(0);
      expect(outbox.rows[0].not_once).toBe(0);
      const notifications = await db.query(`SELECT kind, count(*)::int AS n FROM notifications WHERE user_id = $1 GROUP BY kind`, [owner.id]);
      expect(notifications.rows).toEqual([{ kind: 'MODULE_APPROVED', n: 1 }]);
    });

    it('ends a session everywhere: a token logged out through A is refused by B', async () => {
      const learner = await registerBeneficiary(apiA.client);
      const me = `{ me { id } }`;
      expect((await apiB.client.gql<any>(me, undefined, learner.token)).data!.me.id).toBe(learner.id);
      const out = await apiA.client.gql<any>(`mutation { logout }`, undefined, learner.token);
      expect(out.data!.logout).toBe(true);
      const after = await apiB.client.gql<any>(me, undefined, learner.token);
      expect(after.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    });

    it('the admin created at start by A logs in through B (one account, not one per process)', async () => {
      const login = await apiB.client.gql<any>(LOGIN, { e: ADMIN_ENV.ADMIN_EMAIL, p: ADMIN_ENV.ADMIN_PASSWORD });
      expect(login.data!.login.accessToken).toEqual(expect.any(String));
      const { rows } = await db.query(`SELECT count(*)::int AS n FROM users WHERE email = $1`, [ADMIN_ENV.ADMIN_EMAIL]);
      expect(rows[0].n).toBe(1);
    });
  },
);
