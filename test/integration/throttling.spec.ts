import { randomBytes } from 'node:crypto';
import { contributorInput, countRows, REGISTER_CONTRIBUTOR } from '../factories/accounts';
import { CREATE_MODULE, moduleInput } from '../factories/modules';
import { from, HttpAnswer, postGraphQL } from '../support/http';
import { startTestApp, TestApp } from '../support/test-app';

const LOGIN = `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }`;
const PASSWORD = 'rahasia-kuat-123';
const THROTTLES = {
  TRUST_PROXY: 'loopback',
  LOGIN_FAILURES_PER_ACCOUNT: '10',
  LOGIN_FAILURES_PER_ADDRESS: '10',
  REGISTRATIONS_PER_ADDRESS: '3',
  WRITES_PER_USER_PER_MINUTE: '5',
};

let addresses = 0;
/** A client address no other test uses (counters outlive a test). */
const newAddress = () => `198.51.100.${++addresses}`;
const code = (answer: HttpAnswer): string | undefined => answer.body.errors?.[0]?.extensions.code;

async function register(t: TestApp, address = newAddress()): Promise<{ email: string; token: string }> {
  const input = contributorInput();
  const answer = await postGraphQL(t, { query: REGISTER_CONTRIBUTOR, variables: { input } }, from(address));
  if (answer.body.errors) throw new Error(JSON.stringify(answer.body.errors));
  return { email: input.email, token: answer.body.data.registerContributor.accessToken };
}

const login = (t: TestApp, email: string, password: string, address: string) => postGraphQL(t, { query: LOGIN, variables: { e: email, p: password } }, from(address));

function expectRateLimited(answer: HttpAnswer, maxSeconds: number): void {
  expect(code(answer)).toBe('RATE_LIMITED');
  const wait = answer.body.errors[0].extensions.retryAfterSeconds;
  expect(wait).toBeGreaterThan(0);
  expect(wait).toBeLessThanOrEqual(maxSeconds);
  expect(answer.headers.get('retry-after')).toBe(String(wait));
}

describe('throttling', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(THROTTLES);
  });
  afterAll(() => t.close());

  it('refuses the 11th failed login for one account, from 11 different addresses, even with the right password', async () => {
    const { email } = await register(t);
    for (let i = 0; i < 10; i++) expect(code(await login(t, email, 'wrong-password', newAddress()))).toBe('UNAUTHENTICATED');
    expectRateLimited(await login(t, email, 'wrong-password', newAddress()), 900);
    expectRateLimited(await login(t, email, PASSWORD, newAddress()), 900);
    // Another account is not affected.
    const other = await register(t);
    expect((await login(t, other.email, PASSWORD, newAddress())).body.data.login.accessToken).toEqual(expect.any(String));
  });

  it('refuses the 11th failed login from one address, over 11 different accounts', async () => {
    const address = newAddress();
    for (let i = 0; i < 10; i++) expect(code(await login(t, `tidak-ada-${i}-${randomBytes(3).toString('hex')}@example.id`, 'wrong-password', address))).toBe('UNAUTHENTICATED');
    const { email } = await register(t);
    expectRateLimited(await login(t, email, PASSWORD, address), 900);
    expect((await login(t, email, PASSWORD, newAddress())).body.data.login.accessToken).toEqual(expect.any(String));
  });

  it("forgives the owner's own failures on success, never someone else's", async () => {
    const { email } = await register(t);
    const owner = newAddress();
    const attacker = newAddress();
    for (let i = 0; i < 3; i++) expect(code(await login(t, email, 'typo-password', owner))).toBe('UNAUTHENTICATED');
    for (let i = 0; i < 6; i++) expect(code(await login(t, email, 'guessed-password', attacker))).toBe('UNAUTHENTICATED');
    expect((await login(t, email, PASSWORD, owner)).body.data.login.accessToken).toEqual(expect.any(String));
    // The attacker's 6 failures still count: 4 more reach the limit of 10.
    for (let i = 0; i < 4; i++) expect(code(await login(t, email, 'guessed-password', attacker))).toBe('UNAUTHENTICATED');
    expectRateLimited(await login(t, email, 'guessed-password', attacker), 900);
  });

  it('limits registrations per address, and a refused one writes nothing', async () => {
    const address = newAddress();
    for (let i = 0; i < 3; i++) await register(t, address);
    const before = await countRows(t.db);
    const refused = await postGraphQL(t, { query: REGISTER_CONTRIBUTOR, variables: { input: contributorInput() } }, from(address));
    expectRateLimited(refused, 3600);
    expect(refused.body.data).toBeNull();
    expect(await countRows(t.db)).toEqual(before);
    await register(t, newAddress());
  });

  it('limits writes per user, counting each mutation field, before any resolver runs', async () => {
    const { token } = await register(t);
    const other = await register(t);
    const address = newAddress();
    const read = (n: number) => `mutation { ${Array.from({ length: n }, (_, i) => `m${i}: markNotificationsRead(ids: [])`).join(' ')} }`;
    expect((await postGraphQL(t, { query: read(3) }, from(address, token))).body.errors).toBeUndefined();
    expect((await postGraphQL(t, { query: read(2) }, from(address, token))).body.errors).toBeUndefined();
    const before = await countRows(t.db);
    const refused = await postGraphQL(t, { query: CREATE_MODULE, variables: { input: moduleInput() } }, from(address, token));
    expect(refused.status).toBe(429);
    expectRateLimited(refused, 60);
    expect(await countRows(t.db)).toEqual(before);
    // Reads are not writes, and other users have their own budget.
    expect((await postGraphQL(t, { query: '{ me { id } }' }, from(address, token))).body.errors).toBeUndefined();
    expect((await postGraphQL(t, { query: CREATE_MODULE, variables: { input: moduleInput() } }, from(address, other.token))).body.errors).toBeUndefined();
  });
});

describe('client address without TRUST_PROXY', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ LOGIN_FAILURES_PER_ADDRESS: '3' });
  });
  afterAll(() => t.close());

  it('ignores X-Forwarded-For, so a client cannot pose as many addresses', async () => {
    for (let i = 0; i < 3; i++) expect(code(await login(t, `orang-${i}-${randomBytes(3).toString('hex')}@example.id`, 'wrong-password', newAddress()))).toBe('UNAUTHENTICATED');
    expectRateLimited(await login(t, `orang-lain-${randomBytes(3).toString('hex')}@example.id`, 'wrong-password', newAddress()), 900);
  });
});

(process.env.REDIS_URL ? describe : describe.skip)('throttling shared through Redis', () => {
  let first: TestApp;
  let second: TestApp;
  beforeAll(async () => {
    // Two replicas of one deployment: the same Redis namespace, so the same counters.
    const shared = { ...THROTTLES, LOGIN_FAILURES_PER_ACCOUNT: '4', QUEUE_PREFIX: `test-${randomBytes(4).toString('hex')}` };
    [first, second] = await Promise.all([startTestApp(shared), startTestApp(shared)]);
  });
  afterAll(() => Promise.all([first.close(), second.close()]));

  it('counts failed logins of one account across replicas', async () => {
    const email = `bersama-${randomBytes(3).toString('hex')}@example.id`;
    for (const replica of [first, second, first, second]) expect(code(await login(replica, email, 'wrong-password', newAddress()))).toBe('UNAUTHENTICATED');
    expectRateLimited(await login(first, email, 'wrong-password', newAddress()), 900);
    expectRateLimited(await login(second, email, 'wrong-password', newAddress()), 900);
  });
});
