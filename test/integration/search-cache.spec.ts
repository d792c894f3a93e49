import { randomInt } from 'node:crypto';
import { createMeilisearchSearchEngine } from '../../src/search/meilisearch/create-meilisearch-search-engine';
import { publishedDocuments } from '../../src/search/module-documents';
import { createCurator, registerContributor, Account } from '../factories/accounts';
import { ADMIN_ENV } from '../factories/learning';
import { publishedModule, REVIEW_MODULE, UPDATE_MODULE } from '../factories/modules';
import { MeilisearchTestDouble } from '../search/meilisearch-test-double';
import { pollUntil } from '../support/poll';
import { startTestApp, TEST_METRICS_TOKEN, TestApp } from '../support/test-app';

const SEARCH = `query($input: SearchModulesInput!) { searchModules(input: $input) { totalHits hits { module { id title } } } }`;
const UNPUBLISH = `mutation($id: ID!) { unpublishModule(moduleId: $id, note: "Dicabut sementara oleh kurator") { status } }`;
/** Within the sync lag (about a second) plus the Meilisearch answers' TTL, with room for a loaded machine. */
const DEADLINE_MS = 10_000;

/** A made-up word no other module holds, far (in edits) from any other such word. */
function uniqueWord(): string {
  const letters = 'bcdfghjklmnprstvwz';
  return `zq${Array.from({ length: 8 }, () => letters[randomInt(letters.length)]).join('')}`;
}

/**
 * The search answers cache over HTTP: it serves repeated searches (its hit
 * counter on /metrics moves), and a module published, edited or unpublished
 * through the API shows in search within the deadline, never held stale by it.
 * Each engine: in-process, and Meilisearch (its test double over HTTP).
 */
describe.each([
  ['in-process', async () => ({ env: {}, stop: async () => undefined })],
  [
    'meilisearch',
    async () => {
      const meili = new MeilisearchTestDouble();
      return { env: { MEILI_URL: await meili.start() }, stop: () => meili.stop() };
    },
  ],
])('search answers cache (%s)', (_, engine) => {
  let t: TestApp;
  let owner: Account;
  let curator: Account;
  let stopEngine: () => Promise<void>;

  beforeAll(async () => {
    const started = await engine();
    stopEngine = started.stop;
    t = await startTestApp({ ...ADMIN_ENV, ...started.env });
    owner = await registerContributor(t);
    curator = await createCurator(t);
  });
  afterAll(async () => {
    await t?.close();
    await stopEngine?.();
  });

  const cacheHits = async () => {
    const response = await fetch(`${t.baseUrl}/metrics`, { headers: { authorization: `Bearer ${TEST_METRICS_TOKEN}` } });
    const line = (await response.text()).split('\n').find((text) => text.startsWith('dm_search_cache_hits_total '));
    return Number(line!.split(' ')[1]);
  };
  const hitIds = async (query: string) => {
    const res = await t.gql(SEARCH, { input: { query } });
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data!.searchModules.hits.map((hit: { module: { id: string } }) => hit.module.id) as string[];
  };
  /**
   * Searches `query` again until a repeat is answered by the cache (so a cache
   * that never forgets would fail what follows), every answer the same. A
   * repeat may miss once: a background index write in between empties the
   * cache, and with Meilisearch an answer expires after its TTL, which a slow
   * request on a loaded machine can outlast.
   */
  const searchedTwice = async (query: string) => {
    const first = await hitIds(query);
    await pollUntil(async () => {
      const before = await cacheHits();
      expect(await hitIds(query)).toEqual(first);
      return (await cacheHits()) > before ? true : undefined;
    }, DEADLINE_MS, `a repeated search for "${query}" answered by the cache`);
    return first;
  };
  const until = (what: string, holds: () => Promise<boolean>) => pollUntil(async () => ((await holds()) ? true : undefined), DEADLINE_MS, what);

  it('shows a module published, edited and unpublished through the API, though the searches before were cached', async () => {
    const [first, second] = [uniqueWord(), uniqueWord()];
    expect(await searchedTwice(first)).toEqual([]);
    const module = await publishedModule(t, owner.token, curator.token, { title: `Budidaya Anggrek ${first} di Pekarangan` });
    await until('the published module to be found', async () => (await hitIds(first)).includes(module.id));

    // An approved edit replaces the title's word: the old word finds it no more, the new one does.
    expect(await searchedTwice(first)).toEqual([module.id]);
    expect(await searchedTwice(second)).toEqual([]);
    const edited = await t.gql(UPDATE_MODULE, { input: { id: module.id, expectedVersion: module.version, title: `Budidaya Anggrek ${second} di Pekarangan` } }, owner.token);
    expect(edited.errors).toBeUndefined();
    const approved = await t.gql(REVIEW_MODULE, { input: { moduleId: module.id, expectedVersion: edited.data!.updateModule.version, decision: 'APPROVE' } }, curator.token);
    expect(approved.errors).toBeUndefined();
    await until('the edited module under its new word only', async () => (await hitIds(second)).includes(module.id) && !(await hitIds(first)).includes(module.id));

    // (A cached answer holding an unpublished module would still leave it out: every hit is checked against the database.)
    expect(await searchedTwice(second)).toEqual([module.id]);
    expect((await t.gql(UNPUBLISH, { id: module.id }, curator.token)).errors).toBeUndefined();
    await until('the unpublished module to leave search', async () => !(await hitIds(second)).includes(module.id));
  });
});

/**
 * Meilisearch is also written by processes this one cannot see (the worker,
 * other API replicas): their changes show once the answers' TTL has passed.
 */
describe('search answers cache (meilisearch, written by another process)', () => {
  let t: TestApp;
  let meili: MeilisearchTestDouble;
  let meiliUrl: string;

  beforeAll(async () => {
    meili = new MeilisearchTestDouble();
    meiliUrl = await meili.start();
    t = await startTestApp({ ...ADMIN_ENV, MEILI_URL: meiliUrl, SEARCH_CACHE_TTL_MS: '300' });
  });
  afterAll(async () => {
    await t?.close();
    await meili?.stop();
  });

  it('serves a change written by another process once the TTL has passed', async () => {
    const owner = await registerContributor(t);
    const curator = await createCurator(t);
    const module = await publishedModule(t, owner.token, curator.token, { title: 'Budidaya Anggrek Bulan di Pekarangan' });
    const word = uniqueWord();
    const ids = async () => {
      const res = await t.gql(SEARCH, { input: { query: word } });
      return res.data!.searchModules.hits.map((hit: { module: { id: string } }) => hit.module.id) as string[];
    };
    await pollUntil(async () => {
      const res = await t.gql(SEARCH, { input: { query: 'anggrek bulan' } });
      return res.data!.searchModules.hits.some((hit: { module: { id: string } }) => hit.module.id === module.id) ? true : undefined;
    }, DEADLINE_MS, 'the module indexed');
    expect(await ids()).toEqual([]);

    // Another process writes the module's document (same version, so the API answers from it) with the word in its title.
    const [document] = (await publishedDocuments(t.db, [module.id])).values();
    await createMeilisearchSearchEngine({ url: meiliUrl }).upsert([{ ...document, title: `${document.title} ${word}` }]);
    await pollUntil(async () => ((await ids()).includes(module.id) ? true : undefined), DEADLINE_MS, 'the other process\'s change in search');
  });
});
