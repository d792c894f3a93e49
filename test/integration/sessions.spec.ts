import { JwtService } from '@nestjs/jwt';
import { randomUUID } from 'node:crypto';
import { APP_CONFIG, AppConfig } from '../../src/config/config';
import { Account, beneficiaryInput, countRows, createCurator, REGISTER_BENEFICIARY, registerContributor } from '../factories/accounts';
import { ADMIN, ADMIN_ENV } from '../factories/learning';
import { publishedModule } from '../factories/modules';
import { pollUntil } from '../support/poll';
import { errorCode, startTestApp, TestApp } from '../support/test-app';

jest.setTimeout(60_000);

const LOGIN = `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken user { id } } }`;
const ME = `{ me { id } }`;
const MY_MODULES = `{ myModules { totalCount } }`;
const LOGOUT = `mutation($everywhere: Boolean) { logout(everywhere: $everywhere) }`;
const CHANGE_PASSWORD = `mutation($current: String!, $next: String!) {
  changePassword(currentPassword: $current, newPassword: $next) { accessToken user { id email } }
}`;
const SUSPEND = `mutation($userId: ID!, $reason: String!) { suspendAccount(userId: $userId, reason: $reason) { id suspendedAt } }`;
const REINSTATE = `mutation($userId: ID!) { reinstateAccount(userId: $userId) { id suspendedAt } }`;
const PASSWORD = 'rahasia-kuat-123';

interface Member extends Account {
  email: string;
}

async function login(t: TestApp, email: string, password: string): Promise<string> {
  const res = await t.gql(LOGIN, { e: email, p: password });
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data!.login.accessToken;
}

async function registerMember(t: TestApp): Promise<Member> {
  const input = beneficiaryInput();
  const res = await t.gql(REGISTER_BENEFICIARY, { input });
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return { id: res.data!.registerBeneficiary.user.id, token: res.data!.registerBeneficiary.accessToken, email: input.email };
}

/** What a refused password change must leave as it was. */
const credentials = async (t: TestApp, userId: string) =>
  (await t.db.query(`SELECT password_hash, token_version, updated_at FROM users WHERE id = $1`, [userId]))[0];

