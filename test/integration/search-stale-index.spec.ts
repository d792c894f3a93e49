import { publishedDocuments } from '../../src/search/module-documents';
import { ModuleDocument, SEARCH_ENGINE, SearchEngine } from '../../src/search/search-engine.port';
import { Account, createCurator, registerContributor } from '../factories/accounts';
import { ADMIN_ENV, adminToken, Beneficiary, enroll, FREE_OPTIONS, outboxDrained, recordSpend, registerBeneficiaryWithCard, waitForNotification } from '../factories/learning';
import { publishedModule } from '../factories/modules';
import { pollUntil } from '../support/poll';
import { errorCode, startTestApp, TestApp } from '../support/test-app';

const FROM_INDEX = `id title status version`;
const FROM_DATABASE = `id title status version createdAt`;
const WITH_LESSONS = `id title status lessons { id contentUrl body }`;
const search = (fields: string) => `query($input: SearchModulesInput!) {
  searchModules(input: $input) { totalHits totalPages hits { module { ${fields} } } facets { category { value count } priceIdr { value count } } }
}`;

interface Page {
  totalHits: number;
  totalPages: number;
  hits: { module: { id: string; title: string; status: string; lessons?: { contentUrl: string | null; body: string | null }[] } }[];
  facets: { category: { value: string; count: number }[]; priceIdr: { value: string; count: number }[] };
}

/**
 * A lagging index, simulated: the database changes a module directly (no
 * outbox row, so no sync) and the index keeps, or is given back, the
 * document it had before. Search, free options and lesson content must
 * follow the database anyway.
 */
jest.setTimeout(60_000);

