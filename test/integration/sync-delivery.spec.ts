import { JobHandlers } from '../../src/queue/job-handlers';
import { JobName } from '../../src/queue/jobs';
import { ModuleDocument, SEARCH_ENGINE, SearchEngine } from '../../src/search/search-engine.port';
import { Account, createCurator, registerContributor } from '../factories/accounts';
import { ADMIN_ENV } from '../factories/learning';
import { publishedModule, UPDATE_MODULE } from '../factories/modules';
import { assertInvariants } from '../support/invariants';
import { pollUntil } from '../support/poll';
import { startTestApp, TestApp } from '../support/test-app';

const UNPUBLISH = `mutation($id: ID!) { unpublishModule(moduleId: $id, note: "Dicabut sementara oleh kurator") { status } }`;

/** Search sync is delivered at least once, in any order: duplicates and late old deliveries must leave the index equal to the database. */
describe('duplicate and reordered delivery of sync jobs', () => {
  let t: TestApp;
  let owner: Account;
  let curator: Account;
  let engine: SearchEngine;
  let handlers: JobHandlers;
  beforeAll(async () => {
    t = await startTestApp(ADMIN_ENV);
    owner = await registerContributor(t);
    curator = await createCurator(t);
    engine = t.app.get<SearchEngine>(SEARCH_ENGINE);
    handlers = t.app.get(JobHandlers);
  });
  afterAll(() => t.close());

  const sync = (moduleId: string) => handlers.run(JobName.SYNC_MODULE, { moduleId });

  it('an older delivery that writes after a newer one (module unpublished meanwhile) leaves the module out of the index', async () => {
    const module = await publishedModule(t, owner.token, curator.token);
    await assertInvariants(t);
    // The old delivery reads the PUBLISHED module, then is held just before it writes to the engine.
    const upsert = engine.upsert;
    let arrived!: () => void;
    let release!: () => void;
    const holding = new Promise<void>((resolve) => (arrived = resolve));
    const released = new Promise<void>((resolve) => (release = resolve));
    let held = false;
    engine.upsert = async (documents: ModuleDocument[]) => {
      if (!held && documents.some((document) => document.id === module.id)) {
        held = true;
        arrived();
        await released;
      }
      return upsert.call(engine, documents);
    };
    try {
      const older = sync(module.id);
      await holding;
      // The newer change: unpublished, and its own sync job removes the module from the index.
      expect((await t.gql(UNPUBLISH, { id: module.id }, curator.token)).data!.unpublishModule.status).toBe('UNPUBLISHED');
      await pollUntil(async () => (!(await engine.indexedVersions()).has(module.id) ? true : undefined), 10_000, 'the newer sync to remove the module');
      release();
      await older;
    } finally {
      engine.upsert = upsert;
    }
    expect((await engine.indexedVersions()).has(module.id)).toBe(false);
    await assertInvariants(t);
  });

  it('the same job delivered many times at once, while the module changes, converges on the database', async () => {
    const modules = [await publishedModule(t, owner.token, curator.token), await publishedModule(t, owner.token, curator.token)];
    await Promise.all([
      ...modules.flatMap((module) => Array.from({ length: 8 }, () => sync(module.id))),
      t.gql(UPDATE_MODULE, { input: { id: modules[0].id, expectedVersion: modules[0].version, title: 'Judul baru yang lebih jelas untuk modul' } }, owner.token).then((res) => expect(res.errors).toBeUndefined()),
      t.gql(UNPUBLISH, { id: modules[1].id }, curator.token).then((res) => expect(res.errors).toBeUndefined()),
      ...modules.flatMap((module) => Array.from({ length: 8 }, () => sync(module.id))),
    ]);
    await assertInvariants(t);
    const indexed = await engine.indexedVersions();
    const [{ version }] = await t.db.query(`SELECT version FROM modules WHERE id = $1`, [modules[0].id]);
    expect([indexed.get(modules[0].id), indexed.has(modules[1].id)]).toEqual([version, false]);
  });
});