describe('sessions that end', () => {
  let t: TestApp;
  let admin: Account;

  beforeAll(async () => {
    t = await startTestApp(ADMIN_ENV);
    const token = await login(t, ADMIN.email, ADMIN.password);
    admin = { id: (await t.gql(ME, {}, token)).data!.me.id, token };
  });
  afterAll(() => t.close());

  it('logout ends the token of this device at once, and only that one', async () => {
    const member = await registerMember(t);
    const otherDevice = await login(t, member.email, PASSWORD);

    expect((await t.gql(LOGOUT, {}, member.token)).data).toEqual({ logout: true });
    expect(errorCode(await t.gql(ME, {}, member.token))).toBe('UNAUTHENTICATED');
    expect(errorCode(await t.gql(LOGOUT, {}, member.token))).toBe('UNAUTHENTICATED');
    expect((await t.gql(ME, {}, otherDevice)).data!.me).toEqual({ id: member.id });
    const revoked = await t.db.query(`SELECT user_id, expires_at > now() AS pending FROM revoked_tokens WHERE user_id = $1`, [member.id]);
    expect(revoked).toEqual([{ user_id: member.id, pending: true }]);
  });

  it('logout everywhere ends every token of the account; a new login works', async () => {
    const member = await registerMember(t);
    const otherDevice = await login(t, member.email, PASSWORD);

    expect((await t.gql(LOGOUT, { everywhere: true }, member.token)).data).toEqual({ logout: true });
    expect(errorCode(await t.gql(ME, {}, member.token))).toBe('UNAUTHENTICATED');
    expect(errorCode(await t.gql(ME, {}, otherDevice))).toBe('UNAUTHENTICATED');
    expect((await t.gql(ME, {}, await login(t, member.email, PASSWORD))).data!.me).toEqual({ id: member.id });
  });

  it('logout needs a token', async () => {
    const before = await countRows(t.db);
    expect(errorCode(await t.gql(LOGOUT))).toBe('UNAUTHENTICATED');
    expect(await countRows(t.db)).toEqual(before);
  });

  it('changePassword ends the old tokens and the old password, and answers a working token', async () => {
    const member = await registerMember(t);
    const otherDevice = await login(t, member.email, PASSWORD);

    const changed = await t.gql(CHANGE_PASSWORD, { current: PASSWORD, next: 'kata-sandi-baru-456' }, member.token);
    expect(changed.errors).toBeUndefined();
    expect(changed.data!.changePassword.user).toEqual({ id: member.id, email: member.email });
    const fresh = changed.data!.changePassword.accessToken;

    expect(errorCode(await t.gql(ME, {}, member.token))).toBe('UNAUTHENTICATED');
    expect(errorCode(await t.gql(ME, {}, otherDevice))).toBe('UNAUTHENTICATED');
    expect((await t.gql(ME, {}, fresh)).data!.me).toEqual({ id: member.id });
    expect(errorCode(await t.gql(LOGIN, { e: member.email, p: PASSWORD }))).toBe('UNAUTHENTICATED');
    expect((await t.gql(ME, {}, await login(t, member.email, 'kata-sandi-baru-456'))).data!.me).toEqual({ id: member.id });
  });

  it.each([
    ['a wrong current password', { current: 'bukan-kata-sandinya', next: 'kata-sandi-baru-456' }, 'currentPassword'],
    ['the current password again', { current: PASSWORD, next: PASSWORD }, 'newPassword'],
    ['a new password under 10 characters', { current: PASSWORD, next: 'pendek' }, 'newPassword'],
    ['a new password over 200 characters', { current: PASSWORD, next: 'x'.repeat(201) }, 'newPassword'],
    ['an empty current password', { current: '', next: 'kata-sandi-baru-456' }, 'currentPassword'],
  ])('changePassword refuses %s with BAD_USER_INPUT and writes nothing', async (_label, variables, field) => {
    const member = await registerMember(t);
    const before = { rows: await countRows(t.db), credentials: await credentials(t, member.id) };

    const res = await t.gql(CHANGE_PASSWORD, variables, member.token);
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0].extensions.fields!.map((f) => f.field)).toEqual([field]);
    expect({ rows: await countRows(t.db), credentials: await credentials(t, member.id) }).toEqual(before);
    expect((await t.gql(ME, {}, member.token)).data!.me).toEqual({ id: member.id });
  });

  it('changePassword needs a token', async () => {
    expect(errorCode(await t.gql(CHANGE_PASSWORD, { current: PASSWORD, next: 'kata-sandi-baru-456' }))).toBe('UNAUTHENTICATED');
  });

  it('suspension ends every token and refuses login; reinstatement allows login again, the old tokens stay ended', async () => {
    const contributor = await registerContributor(t, { email: `ditangguhkan-${Date.now()}@example.id` });
    const email = (await t.db.query(`SELECT email FROM users WHERE id = $1`, [contributor.id]))[0].email;
    const otherDevice = await login(t, email, PASSWORD);
    expect((await t.gql(MY_MODULES, {}, contributor.token)).data!.myModules).toEqual({ totalCount: 0 });

    const suspended = await t.gql(SUSPEND, { userId: contributor.id, reason: '  Mengunggah materi bajakan berulang kali.  ' }, admin.token);
    expect(suspended.errors).toBeUndefined();
    expect(suspended.data!.suspendAccount.id).toBe(contributor.id);
    expect(new Date(suspended.data!.suspendAccount.suspendedAt).getTime()).toBeGreaterThan(Date.now() - 60_000);

    // The roles guard and me both see it.
    expect(errorCode(await t.gql(MY_MODULES, {}, contributor.token))).toBe('UNAUTHENTICATED');
    expect(errorCode(await t.gql(ME, {}, otherDevice))).toBe('UNAUTHENTICATED');
    const refused = await t.gql(LOGIN, { e: email, p: PASSWORD });
    expect(errorCode(refused)).toBe('FORBIDDEN');
    expect(refused.data).toBeNull();
    // A wrong password learns nothing about the suspension.
    const wrongPassword = await t.gql(LOGIN, { e: email, p: 'bukan-kata-sandinya' });
    const unknownEmail = await t.gql(LOGIN, { e: 'tidak-ada@example.id', p: PASSWORD });
    expect(errorCode(wrongPassword)).toBe('UNAUTHENTICATED');
    expect(wrongPassword.errors![0].message).toBe(unknownEmail.errors![0].message);

    const reinstated = await t.gql(REINSTATE, { userId: contributor.id }, admin.token);
    expect(reinstated.data!.reinstateAccount).toEqual({ id: contributor.id, suspendedAt: null });
    expect(errorCode(await t.gql(MY_MODULES, {}, contributor.token))).toBe('UNAUTHENTICATED');
    expect((await t.gql(MY_MODULES, {}, await login(t, email, PASSWORD))).data!.myModules).toEqual({ totalCount: 0 });

    const history = await t.db.query(
      `SELECT action, reason, actor_id, created_at > now() - interval '1 minute' AS recent FROM account_suspension_events WHERE user_id = $1 ORDER BY seq`,
      [contributor.id],
    );
    expect(history).toEqual([
      { action: 'SUSPEND', reason: 'Mengunggah materi bajakan berulang kali.', actor_id: admin.id, recent: true },
      { action: 'REINSTATE', reason: null, actor_id: admin.id, recent: true },
    ]);
    await expect(t.db.query(`UPDATE account_suspension_events SET reason = 'diubah' WHERE user_id = $1`, [contributor.id])).rejects.toThrow(/append-only/);
  });

  it('shows suspendedAt to admins only', async () => {
    const owner = await registerContributor(t);
    const module = await publishedModule(t, owner.token, (await createCurator(t)).token);
    await t.gql(SUSPEND, { userId: owner.id, reason: 'Akun dipakai bersama untuk spam.' }, admin.token);
    const CONTRIBUTOR = `query($id: ID!) { module(id: $id) { contributor { id suspendedAt } } }`;
    const asAdmin = await t.gql(CONTRIBUTOR, { id: module.id }, admin.token);
    const anonymous = await t.gql(CONTRIBUTOR, { id: module.id });
    const asBeneficiary = await t.gql(CONTRIBUTOR, { id: module.id }, (await registerMember(t)).token);
    expect(asAdmin.data!.module.contributor.suspendedAt).not.toBeNull();
    expect(anonymous.data!.module.contributor).toEqual({ id: owner.id, suspendedAt: null });
    expect(asBeneficiary.data!.module.contributor).toEqual({ id: owner.id, suspendedAt: null });
  });

  it('lets only admins suspend and reinstate: FORBIDDEN for others, UNAUTHENTICATED without a token, nothing written', async () => {
    const target = await registerMember(t);
    const curator = await createCurator(t);
    const contributor = await registerContributor(t);
    const before = await countRows(t.db);
    const variables = { userId: target.id, reason: 'Alasan yang cukup panjang.' };
    expect(errorCode(await t.gql(SUSPEND, variables))).toBe('UNAUTHENTICATED');
    for (const token of [curator.token, contributor.token, target.token]) {
      expect(errorCode(await t.gql(SUSPEND, variables, token))).toBe('FORBIDDEN');
      expect(errorCode(await t.gql(REINSTATE, { userId: target.id }, token))).toBe('FORBIDDEN');
    }
    expect(await countRows(t.db)).toEqual(before);
    expect((await t.gql(ME, {}, target.token)).data!.me).toEqual({ id: target.id });
  });

  it('refuses bad suspensions with a contract code and writes nothing', async () => {
    const target = await registerMember(t);
    const suspendedAlready = await registerMember(t);
    await t.gql(SUSPEND, { userId: suspendedAlready.id, reason: 'Sudah ditangguhkan sebelumnya.' }, admin.token);
    const before = await countRows(t.db);
    const versions = async () => t.db.query(`SELECT id, token_version, suspended_at FROM users ORDER BY id`);
    const versionsBefore = await versions();

    const cases: [Record<string, unknown>, string, string | undefined][] = [
      [{ userId: admin.id, reason: 'Menangguhkan diri sendiri.' }, 'FORBIDDEN', undefined],
      // Ids that are not UUIDs name nothing, as everywhere in the API.
      [{ userId: 'bukan-id', reason: 'Alasan yang cukup panjang.' }, 'NOT_FOUND', undefined],
      [{ userId: target.id, reason: '  ab  ' }, 'BAD_USER_INPUT', 'reason'],
      [{ userId: target.id, reason: 'x'.repeat(1001) }, 'BAD_USER_INPUT', 'reason'],
      [{ userId: '00000000-0000-4000-8000-000000000000', reason: 'Akun yang tidak ada.' }, 'NOT_FOUND', undefined],
      [{ userId: suspendedAlready.id, reason: 'Ditangguhkan dua kali.' }, 'CONFLICT', undefined],
    ];
    for (const [variables, code, field] of cases) {
      const res = await t.gql(SUSPEND, variables, admin.token);
      expect([errorCode(res), res.errors![0].extensions.fields?.map((f) => f.field)[0]]).toEqual([code, field]);
    }
    expect(errorCode(await t.gql(REINSTATE, { userId: target.id }, admin.token))).toBe('CONFLICT');
    expect(errorCode(await t.gql(REINSTATE, { userId: 'bukan-id' }, admin.token))).toBe('NOT_FOUND');
    expect(errorCode(await t.gql(REINSTATE, { userId: '00000000-0000-4000-8000-000000000000' }, admin.token))).toBe('NOT_FOUND');

    expect(await countRows(t.db)).toEqual(before);
    expect(await versions()).toEqual(versionsBefore);
    expect((await t.gql(ME, {}, target.token)).data!.me).toEqual({ id: target.id });
  });

  it('refuses forged and malformed tokens, those issued before sessions could end, and those of an older version', async () => {
    const member = await registerMember(t);
    const ourSecret = new JwtService({ secret: t.app.get<AppConfig>(APP_CONFIG).jwtSecret, signOptions: { expiresIn: 600 } });
    const tokens = [
      new JwtService({ secret: 'another-secret-that-is-long-enough-0123', signOptions: { expiresIn: 600 } }).sign({ sub: member.id, role: 'ADMIN', ver: 0, jti: randomUUID() }),
      ourSecret.sign({ sub: member.id, role: 'BENEFICIARY' }),
      ourSecret.sign({ sub: member.id, role: 'BENEFICIARY', ver: -1, jti: randomUUID() }),
      'not-a-token',
      `${member.token}x`,
    ];
    for (const token of tokens) expect(errorCode(await t.gql(ME, {}, token))).toBe('UNAUTHENTICATED');
    // The role comes from the database, not from the claims.
    const claimsAdmin = ourSecret.sign({ sub: member.id, role: 'ADMIN', ver: 0, jti: randomUUID() });
    expect(errorCode(await t.gql(SUSPEND, { userId: admin.id, reason: 'Peran palsu di token.' }, claimsAdmin))).toBe('FORBIDDEN');
  });
});

