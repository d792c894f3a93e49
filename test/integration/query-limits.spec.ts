import { getIntrospectionQuery } from 'graphql';
import { countRows, createCurator, registerContributor } from '../factories/accounts';
import { CREATE_MODULE, lessonInput, moduleInput } from '../factories/modules';
import { postGraphQL } from '../support/http';
import { errorCode, GraphQLResponse, startTestApp, TestApp } from '../support/test-app';

const ADMIN = { ADMIN_EMAIL: 'admin@example.id', ADMIN_PASSWORD: 'admin-password-1' };
const fieldOf = (res: GraphQLResponse) => res.errors?.[0]?.extensions.fields?.[0]?.field;

/** A hit as heavy as a client can ask for: the module with its lessons, their bodies and its history. */
const HEAVY_HIT = `hits { module { id title summary description skills lessons { id title kind body contentUrl durationMinutes }
  moderationHistory { fromStatus toStatus note createdAt actor { id displayName } } contributor { id displayName } category { slug name } } highlight { title summary } }`;

describe('query limits, refused before any resolver runs', () => {
  let t: TestApp;
  let curatorToken: string;
  beforeAll(async () => {
    t = await startTestApp(ADMIN);
    curatorToken = (await createCurator(t)).token;
  });
  afterAll(() => t.close());

  describe('list arguments', () => {
    it('refuses a search filter list over 100 items, inline or in a variable', async () => {
      const inline = await t.gql(`{ searchModules(input: { levels: [${Array(101).fill('BEGINNER').join(',')}] }) { totalHits } }`);
      expect(errorCode(inline)).toBe('BAD_USER_INPUT');
      expect(fieldOf(inline)).toBe('levels');
      const variable = await postGraphQL(t, {
        query: `query($input: SearchModulesInput!) { searchModules(input: $input) { totalHits } }`,
        variables: { input: { levels: Array(80_000).fill('BEGINNER') } },
      });
      expect(variable.status).toBe(400);
      expect(variable.body.errors[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', fields: [{ field: 'levels' }] } });
      expect(variable.body.errors[0].message).toContain('at most 100');
      expect(errorCode(await t.gql(`{ searchModules(input: { levels: [${Array(50).fill('BEGINNER').join(',')}] }) { totalHits } }`))).toBeUndefined();
    });

    it('refuses moderationQueue(statuses: 70,000 items) with BAD_USER_INPUT, not a 500 from SQL', async () => {
      const res = await t.gql(`query($s: [ModuleStatus!]) { moderationQueue(statuses: $s) { totalCount } }`, { s: Array(70_000).fill('IN_REVIEW') }, curatorToken);
      expect(errorCode(res)).toBe('BAD_USER_INPUT');
      expect(fieldOf(res)).toBe('statuses');
      expect(res.status).toBe(400);
    });

    it('bounds lists nested in inputs, and writes nothing', async () => {
      const owner = await registerContributor(t);
      const before = await countRows(t.db);
      const res = await t.gql(CREATE_MODULE, { input: moduleInput({ lessons: Array.from({ length: 101 }, () => lessonInput()) }) }, owner.token);
      expect(errorCode(res)).toBe('BAD_USER_INPUT');
      expect(fieldOf(res)).toBe('lessons');
      const items = await t.gql(`mutation($items: [ModuleInput!]!) { importModules(items: $items) { id } }`, { items: [moduleInput({ skills: Array(500).fill('excel') })] }, owner.token);
      expect(fieldOf(items)).toBe('items.0.skills');
      expect(await countRows(t.db)).toEqual(before);
    });
  });

  describe('cost', () => {
    const SEARCH_100 = `searchModules(input: { pageSize: 100 }) { totalHits ${HEAVY_HIT} }`;

    it('refuses 30 aliases of a 100-hit search with lessons, bodies and histories', async () => {
      const aliases = Array.from({ length: 30 }, (_, i) => `s${i}: ${SEARCH_100}`).join(' ');
      const res = await t.gql(`{ ${aliases} }`);
      expect(errorCode(res)).toBe('BAD_USER_INPUT');
      expect(res.errors![0].message).toMatch(/^Query too costly/);
      expect(res.data).toBeUndefined();
    });

    it('counts page sizes given in variables and selections hidden in fragments', async () => {
      const query = `query($size: Int!) { a: searchModules(input: { pageSize: $size }) { ...Page } b: searchModules(input: { pageSize: $size }) { ...Page } }
        fragment Page on ModuleSearchResult { ${HEAVY_HIT} }`;
      expect(errorCode(await t.gql(query, { size: 100 }))).toBe('BAD_USER_INPUT');
      expect(errorCode(await t.gql(query, { size: 5 }))).toBeUndefined();
    });

    it('refuses a fragment bomb (each fragment spreading the previous one twice) at once', async () => {
      const fragments = [`fragment F0 on Query { categories { slug } }`, ...Array.from({ length: 24 }, (_, i) => `fragment F${i + 1} on Query { ...F${i} ...F${i} }`)];
      const started = performance.now();
      const res = await t.gql(`query { ...F24 } ${fragments.join(' ')}`);
      expect(errorCode(res)).toBe('BAD_USER_INPUT');
      expect(res.errors![0].message).toMatch(/^Query too costly: more than 10000 selections/);
      expect(performance.now() - started).toBeLessThan(2_000);
    });

    it('lets ordinary pages through: the README search, a page of 20 with facets, a curator queue', async () => {
      const readme = await t.gql(`{ searchModules(input: { query: "pemasran digtal", priceIdr: [0], pageSize: 3 }) { totalHits hits { module { title slug } highlight { title } } facets { category { value count } } } }`);
      expect(readme.errors).toBeUndefined();
      const page = await t.gql(`{ searchModules(input: { query: "excel", pageSize: 20 }) { totalHits page totalPages hits { module { id slug title summary priceIdr level durationMinutes ratingAverage ratingCount enrollmentCount
        category { slug name } contributor { id displayName contributorKind } } highlight { title summary } }
        facets { category { value count } level { value count } language { value count } deliveryMode { value count } priceIdr { value count } certificate { value count } } } }`);
      expect(page.errors).toBeUndefined();
      const queue = await t.gql(`{ moderationQueue(first: 50) { totalCount nodes { id title status version moderationChecks { code message relatedModuleIds } lessons { id title kind } } pageInfo { endCursor hasNextPage } } }`, {}, curatorToken);
      expect(queue.errors).toBeUndefined();
    });

    it('lets the standard introspection query through outside production (GraphiQL, code generators)', async () => {
      const introspection = await t.gql<{ __schema: { types: unknown[] } }>(getIntrospectionQuery());
      expect(introspection.errors).toBeUndefined();
      expect(introspection.data?.__schema.types.length).toBeGreaterThan(50);
    });
  });

  describe('shape', () => {
    it('refuses a query deeper than 12 levels, also through fragments', async () => {
      const nest = (levels: number) => Array.from({ length: levels }, () => 'myEnrollment { module {').join(' ') + ' id ' + '} }'.repeat(levels);
      expect(errorCode(await t.gql(`{ module(slug: "x") { ${nest(6)} } }`))).toBe('BAD_USER_INPUT');
      const viaFragment = await t.gql(`{ module(slug: "x") { ...Deep } } fragment Deep on Module { ${nest(6)} }`);
      expect(errorCode(viaFragment)).toBe('BAD_USER_INPUT');
      expect(viaFragment.errors![0].message).toMatch(/depth/i);
      expect(errorCode(await t.gql(`{ module(slug: "tidak-ada") { ${nest(2)} } }`))).toBe('NOT_FOUND');
    });

    it('refuses more than 30 aliases', async () => {
      const aliases = Array.from({ length: 31 }, (_, i) => `c${i}: categories { slug }`).join(' ');
      const res = await t.gql(`{ ${aliases} }`);
      expect(errorCode(res)).toBe('BAD_USER_INPUT');
      expect(res.errors![0].message).toMatch(/aliases/i);
    });

    it('stops parsing a document of more than GRAPHQL_MAX_TOKENS tokens', async () => {
      const res = await t.gql(`{ categories { ${Array(5_000).fill('slug').join(' ')} } }`);
      expect(errorCode(res)).toBe('BAD_USER_INPUT');
      expect(res.errors![0].message).toMatch(/5000 tokens/);
      expect(res.status).toBe(400);
      expect((await t.gql(`{ categories { ${Array(100).fill('slug').join(' ')} } }`)).errors).toBeUndefined();
    });
  });
});
