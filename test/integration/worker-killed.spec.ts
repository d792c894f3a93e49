import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { createCurator, registerContributor } from '../factories/accounts';
import { ADMIN_ENV } from '../factories/learning';
import { createModule, moduleInput, REVIEW_MODULE, SUBMIT_MODULE } from '../factories/modules';
import { startChild } from '../support/child-app';
import { pollUntil } from '../support/poll';
import { provisionTestDatabase, TestDatabase } from '../support/test-databases';

const IMPORT = `mutation($items: [ModuleInput!]!) { importModules(items: $items) { id state total } }`;
const ITEMS = 5_000;

interface ImportState {
  state: string;
  processed: number;
  created: number;
  distinct_created: number;
}

/**
 * The process running the jobs is SIGKILLed in the middle of a 5,000-item
 * import; another one takes over. The API process runs the workers here in
 * both modes (in-process without Redis, BullMQ workers with it): `npm run
 * worker` needs Meilisearch, which the test machine lacks.
 */
describe('worker killed mid-job and mid-import', () => {
  let database: TestDatabase;
  let db: Client;
  beforeAll(async () => {
    database = await provisionTestDatabase();
    db = new Client({ connectionString: database.url });
    await db.connect();
  });
  afterAll(async () => {
    await db.end();
    await database.drop();
  });

  const importState = async (id: string): Promise<ImportState> =>
    (
      await db.query(
        `SELECT state, processed, cardinality(created_module_ids) AS created, (SELECT count(DISTINCT m) FROM unnest(created_module_ids) AS m)::int AS distinct_created FROM import_jobs WHERE id = $1`,
        [id],
      )
    ).rows[0];

  it('runs the import again in the next process, which ends with exactly its items, none twice', async () => {
    const env = { DATABASE_URL: database.url, REDIS_URL: process.env.REDIS_URL, QUEUE_PREFIX: `test-${randomBytes(4).toString('hex')}`, ...ADMIN_ENV };
    const first = await startChild('src/main.ts', env);
    let second: Awaited<ReturnType<typeof startChild>> | undefined;
    try {
      const owner = await registerContributor(first.client);
      const items = Array.from({ length: ITEMS }, (_, i) => moduleInput({ title: `Modul Impor Ketahanan Nomor ${i + 1}` }));
      const submitted = await first.client.gql(IMPORT, { items }, owner.token);
      expect(submitted.errors).toBeUndefined();
      const jobId: string = submitted.data!.importModules.id;

      // Killed once some batches are in, well before the last.
      await pollUntil(async () => ((await importState(jobId)).processed > 0 ? true : undefined), 60_000, 'the import to commit its first batch');
      first.kill('SIGKILL');
      await first.exited;
      const atKill = await importState(jobId);
      expect(atKill.state).toBe('RUNNING');
      expect(atKill.processed).toBeLessThan(ITEMS);

      // The next process takes the job over once the dead one's claim (outbox lease, or BullMQ lock) runs out.
      second = await startChild('src/main.ts', env);
      const { value: done } = await pollUntil(async () => {
        const state = await importState(jobId);
        return state.state === 'SUCCEEDED' || state.state === 'FAILED' ? state : undefined;
      }, 180_000, 'the import to finish in the second process');
      expect(done).toEqual({ state: 'SUCCEEDED', processed: ITEMS, created: ITEMS, distinct_created: ITEMS });
      const { rows } = await db.query(`SELECT count(*)::int AS modules, count(DISTINCT title)::int AS titles FROM modules WHERE contributor_id = $1`, [owner.id]);
      expect(rows[0]).toEqual({ modules: ITEMS, titles: ITEMS });
      const outbox = await db.query(`SELECT count(*)::int AS n FROM outbox_events WHERE failed_at IS NOT NULL OR (done_at IS NULL AND job = 'import-modules')`);
      expect(outbox.rows[0].n).toBe(0);
    } finally {
      first.kill('SIGKILL');
      second?.kill('SIGTERM');
      await second?.exited;
    }
  }, 300_000);

  it('runs a notification job killed mid-way again in the next process: the owner is told exactly once', async () => {
    const env = { DATABASE_URL: database.url, REDIS_URL: process.env.REDIS_URL, QUEUE_PREFIX: `test-${randomBytes(4).toString('hex')}`, ...ADMIN_ENV };
    const first = await startChild('src/main.ts', env);
    let second: Awaited<ReturnType<typeof startChild>> | undefined;
    const locker = new Client({ connectionString: database.url });
    try {
      const owner = await registerContributor(first.client);
      const curator = await createCurator(first.client);
      const created = await createModule(first.client, owner.token);
      const submitted = await first.client.gql(SUBMIT_MODULE, { id: created.id }, owner.token);
      if (process.env.DATABASE_URL) {
        // The notification's insert checks its foreign key to the owner's row: locked, the job waits inside its handler.
        await locker.connect();
        await locker.query('BEGIN');
        await locker.query(`SELECT 1 FROM users WHERE id = $1 FOR UPDATE`, [owner.id]);
      }
      const count = async () =>
        (await db.query(`SELECT count(*)::int AS n FROM notifications WHERE user_id = $1 AND kind = 'MODULE_APPROVED' AND $2 = ANY(module_ids)`, [owner.id, created.id])).rows[0].n as number;
      const approved = await first.client.gql(REVIEW_MODULE, { input: { moduleId: created.id, expectedVersion: submitted.data!.submitModule.version, decision: 'APPROVE' } }, curator.token);
      expect(approved.data?.reviewModule.status).toBe('PUBLISHED');
      if (process.env.DATABASE_URL) {
        await pollUntil(
          async () => {
            await locker.query(`SELECT pg_stat_clear_snapshot()`);
            const { rows } = await locker.query(`SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE 'INSERT INTO notifications%'`);
            return rows.length > 0 ? true : undefined;
          },
          30_000,
          'the notification job to wait inside its handler',
        );
      }
      // Without a lock (PGlite runs one transaction at a time) the job is killed wherever it is: waiting, claimed or running.
      first.kill('SIGKILL');
      await first.exited;
      if (process.env.DATABASE_URL) {
        // A backend waiting on a lock notices its client is gone only once it runs again: end the dead process's one, so the insert does not complete for it.
        await locker.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'INSERT INTO notifications%' AND pid <> pg_backend_pid()`);
        await locker.query('ROLLBACK');
        expect(await count()).toBe(0);
      }

      second = await startChild('src/main.ts', env);
      await pollUntil(async () => ((await count()) > 0 ? true : undefined), 180_000, 'the approval notification');
      await pollUntil(
        async () => ((await db.query(`SELECT 1 FROM outbox_events WHERE done_at IS NULL OR failed_at IS NOT NULL`)).rows.length === 0 ? true : undefined),
        60_000,
        'the outbox to drain',
      );
      expect(await count()).toBe(1);
    } finally {
      first.kill('SIGKILL');
      await locker.end().catch(() => undefined);
      second?.kill('SIGTERM');
      await second?.exited;
    }
  }, 300_000);
});
