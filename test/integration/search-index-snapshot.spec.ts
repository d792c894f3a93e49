import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { Client } from 'pg';
import { readIndexSnapshot, writeIndexSnapshot } from '../../src/search/in-process/index-snapshot-file';
import { snapshotDataKey } from '../../src/search/index-snapshots';
import { SEARCH_ENGINE, SearchEngine } from '../../src/search/search-engine.port';
import { loadSearchLanguage } from '../../src/search/text/search-language';
import { createCurator, registerContributor } from '../factories/accounts';
import { ADMIN_ENV } from '../factories/learning';
import { createModule, publishedModule, SUBMIT_MODULE } from '../factories/modules';
import { pollUntil } from '../support/poll';
import { startTestApp, TestApp } from '../support/test-app';
import { provisionTestDatabase, TestDatabase } from '../support/test-databases';

/**
 * The messages of the in-process index's start (built, or loaded from the
 * snapshot). One for every start: Nest's static logger keeps writing a
 * bootstrap's messages to the first app's logger.
 */
class StartLog extends Writable {
  readonly messages: string[] = [];
  override _write(chunk: Buffer, _encoding: string, done: () => void): void {
    for (const text of chunk.toString('utf8').split('\n').filter(Boolean)) {
      const line = JSON.parse(text) as { context?: string; msg?: string };
      if (line.context === 'IndexSnapshots' || line.context === 'SearchLifecycle') this.messages.push(line.msg ?? '');
    }
    done();
  }

  /** The first message from the `from`th on that matches, once the logger has flushed it. */
  async line(pattern: RegExp, from: number): Promise<string> {
    const found = await pollUntil(async () => this.messages.slice(from).find((message) => pattern.test(message)), 5_000, `a log line matching ${pattern}`);
    return found.value;
  }
}

const SEARCH = `query($input: SearchModulesInput!) { searchModules(input: $input) { hits { module { id } } } }`;

