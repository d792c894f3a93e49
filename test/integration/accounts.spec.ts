import { errorCode, startTestApp, TestApp } from '../support/test-app';
import { REGISTER_BENEFICIARY, REGISTER_CONTRIBUTOR, beneficiaryInput, contributorInput, countRows } from '../factories/accounts';

describe('accounts over GraphQL', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ ADMIN_EMAIL: 'admin@example.id', ADMIN_PASSWORD: 'admin-password-1' });
  });
  afterAll(() => t.close());

  it('registers a beneficiary with a wallet holding the GRANT', async () => {
    const res = await t.gql(REGISTER_BENEFICIARY, { input: beneficiaryInput({ email: 'Siti@Example.id' }) });
    expect(res.errors).toBeUndefined();
    const user = res.data!.registerBeneficiary.user;
    expect(user).toMatchObject({ role: 'BENEFICIARY', email: 'siti@example.id' });
    const [wallet] = await t.db.query(`SELECT balance_idr FROM wallets WHERE user_id = $1`, [user.id]);
    expect(wallet.balance_idr).toBe(1_000_000);
    const entries = await t.db.query(`SELECT kind, amount_idr, balance_after_idr FROM ledger_entries WHERE user_id = $1`, [user.id]);
    expect(entries).toEqual([{ kind: 'GRANT', amount_idr: 1_000_000, balance_after_idr: 1_000_000 }]);
  });

  it('logs in and answers me; the same message for unknown email and wrong password', async () => {
    const input = contributorInput();
    await t.gql(REGISTER_CONTRIBUTOR, { input });
    const login = `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken user { email role contributorKind } } }`;
    const ok = await t.gql(login, { e: input.email.toUpperCase(), p: input.password });
    expect(ok.data!.login.user).toEqual({ email: input.email, role: 'CONTRIBUTOR', contributorKind: 'INDIVIDUAL' });
    const me = await t.gql(`{ me { displayName email } }`, {}, ok.data!.login.accessToken);
    expect(me.data!.me).toEqual({ displayName: input.displayName, email: input.email });

    const wrongPassword = await t.gql(login, { e: input.email, p: 'not-the-password' });
    const unknownEmail = await t.gql(login, { e: 'nobody@example.id', p: input.password });
    expect(errorCode(wrongPassword)).toBe('UNAUTHENTICATED');
    expect(errorCode(unknownEmail)).toBe('UNAUTHENTICATED');
    expect(wrongPassword.errors![0].message).toBe(unknownEmail.errors![0].message);
  });

  it('answers me with null without a token, and UNAUTHENTICATED with a bad one', async () => {
    expect((await t.gql(`{ me { id } }`)).data!.me).toBeNull();
    expect(errorCode(await t.gql(`{ me { id } }`, {}, 'not-a-token'))).toBe('UNAUTHENTICATED');
  });

  it.each([
    ['a 17-digit card number', { prakerjaCardNumber: '12345678901234567' }, 'prakerjaCardNumber'],
    ['a card number with letters', { prakerjaCardNumber: '12345678901234AB' }, 'prakerjaCardNumber'],
    ['a short password', { password: 'short' }, 'password'],
    ['a malformed email', { email: 'not-an-email' }, 'email'],
    ['21 interests', { interests: Array.from({ length: 21 }, (_, i) => `minat ${i}`) }, 'interests'],
  ])('refuses %s with BAD_USER_INPUT and writes nothing', async (_label, override, field) => {
    const before = await countRows(t.db);
    const res = await t.gql(REGISTER_BENEFICIARY, { input: beneficiaryInput(override) });
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0].extensions.fields!.map((f) => f.field)).toContain(field);
    expect(await countRows(t.db)).toEqual(before);
  });

  it('refuses a duplicate email (case-insensitive) or card number with CONFLICT and writes nothing', async () => {
    const first = beneficiaryInput();
    await t.gql(REGISTER_BENEFICIARY, { input: first });
    const before = await countRows(t.db);
    const sameEmail = await t.gql(REGISTER_BENEFICIARY, { input: beneficiaryInput({ email: first.email.toUpperCase() }) });
    const sameCard = await t.gql(REGISTER_BENEFICIARY, { input: beneficiaryInput({ prakerjaCardNumber: first.prakerjaCardNumber }) });
    const contributorSameEmail = await t.gql(REGISTER_CONTRIBUTOR, { input: contributorInput({ email: first.email }) });
    expect([errorCode(sameEmail), errorCode(sameCard), errorCode(contributorSameEmail)]).toEqual(['CONFLICT', 'CONFLICT', 'CONFLICT']);
    expect(await countRows(t.db)).toEqual(before);
  });

  it('requires organizationName for an ORGANIZATION contributor', async () => {
    const res = await t.gql(REGISTER_CONTRIBUTOR, { input: contributorInput({ kind: 'ORGANIZATION' }) });
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0].extensions.fields![0].field).toBe('organizationName');
  });

  it('lets only the admin create curators', async () => {
    const create = `mutation($i: CreateCuratorInput!) { createCurator(input: $i) { role email } }`;
    const input = { email: 'kurator@example.id', password: 'kurator-password', displayName: 'Kurator Satu' };
    const contributor = await t.gql(REGISTER_CONTRIBUTOR, { input: contributorInput() });
    const before = await countRows(t.db);
    expect(errorCode(await t.gql(create, { i: input }))).toBe('UNAUTHENTICATED');
    expect(errorCode(await t.gql(create, { i: input }, contributor.data!.registerContributor.accessToken))).toBe('FORBIDDEN');
    expect(await countRows(t.db)).toEqual(before);

    const admin = await t.gql(`mutation { login(email: "admin@example.id", password: "admin-password-1") { accessToken user { role } } }`);
    expect(admin.data!.login.user.role).toBe('ADMIN');
    const created = await t.gql(create, { i: input }, admin.data!.login.accessToken);
    expect(created.data!.createCurator).toEqual({ role: 'CURATOR', email: 'kurator@example.id' });
  });

  it('shows a user email only to the user and admins', async () => {
    const res = await t.gql(REGISTER_CONTRIBUTOR, { input: contributorInput() });
    const other = await t.gql(REGISTER_BENEFICIARY, { input: beneficiaryInput() });
    const id = res.data!.registerContributor.user.id;
    // A contributor is visible to others through their modules; here through me of another user.
    const seen = await t.gql(`{ me { id email } }`, {}, other.data!.registerBeneficiary.accessToken);
    expect(seen.data!.me.id).not.toBe(id);
    expect(seen.data!.me.email).toBe(other.data!.registerBeneficiary.user.email);
  });
});

describe('query limits', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('refuses a query with too many aliases (counted through fragments) with BAD_USER_INPUT', async () => {
    const aliases = (n: number, prefix: string) => Array.from({ length: n }, (_, i) => `${prefix}${i}: categories { slug }`).join(' ');
    expect((await t.gql(`query { ${aliases(10, 'a')} }`)).errors).toBeUndefined();
    const refused = await t.gql(`query { ${aliases(20, 'a')} ...More } fragment More on Query { ${aliases(20, 'b')} }`);
    expect(errorCode(refused)).toBe('BAD_USER_INPUT');
  });
});
