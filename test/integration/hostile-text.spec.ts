import { contributorInput, countRows, REGISTER_CONTRIBUTOR } from '../factories/accounts';
import { ADMIN_ENV } from '../factories/learning';
import { errorCode, startTestApp, TestApp } from '../support/test-app';

/** Input the database or the validators cannot take is refused as bad input, never a 500 (cases the fuzz test found). */
describe('hostile text and request envelopes', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ ...ADMIN_ENV, NODE_ENV: 'production' });
  });
  afterAll(() => t.close());

  it('refuses U+0000 wherever PostgreSQL would meet it, writing nothing', async () => {
    const before = await countRows(t.db);
    const login = await t.gql(`mutation($e: String!) { login(email: $e, password: "rahasia-kuat-123") { accessToken } }`, { e: 'sari\u0000@example.id' });
    const bySlug = await t.gql(`{ module(slug: "dasar-excel\\u0000") { id } }`);
    const register = await t.gql(REGISTER_CONTRIBUTOR, { input: contributorInput({ displayName: 'Sari\u0000Wulandari' }) });
    for (const res of [login, bySlug, register]) {
      expect(errorCode(res)).toBe('BAD_USER_INPUT');
      expect(res.errors![0].message).toBe('Invalid input: text must not contain the NUL character (U+0000)');
    }
    expect(await countRows(t.db)).toEqual(before);
  });

  it('refuses a lone surrogate on its field before a validator can throw on it, writing nothing', async () => {
    const before = await countRows(t.db);
    const register = await t.gql(REGISTER_CONTRIBUTOR, { input: contributorInput({ email: '\uDFFFsari@example.id' }) });
    expect(errorCode(register)).toBe('BAD_USER_INPUT');
    expect(register.errors![0].extensions.fields).toEqual([{ field: 'email', message: 'must be well-formed Unicode text (no lone surrogate)' }]);
    const scalar = await t.gql(`mutation($e: String!) { login(email: $e, password: "rahasia-kuat-123") { accessToken } }`, { e: 'sari\uD83D@example.id' });
    expect(scalar.errors![0].extensions).toEqual({ code: 'BAD_USER_INPUT', fields: [{ field: 'email', message: 'must be well-formed Unicode text (no lone surrogate)' }] });
    // A well-formed pair (an emoji) is text like any other.
    expect(errorCode(await t.gql(`{ searchModules(input: { query: "kopi ☕ 👩‍🍳" }) { totalHits } }`))).toBeUndefined();
    expect(await countRows(t.db)).toEqual(before);
  });

  it('answers a persisted-query hash or version Apollo cannot use as BAD_USER_INPUT', async () => {
    for (const persistedQuery of [{ version: 1, sha256Hash: 'abc' }, { version: 2, sha256Hash: 'f'.repeat(64) }]) {
      const response = await fetch(`${t.baseUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ categories { slug } }', extensions: { persistedQuery } }),
      });
      expect(response.status).toBe(400);
      expect(((await response.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe('BAD_USER_INPUT');
    }
  });
});
