import { countRows, registerBeneficiary, registerContributor } from '../factories/accounts';
import { moduleInput } from '../factories/modules';
import { postGraphQL } from '../support/http';
import { pollUntil } from '../support/poll';
import { startTestApp, TestApp } from '../support/test-app';

const MiB = 1024 * 1024;
const IMPORT = `mutation($items: [ModuleInput!]!) { importModules(items: $items) { id total } }`;
const refusedWith = (status: number) => ({ status, body: { errors: [expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) })] } });

describe('request bodies', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('refuses an anonymous body over 1 MiB with 413 and a contract code, before parsing it', async () => {
    const before = await countRows(t.db);
    const res = await postGraphQL(t, { query: `query($pad: String) { module(slug: $pad) { id } }`, variables: { pad: 'x'.repeat(MiB) } });
    expect(res).toMatchObject(refusedWith(413));
    expect(res.body.errors[0].message).toMatch(/^Request body too large: at most 1048576 bytes/);
    expect(await countRows(t.db)).toEqual(before);
    expect((await postGraphQL(t, { query: `query($pad: String) { module(slug: $pad) { id } }`, variables: { pad: 'x'.repeat(MiB - 200) } })).status).toBe(200);
  });

  it("accepts importModules over 1 MiB from a contributor, and nothing else that large", async () => {
    const owner = await registerContributor(t);
    const description = `Modul impor besar. ${'Isi deskripsi yang panjang untuk mengisi permintaan. '.repeat(360)}`.slice(0, 19_000);
    const items = Array.from({ length: 64 }, (_, i) => moduleInput({ title: `Modul Impor Besar Nomor ${i + 1}`, description }));
    const body = { query: IMPORT, variables: { items } };
    expect(JSON.stringify(body).length).toBeGreaterThan(MiB);
    const accepted = await postGraphQL(t, body, { authorization: `Bearer ${owner.token}` });
    expect(accepted.status).toBe(200);
    expect(accepted.body.data.importModules.total).toBe(64);
    // The import runs as a job: let it finish, so the row counts below see only the refused requests.
    await pollUntil(async () => {
      const job = await t.gql(`query($id: ID!) { importJob(id: $id) { state } }`, { id: accepted.body.data.importModules.id }, owner.token);
      return job.data?.importJob.state === 'SUCCEEDED' ? true : undefined;
    }, 30_000, 'the accepted import to finish');

    const notImport = await postGraphQL(t, { query: `query($pad: String) { module(slug: $pad) { id } }`, variables: { pad: 'x'.repeat(2 * MiB) } }, { authorization: `Bearer ${owner.token}` });
    expect(notImport).toMatchObject(refusedWith(413));
    const beneficiary = await registerBeneficiary(t);
    const before = await countRows(t.db);
    expect(await postGraphQL(t, body, { authorization: `Bearer ${beneficiary.token}` })).toMatchObject(refusedWith(413));
    expect(await postGraphQL(t, body, { authorization: 'Bearer forged.token.value' })).toMatchObject(refusedWith(413));
    expect(await countRows(t.db)).toEqual(before);
  });

  it('refuses malformed JSON, non-object JSON and JSON nested deeper than 32 levels with 400', async () => {
    expect(await postGraphQL(t, '{"query": "{ categories { slug } }"')).toMatchObject(refusedWith(400));
    expect(await postGraphQL(t, '"{ categories { slug } }"')).toMatchObject(refusedWith(400));
    const deep = `{"query":"{ categories { slug } }","variables":{"v":${'['.repeat(10_000)}${']'.repeat(10_000)}}}`;
    const res = await postGraphQL(t, deep);
    expect(res).toMatchObject(refusedWith(400));
    expect(res.body.errors[0].message).toMatch(/deeper than 32/);
  });

  it('keeps CSRF prevention: a simple (text/plain) POST is refused', async () => {
    const res = await postGraphQL(t, JSON.stringify({ query: 'mutation { markNotificationsRead(ids: []) }' }), { 'content-type': 'text/plain' });
    expect(res.status).toBe(400);
  });
});

describe('production mode', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ NODE_ENV: 'production', CORS_ORIGINS: 'https://prakerja.example.id, https://mitra.example.id' });
  });
  afterAll(() => t.close());

  it('refuses introspection', async () => {
    for (const query of ['{ __schema { types { name } } }', '{ __type(name: "Module") { fields { name } } }']) {
      const res = await t.gql(query);
      expect(res.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
      expect(res.data).toBeUndefined();
    }
    expect((await t.gql('{ __typename }')).data).toEqual({ __typename: 'Query' });
  });

  it('gives no field suggestions', async () => {
    const res = await t.gql('{ categorie { slug } searchModules(input: { qery: "x" }) { totalHit } }');
    expect(res.errors?.length).toBeGreaterThan(0);
    expect(JSON.stringify(res.errors)).not.toMatch(/Did you mean|categories|totalHits/);
  });

  it('serves no landing page or GraphiQL', async () => {
    const page = await fetch(`${t.baseUrl}/graphql`, { headers: { accept: 'text/html', 'apollo-require-preflight': 'true' } });
    expect(page.headers.get('content-type') ?? '').not.toContain('text/html');
    expect(await page.text()).not.toMatch(/<html|graphiql|sandbox/i);
  });

  it('sends security headers on every response, with a CSP', async () => {
    for (const response of [await fetch(`${t.baseUrl}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' }), await fetch(`${t.baseUrl}/health`)]) {
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
      expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
      expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
      expect(response.headers.get('x-powered-by')).toBeNull();
    }
  });

  it('answers CORS for allowed origins only', async () => {
    const preflight = (origin: string) =>
      fetch(`${t.baseUrl}/graphql`, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,authorization' } });
    const allowed = await preflight('https://mitra.example.id');
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://mitra.example.id');
    expect(allowed.headers.get('access-control-allow-methods')).toContain('POST');
    const other = await preflight('https://jahat.example.com');
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('CORS without an allow-list', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('sends no CORS headers: same origin only', async () => {
    const res = await fetch(`${t.baseUrl}/graphql`, { method: 'POST', headers: { origin: 'https://prakerja.example.id', 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' });
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });
});