describe('search against a lagging index', () => {
  let t: TestApp;
  let engine: SearchEngine;
  let owner: Account;
  let curator: Account;
  let learner: Beneficiary;
  let taken: { id: string };
  let free: { id: string };
  let edited: { id: string };
  let kept: { id: string };
  let staleDocuments: ModuleDocument[];
  let outboxBefore: number;

  beforeAll(async () => {
    t = await startTestApp(ADMIN_ENV);
    engine = t.app.get<SearchEngine>(SEARCH_ENGINE);
    owner = await registerContributor(t);
    curator = await createCurator(t);
    learner = await registerBeneficiaryWithCard(t);
    const lesson = { title: 'Menyiapkan kolam terpal', kind: 'ARTICLE', durationMinutes: 15, body: 'Isi pelajaran rahasia tentang kolam terpal.' };
    taken = await publishedModule(t, owner.token, curator.token, { title: 'Budidaya Lele Bioflok Skala Rumahan', categorySlug: 'pertanian-perikanan', lessons: [lesson] });
    free = await publishedModule(t, owner.token, curator.token, { title: 'Budidaya Lele Sangkuriang untuk Pemula', categorySlug: 'pertanian-perikanan' });
    edited = await publishedModule(t, owner.token, curator.token, { title: 'Budidaya Lele Organik Tanpa Bau', categorySlug: 'pertanian-perikanan' });
    kept = await publishedModule(t, owner.token, curator.token, { title: 'Budidaya Lele dalam Ember', categorySlug: 'kewirausahaan' });
    await enroll(t, learner.token, taken.id);
    await pollUntil(async () => ((await hitIds(FROM_INDEX)).length === 4 ? true : undefined), 10_000, 'the four modules in search');
    await outboxDrained(t);
    staleDocuments = [...(await publishedDocuments(t.db, [taken.id, free.id, edited.id])).values()];
  });
  afterAll(() => t.close());

  const searchLele = async (fields: string, token?: string): Promise<Page> => {
    const res = await t.gql<{ searchModules: Page }>(search(fields), { input: { query: 'budidaya lele' } }, token);
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data!.searchModules;
  };
  const hitIds = async (fields: string, token?: string) => (await searchLele(fields, token)).hits.map((hit) => hit.module.id);
  /** Puts back the documents of before the direct changes, as an index that has not caught up holds them. */
  const lagIndex = () => engine.upsert(staleDocuments);
  const indexedIds = async () => (await engine.search({ query: 'budidaya lele', filters: {}, sort: 'RELEVANCE', page: 1, pageSize: 20, facets: false })).hits.map((hit) => hit.id);

  it('lists the modules and offers the free one before anything changes', async () => {
    const page = await searchLele(WITH_LESSONS, learner.token);
    expect(page.hits.map((hit) => hit.module.id).sort()).toEqual([taken.id, free.id, edited.id, kept.id].sort());
    expect(page.hits.find((hit) => hit.module.id === taken.id)!.module.lessons![0].body).toContain('kolam terpal');
    const options = await t.gql(FREE_OPTIONS, { first: 10, like: 'budidaya lele' }, learner.token);
    expect(options.data!.freeOptionsForMe.modules.map((module: { id: string }) => module.id)).toContain(free.id);
  });

  it('never lists, offers or opens a module the database no longer publishes, while the index still holds it', async () => {
    [{ outboxBefore }] = await t.db.query(`SELECT coalesce(max(id), 0)::int AS "outboxBefore" FROM outbox_events`);
    await t.db.query(`UPDATE modules SET status = 'UNPUBLISHED', version = version + 1 WHERE id = ANY($1)`, [[taken.id, free.id]]);
    await t.db.query(`UPDATE modules SET title = 'Budidaya Lele Organik (revisi disetujui)', version = version + 1 WHERE id = $1`, [edited.id]);

    for (const [fields, token] of [[FROM_INDEX, undefined], [FROM_DATABASE, undefined], [WITH_LESSONS, learner.token]] as const) {
      await lagIndex();
      expect((await indexedIds()).sort()).toEqual([taken.id, free.id, edited.id, kept.id].sort());
      const page = await searchLele(fields, token);
      expect(page.hits.map((hit) => hit.module.id).sort()).toEqual([edited.id, kept.id].sort());
      expect(page.hits.every((hit) => hit.module.status === 'PUBLISHED')).toBe(true);
      // A document older than its row never answers: the approved title comes from the database.
      expect(page.hits.find((hit) => hit.module.id === edited.id)!.module.title).toBe('Budidaya Lele Organik (revisi disetujui)');
      // The dropped hits are counted out of the total and of each facet.
      expect(page).toMatchObject({ totalHits: 2, totalPages: 1 });
      expect(page.facets.category.sort((a, b) => a.value.localeCompare(b.value))).toEqual([
        { value: 'kewirausahaan', count: 1 },
        { value: 'pertanian-perikanan', count: 1 },
      ]);
      // The first search queued a sync of the stale modules: the index converges without the daily reconciliation.
      if (fields === FROM_INDEX) await pollUntil(async () => ((await indexedIds()).sort().join() === [edited.id, kept.id].sort().join() ? true : undefined), 10_000, 'the index to catch up');
    }

    await lagIndex();
    const options = await t.gql(FREE_OPTIONS, { first: 10, like: 'budidaya lele' }, learner.token);
    expect(options.errors).toBeUndefined();
    const offered = options.data!.freeOptionsForMe.modules.map((module: { id: string }) => module.id);
    expect(offered).not.toContain(free.id);
    expect(offered).not.toContain(taken.id);
    expect(offered).toContain(kept.id);

    const page = await t.gql(`query($id: ID!) { module(id: $id) { lessons { body } } }`, { id: taken.id }, learner.token);
    expect(errorCode(page)).toBe('NOT_FOUND');
  });

  it('queued a sync of each stale module, not one per search that met it', async () => {
    const queued: { module_id: string }[] = await t.db.query(`SELECT payload->>'moduleId' AS module_id FROM outbox_events WHERE id > $1 AND job = 'sync-module'`, [outboxBefore]);
    expect([...new Set(queued.map((row) => row.module_id))].sort()).toEqual([taken.id, free.id, edited.id].sort());
    // Without the limit of one repair per module per 10 s, the searches above would have queued nine; two windows (a slow machine) is six.
    expect(queued.length).toBeLessThanOrEqual(6);
  });

  it('names no module the database no longer publishes among the CREDIT_EXHAUSTED options', async () => {
    await lagIndex();
    const spent = await recordSpend(t, await adminToken(t), learner.card, 1_000_000, 'stale-index-spend');
    expect(spent.errors).toBeUndefined();
    const notification = await waitForNotification(t, learner.token, 'CREDIT_EXHAUSTED', 20_000);
    expect(notification.moduleIds).toContain(kept.id);
    expect(notification.moduleIds).not.toContain(free.id);
    expect(notification.moduleIds).not.toContain(taken.id);
  });
});
