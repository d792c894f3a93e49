import { JobHandlers } from '../../src/queue/job-handlers';
import { JobName } from '../../src/queue/jobs';
import { createCurator, registerContributor, Account } from '../factories/accounts';
import { publishedModule } from '../factories/modules';
import { countQueries } from '../support/count-queries';
import { pollUntil } from '../support/poll';
import { errorCode, GraphQLResponse, startTestApp, TestApp } from '../support/test-app';

const SEARCH = `query($input: SearchModulesInput!) {
  searchModules(input: $input) {
    totalHits page pageSize totalPages processingTimeMs
    hits { module { id title status } highlight { title summary } }
    facets { category { value count } level { value count } language { value count } deliveryMode { value count } priceIdr { value count } certificate { value count } }
  }
}`;

describe('searchModules and index sync', () => {
  let t: TestApp;
  let owner: Account;
  let curator: Account;

  beforeAll(async () => {
    t = await startTestApp({ ADMIN_EMAIL: 'admin@example.id', ADMIN_PASSWORD: 'admin-password-1' });
    owner = await registerContributor(t);
    curator = await createCurator(t);
  });
  afterAll(() => t.close());

  const hitIds = async (query: string, extra: Record<string, unknown> = {}) => {
    const res = await t.gql(SEARCH, { input: { query, ...extra } });
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data!.searchModules.hits.map((hit: { module: { id: string } }) => hit.module.id) as string[];
  };

  it('finds an approved module within 2 seconds, and loses it within 2 seconds of unpublish', async () => {
    const module = await publishedModule(t, owner.token, curator.token, { title: 'Budidaya Jamur Tiram untuk Usaha Rumahan', categorySlug: 'pertanian-perikanan' });
    const found = await pollUntil(async () => ((await hitIds('jamur tiram')).includes(module.id) ? true : undefined), 2_000, 'the approved module in search');
    expect(found.elapsedMs).toBeLessThan(2_000);

    const unpublished = await t.gql(`mutation($id: ID!) { unpublishModule(moduleId: $id, note: "Materi disalin dari sumber lain") { status } }`, { id: module.id }, curator.token);
    expect(unpublished.data!.unpublishModule.status).toBe('UNPUBLISHED');
    await pollUntil(async () => (!(await hitIds('jamur tiram')).includes(module.id) ? true : undefined), 2_000, 'the unpublished module to leave search');
    // Every outbox row is handed over and marked done (eventually: the notification rows are not the sync lag above, so a loaded CI host gets time).
    await pollUntil(async () => {
      const [{ pending }] = await t.db.query(`SELECT count(*)::int AS pending FROM outbox_events WHERE done_at IS NULL`);
      return pending === 0 ? true : undefined;
    }, 30_000, 'the outbox to drain');
  });

  it('finds through typos, prefixes and synonyms, and highlights with everything else escaped', async () => {
    // Titles are plain text (markup is refused), but may hold <, > and quotes, which highlights escape.
    const module = await publishedModule(t, owner.token, curator.token, { title: 'Pemasaran Digital "UMKM" <3 > Kuliner', summary: 'Strategi pemasaran digital untuk usaha kuliner rumahan & warung makan.' });
    await pollUntil(async () => ((await hitIds('pemasaran digital')).includes(module.id) ? true : undefined), 2_000, 'indexing');
    expect(await hitIds('pemasran digtal')).toContain(module.id);
    expect(await hitIds('pemasa')).toContain(module.id);
    expect(await hitIds('marketing')).toContain(module.id);
    const res = await t.gql(SEARCH, { input: { query: 'kuliner' } });
    const hit = res.data!.searchModules.hits.find((h: { module: { id: string } }) => h.module.id === module.id);
    expect(hit.highlight.title).toBe('Pemasaran Digital &quot;UMKM&quot; &lt;3 &gt; <mark>Kuliner</mark>');
    expect(hit.highlight.summary).toContain('<mark>kuliner</mark>');
    expect(hit.highlight.summary).toContain('&amp;');
  });

  it('answers a page of hits from the index documents, and from the database for a field the index lacks', async () => {
    const module = await publishedModule(t, owner.token, curator.token, { title: 'Merajut Tas Rajut untuk Dijual', categorySlug: 'kerajinan-seni' });
    await pollUntil(async () => ((await hitIds('merajut tas')).includes(module.id) ? true : undefined), 2_000, 'indexing');
    const fields = `id slug title summary description skills level language deliveryMode durationMinutes priceIdr certificate status
      ratingAverage ratingCount enrollmentCount completionCount publishedAt version category { slug name } contributor { id displayName contributorKind }`;
    const search = async (extra = '') => {
      let res: GraphQLResponse<{ searchModules: { hits: { module: Record<string, unknown> }[] } }> | undefined;
      const query = `query($input: SearchModulesInput!) { searchModules(input: $input) { hits { module { ${fields} ${extra} } } } }`;
      const queries = await countQueries(t, async () => (res = await t.gql(query, { input: { query: 'merajut tas' } })));
      return { module: res!.data!.searchModules.hits.find((hit) => hit.module.id === module.id)!.module, queries };
    };

    const fromIndex = await search();
    const withContributorRow = await search('contributor { organizationName }');
    const fromDatabase = await search('createdAt');

    // From the index, one status check per page; a field it lacks (of the module or its contributor) sends the page to the database.
    expect(fromIndex.queries).toEqual(['SELECT id, status, version FROM modules WHERE id = ANY($1::uuid[])']);
    for (const { queries } of [withContributorRow, fromDatabase]) {
      expect(queries).toEqual(expect.arrayContaining([expect.stringMatching(/FROM "modules"/), expect.stringMatching(/FROM "users"/)]));
    }
    expect(withContributorRow.module.contributor).toEqual({ id: owner.id, displayName: expect.any(String), contributorKind: 'INDIVIDUAL', organizationName: null });
    const { createdAt, ...rest } = fromDatabase.module;
    expect(typeof createdAt).toBe('string');
    expect(fromIndex.module).toEqual(rest);
    expect(rest).toMatchObject({ title: 'Merajut Tas Rajut untuk Dijual', status: 'PUBLISHED', category: { slug: 'kerajinan-seni' }, contributor: { id: owner.id } });
  });

  it('decides where hits come from per request when a directive makes the selection depend on variables', async () => {
    const module = await publishedModule(t, owner.token, curator.token, { title: 'Menganyam Keranjang Rotan Sintetis', categorySlug: 'kerajinan-seni' });
    await pollUntil(async () => ((await hitIds('keranjang rotan')).includes(module.id) ? true : undefined), 2_000, 'indexing');
    const query = `query($input: SearchModulesInput!, $withDates: Boolean!) { searchModules(input: $input) { hits { module { id title createdAt @include(if: $withDates) } } } }`;
    const search = async (withDates: boolean) => {
      let res: GraphQLResponse<{ searchModules: { hits: { module: Record<string, unknown> }[] } }> | undefined;
      const queries = await countQueries(t, async () => (res = await t.gql(query, { input: { query: 'keranjang rotan' }, withDates })));
      return { module: res!.data!.searchModules.hits.find((hit) => hit.module.id === module.id)!.module, readRows: queries.some((sql) => /FROM "modules"/.test(sql)) };
    };
    for (const withDates of [false, true, false, true]) {
      const { module: hit, readRows } = await search(withDates);
      expect(readRows).toBe(withDates);
      expect(typeof hit.createdAt).toBe(withDates ? 'string' : 'undefined');
    }
  });

  it('filters, pages and counts facets without their own filter', async () => {
    await publishedModule(t, owner.token, curator.token, { title: 'Kelas Menjahit Gamis Modern', priceIdr: 1, level: 'ADVANCED', categorySlug: 'kerajinan-seni' });
    await pollUntil(async () => ((await hitIds('gamis')).length > 0 ? true : undefined), 2_000, 'indexing');
    const res = await t.gql(SEARCH, { input: { query: '', levels: ['ADVANCED'], pageSize: 1 } });
    const result = res.data!.searchModules;
    expect(result.hits.every((h: { module: { id: string } }) => h.module.id)).toBe(true);
    expect(result.pageSize).toBe(1);
    expect(result.totalPages).toBe(result.totalHits);
    // The level facet ignores the level filter: BEGINNER modules are still counted.
    const levels = Object.fromEntries(result.facets.level.map((f: { value: string; count: number }) => [f.value, f.count]));
    expect(levels.ADVANCED).toBe(result.totalHits);
    expect(levels.BEGINNER).toBeGreaterThan(0);
  });

  it.each([
    [{ pageSize: 101 }, 'pageSize'],
    [{ pageSize: 0 }, 'pageSize'],
    [{ page: 0 }, 'page'],
    [{ priceIdr: [2] }, 'priceIdr'],
  ])('refuses %j with BAD_USER_INPUT', async (input, field) => {
    const res = await t.gql(SEARCH, { input });
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0].extensions.fields![0].field).toBe(field);
  });

  it('lets an admin rebuild the index, with progress on the ReindexJob', async () => {
    const admin = await t.gql(`mutation { login(email: "admin@example.id", password: "admin-password-1") { accessToken } }`);
    const token = admin.data!.login.accessToken;
    const started = await t.gql(`mutation { reindexSearch { id state } }`, {}, token);
    expect(started.data!.reindexSearch.state).toBe('QUEUED');
    const done = await pollUntil(async () => {
      const job = await t.gql(`query($id: ID!) { reindexJob(id: $id) { state indexedDocuments } }`, { id: started.data!.reindexSearch.id }, token);
      return job.data!.reindexJob.state === 'SUCCEEDED' ? job.data!.reindexJob : undefined;
    }, 10_000, 'the reindex job');
    const [{ published }] = await t.db.query(`SELECT count(*)::int AS published FROM modules WHERE status = 'PUBLISHED'`);
    expect(done.value.indexedDocuments).toBe(published);
    expect(errorCode(await t.gql(`mutation { reindexSearch { id } }`, {}, curator.token))).toBe('FORBIDDEN');
  });

  it('answers a reindex request with the rebuild already queued or running, and starts a new one past a stuck job', async () => {
    const admin = await t.gql(`mutation { login(email: "admin@example.id", password: "admin-password-1") { accessToken } }`);
    const token = admin.data!.login.accessToken;
    // Jobs written as a worker would leave them, with no outbox event: nothing runs them under the test.
    const [{ id: running }] = await t.db.query(`INSERT INTO reindex_jobs (state) VALUES ('RUNNING') RETURNING id`);
    const again = await t.gql(`mutation { reindexSearch { id state } }`, {}, token);
    expect(again.data!.reindexSearch).toEqual({ id: running, state: 'RUNNING' });
    expect((await t.db.query(`SELECT count(*)::int AS n FROM reindex_jobs WHERE state IN ('QUEUED', 'RUNNING')`))[0].n).toBe(1);

    await t.db.query(`UPDATE reindex_jobs SET created_at = now() - interval '2 hours' WHERE id = $1`, [running]);
    const fresh = await t.gql(`mutation { reindexSearch { id } }`, {}, token);
    expect(fresh.data!.reindexSearch.id).not.toBe(running);
    await pollUntil(async () => {
      const job = await t.gql(`query($id: ID!) { reindexJob(id: $id) { state } }`, { id: fresh.data!.reindexSearch.id }, token);
      return job.data!.reindexJob.state === 'SUCCEEDED' || undefined;
    }, 10_000, 'the new reindex job');
    await t.db.query(`UPDATE reindex_jobs SET state = 'FAILED' WHERE id = $1`, [running]);
  });

  it('schedules the recurring jobs their features register: the daily reconciliation and the rating mean refresh', () => {
    expect(Object.fromEntries(t.app.get(JobHandlers).recurring())).toEqual({ [JobName.RECONCILE_INDEX]: 24 * 60 * 60 * 1000, [JobName.REFRESH_RATING_MEAN]: 5 * 60_000 });
  });
});