/** Two starts of the API on one database and one snapshot file (SEARCH_INDEX_SNAPSHOT), with the database changed in between. */
describe('the in-process search index snapshot across restarts', () => {
  let database: TestDatabase;
  let dir: string;
  let app: TestApp | undefined;
  beforeAll(async () => {
    database = await provisionTestDatabase();
    dir = mkdtempSync(join(tmpdir(), 'dm-snapshot-'));
  });
  afterAll(async () => {
    await app?.app.close();
    await database.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  const log = new StartLog();
  /** Starts the API; `line` finds a message this start logged. */
  const start = async () => {
    const from = log.messages.length;
    app = await startTestApp({ ...ADMIN_ENV, LOG_LEVEL: 'log', SEARCH_INDEX_SNAPSHOT: join(dir, 'search-index.snapshot') }, { databaseUrl: database.url } as TestApp, { logDestination: log });
    return { t: app, line: (pattern: RegExp) => log.line(pattern, from) };
  };
  const stop = async (t: TestApp) => {
    await t.app.close();
    app = undefined;
  };
  const hits = async (t: TestApp, query: string) => {
    const response = await t.gql(SEARCH, { input: { query } });
    if (response.errors) throw new Error(JSON.stringify(response.errors));
    return (response.data!.searchModules.hits as { module: { id: string } }[]).map((hit) => hit.module.id);
  };
  const indexed = async (t: TestApp) => Object.fromEntries(await t.app.get<SearchEngine>(SEARCH_ENGINE).indexedVersions());

  it('loads the snapshot written at shutdown and catches up with what changed while the API was down', async () => {
    const first = await start();
    expect(await first.line(/^In-process search index (loaded|built)/)).toMatch(/^In-process search index built: 0 modules/);
    const owner = await registerContributor(first.t);
    const curator = await createCurator(first.t);
    const edited = await publishedModule(first.t, owner.token, curator.token, { title: 'Budidaya Lele Bioflok untuk Pemula' });
    const unpublished = await publishedModule(first.t, owner.token, curator.token, { title: 'Kerajinan Anyaman Pandan' });
    const untouched = await publishedModule(first.t, owner.token, curator.token, { title: 'Servis Sepeda Motor Matik' });
    const waiting = await createModule(first.t, owner.token, { title: 'Fotografi Produk Kuliner Rumahan' });
    const submitted = await first.t.gql(SUBMIT_MODULE, { id: waiting.id }, owner.token);
    await pollUntil(async () => ((await hits(first.t, 'sepeda motor')).includes(untouched.id) ? true : undefined), 10_000, 'the published modules in search');
    await stop(first.t);
    expect(existsSync(join(dir, 'search-index.snapshot'))).toBe(true);

    // While no API runs: an approved edit, a curator's unpublish and a new approval, written to the database alone.
    const db = new Client({ connectionString: database.url });
    await db.connect();
    try {
      await db.query(`UPDATE modules SET title = 'Budidaya Ikan Nila Kolam Terpal', version = version + 1, updated_at = now() WHERE id = $1`, [edited.id]);
      await db.query(`UPDATE modules SET status = 'UNPUBLISHED', version = version + 1, updated_at = now() WHERE id = $1`, [unpublished.id]);
      await db.query(`UPDATE modules SET status = 'PUBLISHED', published_at = now(), version = version + 1, updated_at = now() WHERE id = $1`, [waiting.id]);
      await db.query(`UPDATE modules SET enrollment_count = 42 WHERE id = $1`, [untouched.id]);
    } finally {
      await db.end();
    }

    const second = await start();
    expect(await second.line(/^In-process search index (loaded|built)/)).toMatch(/: 3 modules in .*; 4 changed since it was written\)$/);
    expect(await indexed(second.t)).toEqual({ [edited.id]: edited.version + 1, [untouched.id]: untouched.version, [waiting.id]: submitted.data!.submitModule.version + 1 });
    expect(await hits(second.t, 'ikan nila')).toEqual([edited.id]);
    expect(await hits(second.t, 'anyaman pandan')).toEqual([]);
    expect(await hits(second.t, 'fotografi kuliner')).toEqual([waiting.id]);
    const popular = await second.t.gql(`query { searchModules(input: { query: "sepeda", sort: POPULARITY }) { hits { module { id enrollmentCount } } } }`);
    expect(popular.data!.searchModules.hits).toEqual([{ module: { id: untouched.id, enrollmentCount: 42 } }]);
    await stop(second.t);

    // A damaged snapshot is not used: the index is built from the database, as without one. A dead writer's temp file goes.
    writeFileSync(join(dir, 'search-index.snapshot'), 'damaged');
    writeFileSync(join(dir, 'search-index.snapshot.2147483646.tmp'), 'half written');
    const third = await start();
    expect(await third.line(/not used/)).toMatch(/not a search index snapshot/);
    expect(await third.line(/^In-process search index (loaded|built)/)).toMatch(/^In-process search index built: 3 modules/);
    expect(await hits(third.t, 'ikan nila')).toEqual([edited.id]);
    expect(existsSync(join(dir, 'search-index.snapshot.2147483646.tmp'))).toBe(false);
    await stop(third.t);

    // A snapshot whose documents another mapping made (here: other slugs, same text, versions and counters) is not used either.
    const path = join(dir, 'search-index.snapshot');
    const key = snapshotDataKey(loadSearchLanguage());
    const written = await readIndexSnapshot(path, key);
    expect(written.documents).toHaveLength(3);
    await writeIndexSnapshot(path, { ...written, documents: written.documents.map((document) => ({ ...document, slug: `${document.slug}-lama` })) }, key);
    const fourth = await start();
    expect(await fourth.line(/not used/)).toMatch(/document differs from the one the database gives now/);
    expect(await fourth.line(/^In-process search index (loaded|built)/)).toMatch(/^In-process search index built: 3 modules/);
  });
});
