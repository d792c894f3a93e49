import { EnrolFunction1764910000000 } from '../../migrations/1764910000000-enrol-function';
import { Role } from '../../src/auth/role';
import { ModerationService } from '../../src/moderation/moderation.service';
import { JobName } from '../../src/queue/jobs';
import { Outbox } from '../../src/queue/outbox';
import { Account, createCurator, registerContributor } from '../factories/accounts';
import { ADMIN_ENV, adminToken, countWrites, ENROLL, ENROLL_LEAN, ledgerMismatches, outboxDrained, recordSpend, registerBeneficiaryWithCard } from '../factories/learning';
import { publishedModule } from '../factories/modules';
import { countQueries } from '../support/count-queries';
import { pollUntil } from '../support/poll';
import { errorCode, startTestApp, TestApp } from '../support/test-app';

jest.setTimeout(60_000);

/** The rules enroll_beneficiary (migration 1764910000000) holds, beyond learning.spec.ts's. */
describe('enrolment in one round trip', () => {
  let t: TestApp;
  let owner: Account;
  let curator: Account;
  let admin: string;

  beforeAll(async () => {
    t = await startTestApp(ADMIN_ENV);
    owner = await registerContributor(t);
    curator = await createCurator(t);
    admin = await adminToken(t);
  });
  afterAll(async () => {
    expect(await ledgerMismatches(t)).toEqual([]);
    await t.close();
  });

  const enrollmentCount = async (moduleId: string): Promise<number> => (await t.db.query(`SELECT enrollment_count FROM modules WHERE id = $1`, [moduleId]))[0].enrollment_count;

  it('is one SQL statement once the session is known', async () => {
    const module = await publishedModule(t, owner.token, curator.token, { priceIdr: 1 });
    const beneficiary = await registerBeneficiaryWithCard(t);
    await t.gql(`{ myWallet { balanceIdr } }`, {}, beneficiary.token);

    let response: any;
    const queries = await countQueries(t, async () => (response = await t.gql(ENROLL_LEAN, { moduleId: module.id }, beneficiary.token)));
    expect(response.data.enroll).toMatchObject({ status: 'ACTIVE', chargedIdr: 1 });
    expect(queries).toEqual([expect.stringContaining('enroll_beneficiary(')]);
  });

  it('writes its outbox rows as Outbox.enqueue does, and the relay runs them', async () => {
    const module = await publishedModule(t, owner.token, curator.token, { priceIdr: 1 });
    const beneficiary = await registerBeneficiaryWithCard(t);
    await recordSpend(t, admin, beneficiary.card, 999_999, `leave-one-${beneficiary.id}`);
    await outboxDrained(t);
    const [{ last }] = await t.db.query(`SELECT coalesce(max(id), 0) AS last FROM outbox_events`);

    expect((await t.gql(ENROLL_LEAN, { moduleId: module.id }, beneficiary.token)).data!.enroll.chargedIdr).toBe(1);
    await t.app.get(Outbox).enqueue(t.db.manager, JobName.SYNC_MODULE, { moduleId: module.id });
    await outboxDrained(t);

    const rows = await t.db.query(
      `SELECT job, payload, attempts, retries, last_error, claim_token, done_at IS NOT NULL AS done FROM outbox_events WHERE id > $1 ORDER BY id`,
      [last],
    );
    const [fee] = await t.db.query(`SELECT id FROM ledger_entries WHERE user_id = $1 AND kind = 'ENROLLMENT_FEE'`, [beneficiary.id]);
    const handled = { attempts: 0, retries: 0, last_error: null, claim_token: null, done: true };
    const sync = { job: JobName.SYNC_MODULE, payload: { moduleId: module.id }, ...handled };
    // The fee took the last Rp1: the function's two rows, then enqueue's own.
    expect(rows).toEqual([{ job: JobName.NOTIFY_CREDIT_EXHAUSTED, payload: { userId: beneficiary.id, ledgerEntryId: fee.id }, ...handled }, sync, sync]);
  });

  it('keeps the balance exact under concurrent enrolments of one beneficiary: fees while the credit lasts, then waivers, one exhaustion', async () => {
    const modules = [];
    for (let i = 0; i < 8; i++) modules.push(await publishedModule(t, owner.token, curator.token, { priceIdr: 1 }));
    const beneficiary = await registerBeneficiaryWithCard(t);
    await recordSpend(t, admin, beneficiary.card, 999_997, `leave-three-${beneficiary.id}`);
    const [{ last }] = await t.db.query(`SELECT coalesce(max(id), 0) AS last FROM outbox_events`);

    const results = await Promise.all(modules.map((module) => t.gql(ENROLL_LEAN, { moduleId: module.id }, beneficiary.token)));
    expect(results.filter((res) => res.errors)).toEqual([]);
    expect(results.map((res) => res.data!.enroll.chargedIdr).sort()).toEqual([0, 0, 0, 0, 0, 1, 1, 1]);

    const entries = await t.db.query(`SELECT kind, amount_idr, balance_after_idr FROM ledger_entries WHERE user_id = $1 AND enrollment_id IS NOT NULL ORDER BY seq`, [beneficiary.id]);
    expect(entries).toEqual([
      { kind: 'ENROLLMENT_FEE', amount_idr: -1, balance_after_idr: 2 },
      { kind: 'ENROLLMENT_FEE', amount_idr: -1, balance_after_idr: 1 },
      { kind: 'ENROLLMENT_FEE', amount_idr: -1, balance_after_idr: 0 },
      ...Array.from({ length: 5 }, () => ({ kind: 'FEE_WAIVED', amount_idr: 0, balance_after_idr: 0 })),
    ]);
    const [wallet] = await t.db.query(`SELECT balance_idr FROM wallets WHERE user_id = $1`, [beneficiary.id]);
    expect(wallet.balance_idr).toBe(0);
    const charged = await t.db.query(`SELECT e.charged_idr, l.amount_idr FROM enrollments e JOIN ledger_entries l ON l.enrollment_id = e.id WHERE e.beneficiary_id = $1`, [beneficiary.id]);
    expect(charged.every((row: { charged_idr: number; amount_idr: number }) => row.charged_idr === -row.amount_idr)).toBe(true);
    const [{ exhausted }] = await t.db.query(`SELECT count(*)::int AS exhausted FROM outbox_events WHERE id > $1 AND job = $2`, [last, JobName.NOTIFY_CREDIT_EXHAUSTED]);
    expect(exhausted).toBe(1);
    for (const module of modules) expect(await enrollmentCount(module.id)).toBe(1);
    expect(await ledgerMismatches(t)).toEqual([]);
  });

  it('a waived enrolment leaves the balance and the exhaustion alone', async () => {
    const module = await publishedModule(t, owner.token, curator.token, { priceIdr: 1 });
    const beneficiary = await registerBeneficiaryWithCard(t);
    await recordSpend(t, admin, beneficiary.card, 1_000_000, `spend-all-${beneficiary.id}`);
    const [{ last }] = await t.db.query(`SELECT coalesce(max(id), 0) AS last FROM outbox_events`);

    expect((await t.gql(ENROLL_LEAN, { moduleId: module.id }, beneficiary.token)).data!.enroll).toMatchObject({ status: 'ACTIVE', chargedIdr: 0 });
    const jobs = await t.db.query(`SELECT job FROM outbox_events WHERE id > $1`, [last]);
    expect(jobs).toEqual([{ job: JobName.SYNC_MODULE }]);
    const [wallet] = await t.db.query(`SELECT balance_idr FROM wallets WHERE user_id = $1`, [beneficiary.id]);
    expect(wallet.balance_idr).toBe(0);
    expect(await enrollmentCount(module.id)).toBe(1);
  });

  it('its migration goes down (no function left) and up again', async () => {
    const migration = new EnrolFunction1764910000000();
    const runner = t.db.createQueryRunner();
    try {
      await migration.down(runner);
      expect(await runner.query(`SELECT count(*)::int AS n FROM pg_proc WHERE proname = 'enroll_beneficiary'`)).toEqual([{ n: 0 }]);
      await migration.up(runner);
    } finally {
      await runner.release();
    }
    const module = await publishedModule(t, owner.token, curator.token, { priceIdr: 1 });
    const beneficiary = await registerBeneficiaryWithCard(t);
    expect((await t.gql(ENROLL_LEAN, { moduleId: module.id }, beneficiary.token)).data!.enroll).toMatchObject({ status: 'ACTIVE', chargedIdr: 1 });
  });

  (process.env.DATABASE_URL ? it : it.skip)('an unpublish that commits while the enrolment waits for the module row undoes the whole enrolment (PostgreSQL only: PGlite runs one transaction at a time)', async () => {
    const moderation = t.app.get(ModerationService);
    const curatorViewer = { id: curator.id, role: Role.CURATOR };
    const unpublishAlone = async (moduleId: string) => {
      const runner = t.db.createQueryRunner();
      await runner.startTransaction();
      try {
        await moderation.unpublish(curatorViewer, moduleId, 'Konten bermasalah', runner.manager);
        return runner;
      } catch (error) {
        await runner.rollbackTransaction();
        await runner.release();
        throw error;
      }
    };
    // What an unpublish writes by itself, to compare with an unpublish racing an enrolment.
    const alone = await publishedModule(t, owner.token, curator.token, { priceIdr: 1 });
    const module = await publishedModule(t, owner.token, curator.token, { priceIdr: 1 });
    const beneficiary = await registerBeneficiaryWithCard(t);
    await t.gql(`{ myWallet { balanceIdr } }`, {}, beneficiary.token);
    let before = await countWrites(t.db);
    const soloRunner = await unpublishAlone(alone.id);
    await soloRunner.commitTransaction();
    await soloRunner.release();
    const unpublishWrites = diff(before, await countWrites(t.db));

    before = await countWrites(t.db);
    const runner = await unpublishAlone(module.id);
    const enrolling = t.gql(ENROLL, { moduleId: module.id }, beneficiary.token);
    await pollUntil(
      async () => {
        const [{ waiting }] = await t.db.query(
          `SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%enroll_beneficiary(%'`,
        );
        return waiting > 0 ? true : undefined;
      },
      10_000,
      'the enrolment to wait for the module row',
    );
    await runner.commitTransaction();
    await runner.release();

    expect(errorCode(await enrolling)).toBe('NOT_FOUND');
    expect(diff(before, await countWrites(t.db))).toEqual(unpublishWrites);
    const [wallet] = await t.db.query(`SELECT balance_idr FROM wallets WHERE user_id = $1`, [beneficiary.id]);
    expect(wallet.balance_idr).toBe(1_000_000);
    expect(await enrollmentCount(module.id)).toBe(0);
  });
});

function diff(before: Record<string, number>, after: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.keys(after).filter((table) => after[table] !== before[table]).map((table) => [table, after[table] - (before[table] ?? 0)]));
}
