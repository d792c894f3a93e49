import { createCurator, registerContributor, Account } from '../factories/accounts';
import { publishedModule } from '../factories/modules';
import { SEARCH_ENGINE, SearchEngine, SearchUnavailableError } from '../../src/search/search-engine.port';
import { pollUntil } from '../support/poll';
import { errorCode, startTestApp, TestApp } from '../support/test-app';
import { assertInvariants } from '../support/invariants';
import { OutboxRelay } from '../../src/queue/outbox-relay';
import { GIVE_UP_AFTER_MS } from '../../src/queue/retry-policy';
import { TcpProxy } from '../support/tcp-proxy';

const UNPUBLISH = `mutation($id: ID!) { unpublishModule(moduleId: $id, note: "Dicabut sementara oleh kurator") { status } }`;

/** Approves `count` modules and unpublishes the first; returns the ids expected in / out of the index. */
async function changeCatalogue(t: TestApp, owner: Account, curator: Account, count: number) {
  const modules = [];
  for (let i = 0; i < count; i++) modules.push(await publishedModule(t, owner.token, curator.token));
  const unpublished = await t.gql(UNPUBLISH, { id: modules[0].id }, curator.token);
  expect(unpublished.data!.unpublishModule.status).toBe('UNPUBLISHED');
  return { present: modules.slice(1).map((m) => m.id), absent: [modules[0].id] };
}

/** The index holds exactly the database's PUBLISHED modules, each once, at their current version. */
async function expectConverged(t: TestApp, engine: SearchEngine, present: string[], absent: string[]): Promise<void> {
  await pollUntil(async () => {
    const indexed = await engine.indexedVersions();
    return present.every((id) => indexed.has(id)) && absent.every((id) => !indexed.has(id)) ? true : undefined;
  }, 15_000, 'the index to converge');
  const published: { id: string; version: number }[] = await t.db.query(`SELECT id, version FROM modules WHERE status = 'PUBLISHED'`);
  const indexed = await engine.indexedVersions();
  expect(new Map(published.map((row) => [row.id, row.version]))).toEqual(indexed);
  const browse = await t.gql(`{ searchModules(input: { pageSize: 100 }) { totalHits hits { module { id } } } }`);
  const ids = browse.data!.searchModules.hits.map((hit: { module: { id: string } }) => hit.module.id);
  expect(new Set(ids).size).toBe(ids.length);
  expect(browse.data!.searchModules.totalHits).toBe(published.length);
}

describe('search sync survives faults', () => {
  it('keeps every change while the search engine fails (searchModules SEARCH_UNAVAILABLE, nothing given up within the bound), and converges once it is back', async () => {
    const t = await startTestApp({ ADMIN_EMAIL: 'admin@example.id', ADMIN_PASSWORD: 'admin-password-1' });
    try {
      const owner = await registerContributor(t);
      const curator = await createCurator(t);
      const engine = t.app.get<SearchEngine>(SEARCH_ENGINE);
      const { upsert, delete: remove, search } = engine;
      let failing = true;
      engine.upsert = (docs) => (failing ? Promise.reject(new SearchUnavailableError('engine down (test)')) : upsert.call(engine, docs));
      engine.delete = (ids) => (failing ? Promise.reject(new SearchUnavailableError('engine down (test)')) : remove.call(engine, ids));
      engine.search = (request) => (failing ? Promise.reject(new SearchUnavailableError('engine down (test)')) : search.call(engine, request));

      const { present, absent } = await changeCatalogue(t, owner, curator, 3);
      // Writes were answered while the engine was down; the changes wait (in the outbox, or as BullMQ retries).
      if (!process.env.REDIS_URL) {
        await pollUntil(async () => {
          const [{ retried }] = await t.db.query(`SELECT count(*)::int AS retried FROM outbox_events WHERE done_at IS NULL AND attempts > 0 AND last_error LIKE '%engine down%'`);
          return retried > 0 ? true : undefined;
        }, 5_000, 'a failed attempt to be recorded');
      }
      expect((await engine.indexedVersions()).size).toBe(0);
      const searched = await t.gql(`{ searchModules(input: { query: "kerja" }) { totalHits } }`);
      expect(errorCode(searched)).toBe('SEARCH_UNAVAILABLE');

      if (!process.env.REDIS_URL) {
        // Fast-forward the outage: as if 20 attempts (about 14 minutes) had failed, more failures give nothing up.
        await t.db.query(`UPDATE outbox_events SET attempts = 20, available_at = now() WHERE done_at IS NULL AND attempts > 0`);
        expect(GIVE_UP_AFTER_MS).toBeGreaterThan(10 * 60_000);
        t.app.get(OutboxRelay).nudge();
        await pollUntil(async () => {
          const [{ retried }] = await t.db.query(`SELECT count(*)::int AS retried FROM outbox_events WHERE done_at IS NULL AND attempts > 20`);
          return retried > 0 ? true : undefined;
        }, 5_000, 'another failed attempt');
      }
      const [{ givenUp }] = await t.db.query(`SELECT count(*)::int AS "givenUp" FROM outbox_events WHERE failed_at IS NOT NULL`);
      expect(givenUp).toBe(0);

      failing = false;
      // The rows wait out their backoff (at most a minute at this point); skip the wait.
      await t.db.query(`UPDATE outbox_events SET available_at = now() WHERE done_at IS NULL`);
      await expectConverged(t, engine, present, absent);
      await assertInvariants(t);
    } finally {
      await t.close();
    }
  });

  (process.env.REDIS_URL ? it : it.skip)('keeps every change while Redis refuses connections, and converges once it is back', async () => {
    const redis = new URL(process.env.REDIS_URL!);
    const proxy = new TcpProxy(redis.hostname, Number(redis.port || 6379));
    await proxy.open();
    const t = await startTestApp({ ADMIN_EMAIL: 'admin@example.id', ADMIN_PASSWORD: 'admin-password-1', REDIS_URL: `redis://127.0.0.1:${proxy.port}` });
    try {
      const owner = await registerContributor(t);
      const curator = await createCurator(t);
      const engine = t.app.get<SearchEngine>(SEARCH_ENGINE);

      await proxy.cut();
      const { present, absent } = await changeCatalogue(t, owner, curator, 3);
      // The relay cannot hand the rows to BullMQ: they stay in the outbox, with the error recorded.
      await pollUntil(async () => {
        const [{ retried }] = await t.db.query(`SELECT count(*)::int AS retried FROM outbox_events WHERE done_at IS NULL AND attempts > 0`);
        return retried > 0 ? true : undefined;
      }, 5_000, 'a failed dispatch to be recorded');
      const health = await fetch(`${t.baseUrl}/health`).then((r) => r.json() as Promise<{ checks: { redis: { status: string } } }>);
      expect(health.checks.redis.status).toBe('down');

      await proxy.open();
      await expectConverged(t, engine, present, absent);
      const [{ pending }] = await t.db.query(`SELECT count(*)::int AS pending FROM outbox_events WHERE done_at IS NULL`);
      expect(pending).toBe(0);
    } finally {
      await t.close();
      await proxy.close();
    }
  });
});

