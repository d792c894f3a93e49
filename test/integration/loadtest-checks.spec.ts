import { randomUUID } from 'node:crypto';
import { afterLoadChecks } from '../loadtest/after-load-checks';
import type { AcceptedWrites } from '../loadtest/world';
import { createCurator, registerContributor } from '../factories/accounts';
import { ADMIN_ENV, adminToken, enroll, RECORD_SPEND_LEAN, recordSpend, registerBeneficiaryWithCard } from '../factories/learning';
import { publishedModule } from '../factories/modules';
import { backgroundWorkSettled } from '../support/invariants';
import { startTestApp, TestApp } from '../support/test-app';

const WORD = 'sinkronlabakumo';

/**
 * The checks `npm run loadtest` runs after its load: they find nothing in a
 * consistent state, and each names what breaks it (a check that cannot fail
 * would let the load test pass whatever happened).
 */
describe("the load test's checks after the load", () => {
  let t: TestApp;
  let world: Parameters<typeof afterLoadChecks>[1];

  beforeAll(async () => {
    t = await startTestApp(ADMIN_ENV);
    const owner = await registerContributor(t);
    const curator = await createCurator(t);
    const module = await publishedModule(t, owner.token, curator.token, { title: `Dasar Pemasaran ${WORD}`, priceIdr: 1 });
    const beneficiary = await registerBeneficiaryWithCard(t);
    const enrollment = await enroll(t, beneficiary.token, module.id);
    // Rp1 went to the fee: this spend takes the wallet to 0 and queues CREDIT_EXHAUSTED.
    const reference = `loadtest-${randomUUID()}`;
    const spent = await recordSpend(t, await adminToken(t), beneficiary.card, 999_999, reference, RECORD_SPEND_LEAN);
    expect(spent.data?.recordCreditSpend.balanceIdr).toBe(0);
    expect(await backgroundWorkSettled(t, 30_000)).toEqual([]);
    const accepted: AcceptedWrites = {
      enrollments: [{ userId: beneficiary.id, moduleId: module.id, enrollmentId: enrollment.id }],
      completions: [],
      createdModules: [{ id: module.id, word: WORD }],
      decisions: [{ moduleId: module.id, word: WORD, decision: 'APPROVE', version: module.version }],
      spends: [{ userId: beneficiary.id, reference, amountIdr: 999_999, repeat: false }],
    };
    world = {
      beneficiaries: [{ userId: beneficiary.id, token: beneficiary.token, cardNumber: beneficiary.card, knownBalanceIdr: 0, enrollments: new Map(), spends: [] }],
      modules: [{ id: module.id, slug: module.slug, word: WORD }],
      accepted,
    };
  });
  afterAll(() => t?.close());

  const broken = async (w = world) => Object.fromEntries((await afterLoadChecks(t, w)).filter((check) => check.violations.length > 0).map((check) => [check.name.split(':')[0].split(' (')[0], check.violations]));

  it('finds nothing wrong when every accepted write and its consequences are there', async () => {
    const checks = await afterLoadChecks(t, world);
    expect(checks.filter((check) => check.violations.length > 0)).toEqual([]);
    expect(checks.find((check) => check.name.startsWith('notifications'))?.checked).toBe('1 curator decisions, 1 exhaustions');
    expect(checks.find((check) => check.name.startsWith('search answers'))?.checked).toBe('2 modules searched by their own word');
  });

  it('names an accepted write that is missing, a lost notification, and a counter the index does not follow', async () => {
    const lostEnrollment = { ...world.accepted.enrollments[0], enrollmentId: randomUUID() };
    await t.db.query(`DELETE FROM notifications WHERE kind = 'CREDIT_EXHAUSTED'`);
    // Behind the application's back: no outbox row, so the index keeps the old count.
    await t.db.query(`UPDATE modules SET enrollment_count = enrollment_count + 1 WHERE id = $1`, [world.modules[0].id]);

    const failing = await broken({ ...world, accepted: { ...world.accepted, enrollments: [...world.accepted.enrollments, lostEnrollment] } });
    expect(Object.keys(failing).sort()).toEqual(['accepted enrolments and lesson completions are recorded', 'module counters equal their rows', 'notifications', 'search answers equal the database'].sort());
    expect(failing['accepted enrolments and lesson completions are recorded']).toEqual([expect.stringContaining(lostEnrollment.enrollmentId)]);
    expect(failing.notifications).toEqual(['1 of 1 exhaustions have no CREDIT_EXHAUSTED notification']);
    expect(failing['search answers equal the database']).toEqual([expect.stringMatching(/has 2 enrollments; its search hit says 1$/)]);
  });
});