describe('password guessing through changePassword', () => {
  const LIMIT = 3;
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ LOGIN_FAILURES_PER_ACCOUNT: String(LIMIT) });
  });
  afterAll(() => t.close());

  it('counts a wrong current password as a failed login of the account', async () => {
    const member = await registerMember(t);
    for (let attempt = 0; attempt < LIMIT; attempt++) {
      expect(errorCode(await t.gql(CHANGE_PASSWORD, { current: `tebakan-ke-${attempt}`, next: 'kata-sandi-baru-456' }, member.token))).toBe('BAD_USER_INPUT');
    }
    expect(errorCode(await t.gql(CHANGE_PASSWORD, { current: PASSWORD, next: 'kata-sandi-baru-456' }, member.token))).toBe('RATE_LIMITED');
    expect(errorCode(await t.gql(LOGIN, { e: member.email, p: PASSWORD }))).toBe('RATE_LIMITED');
  });
});

describe('sessions across processes', () => {
  const TTL_MS = 1_000;
  let first: TestApp;
  let second: TestApp;

  beforeAll(async () => {
    first = await startTestApp({ ...ADMIN_ENV, SESSION_CACHE_TTL_MS: String(TTL_MS) });
    second = await startTestApp({ SESSION_CACHE_TTL_MS: String(TTL_MS) }, first);
  });
  afterAll(async () => {
    await second?.close();
    await first?.close();
  });

  /** Polls the second process until the token is refused; the bound is the TTL (plus a margin for slow machines). */
  const refusedBySecond = (token: string) =>
    pollUntil(async () => (errorCode(await second.gql(ME, {}, token)) === 'UNAUTHENTICATED' ? true : undefined), TTL_MS + 4_000, 'the second process to refuse the token');

  it('a logout in one process ends the token in the other within the TTL', async () => {
    const member = await registerMember(first);
    // The second process has read (and cached) the token as standing.
    expect((await second.gql(ME, {}, member.token)).data!.me).toEqual({ id: member.id });

    await first.gql(LOGOUT, {}, member.token);
    expect(errorCode(await first.gql(ME, {}, member.token))).toBe('UNAUTHENTICATED');
    const { elapsedMs } = await refusedBySecond(member.token);
    expect(elapsedMs).toBeLessThan(TTL_MS + 4_000);
  });

  it('a password change in one process ends the old tokens in the other within the TTL', async () => {
    const member = await registerMember(first);
    expect((await second.gql(ME, {}, member.token)).data!.me).toEqual({ id: member.id });

    const changed = await first.gql(CHANGE_PASSWORD, { current: PASSWORD, next: 'kata-sandi-baru-456' }, member.token);
    await refusedBySecond(member.token);
    expect((await second.gql(ME, {}, changed.data!.changePassword.accessToken)).data!.me).toEqual({ id: member.id });
  });

  it('a suspension in one process ends the tokens in the other within the TTL', async () => {
    const member = await registerMember(first);
    const adminToken = await login(first, ADMIN.email, ADMIN.password);
    expect((await second.gql(ME, {}, member.token)).data!.me).toEqual({ id: member.id });

    expect((await first.gql(SUSPEND, { userId: member.id, reason: 'Diuji dari proses lain.' }, adminToken)).errors).toBeUndefined();
    await refusedBySecond(member.token);
    expect(errorCode(await second.gql(LOGIN, { e: member.email, p: PASSWORD }))).toBe('FORBIDDEN');
  });
});
