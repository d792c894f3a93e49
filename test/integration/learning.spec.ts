import { Account, createCurator, registerContributor } from '../factories/accounts';
import {
  ADMIN_ENV,
  adminToken,
  COMPLETE_LESSON,
  countWrites,
  enroll,
  ENROLL,
  ENROLL_LEAN,
  ledgerMismatches,
  lessonIdsOf,
  MY_WALLET,
  outboxDrained,
  recordSpend,
  registerBeneficiaryWithCard,
  waitForNotification,
} from '../factories/learning';
import { createModule, lessonInput, publishedModule } from '../factories/modules';
import { countQueries } from '../support/count-queries';
import { errorCode, startTestApp, TestApp } from '../support/test-app';

const MODULE_COUNTERS = `query($id: ID!) { module(id: $id) { version enrollmentCount completionCount myEnrollment { id status chargedIdr } } }`;

jest.setTimeout(60_000);

describe('enrollment and lesson progress', () => {
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

  const syncJobsFor = async (moduleId: string): Promise<number> =>
    (await t.db.query(`SELECT count(*)::int AS n FROM outbox_events WHERE job = 'sync-module' AND payload->>'moduleId' = $1`, [moduleId]))[0].n;

  it('enrols in a free module without touching the ledger; a second call returns the same enrollment', async () => {
    const module = await publishedModule(t, owner.token, curator.token, { priceIdr: 0 });
    const beneficiary = await registerBeneficiaryWithCard(t);
    const syncsBefore = await syncJobsFor(module.id);

    const first = await enroll(t, beneficiary.token, module.id);
    expect(first).toMatchObject({ status: 'ACTIVE', chargedIdr: 0, progressPercent: 0, completedLessonIds: [], completedAt: null, module: { id: module.id, priceIdr: 0 } });
    const again = await enroll(t, beneficiary.token, module.id);
    expect(again.id).toBe(first.id);

    const wallet = (await t.gql(MY_WALLET, {}, beneficiary.token)).data!.myWallet;
    expect(wallet.entries.map((e: { kind: string }) => e.kind)).toEqual(['GRANT']);
    const counters = (await t.gql(MODULE_COUNTERS, { id: module.id }, beneficiary.token)).data!.module;
    // Counters do not bump the version (it protects content edits), and reach the index through the outbox.
    expect(counters).toEqual({ version: module.version, enrollmentCount: 1, completionCount: 0, myEnrollment: { id: first.id, status: 'ACTIVE', chargedIdr: 0 } });
    expect(await syncJobsFor(module.id)).toBe(syncsBefore + 1);
  });

  it('charges Rp1 for a Rp1 module while the balance allows, and waives the fee once the credit is used up', async () => {
    const paid = await publishedModule(t, owner.token, curator.token, { priceIdr: 1 });
    const paidToo = await publishedModule(t, owner.token, curator.token, { priceIdr: 1 });
    const beneficiary = await registerBeneficiaryWithCard(t);

    const charged = await enroll(t, beneficiary.token, paid.id);
    expect(charged.chargedIdr).toBe(1);
    let wallet = (await t.gql(MY_WALLET, {}, beneficiary.token)).data!.myWallet;
    expect(wallet.balanceIdr).toBe(999_999);
    expect(wallet.entries[0]).toMatchObject({ kind: 'ENROLLMENT_FEE', amountIdr: -1, balanceAfterIdr: 999_999, reference: `module:${paid.id}` });

    expect((await recordSpend(t, admin, beneficiary.card, 999_999, 'spend-all')).data!.recordCreditSpend.balanceIdr).toBe(0);
    const waived = await enroll(t, beneficiary.token, paidToo.id);
    expect(waived).toMatchObject({ status: 'ACTIVE', chargedIdr: 0 });
    wallet = (await t.gql(MY_WALLET, {}, beneficiary.token)).data!.myWallet;
    expect(wallet).toMatchObject({ balanceIdr: 0, creditExhausted: true });
    expect(wallet.entries[0]).toMatchObject({ kind: 'FEE_WAIVED', amountIdr: 0, balanceAfterIdr: 0, reference: `module:${paidToo.id}` });
  });

  it('a fee that takes the last Rp1 exhausts the credit and queues one CREDIT_EXHAUSTED notification', async () => {
    const paid = await publishedModule(t, owner.token, curator.token, { priceIdr: 1 });
    const beneficiary = await registerBeneficiaryWithCard(t);
    expect((await recordSpend(t, admin, beneficiary.card, 999_999, `leave-one-${beneficiary.id}`)).data!.recordCreditSpend).toMatchObject({ balanceIdr: 1, creditExhausted: false });
    expect((await enroll(t, beneficiary.token, paid.id)).chargedIdr).toBe(1);
    const notification = await waitForNotification(t, beneficiary.token, 'CREDIT_EXHAUSTED');
    expect(notification.moduleIds).not.toContain(paid.id);
    const [{ fee }] = await t.db.query(`SELECT id AS fee FROM ledger_entries WHERE user_id = $1 AND kind = 'ENROLLMENT_FEE'`, [beneficiary.id]);
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM notifications WHERE dedupe_key = $1`, [`credit-exhausted:${fee}`]);
    expect(n).toBe(1);
  });

  it('50 concurrent enroll calls for one beneficiary and one Rp1 module make one enrollment and one fee', async () => {
    const module = await publishedModule(t, owner.token, curator.token, { priceIdr: 1 });
    const beneficiary = await registerBeneficiaryWithCard(t);
    const results = await Promise.all(Array.from({ length: 50 }, () => t.gql(ENROLL_LEAN, { moduleId: module.id }, beneficiary.token)));
    expect(results.filter((res) => res.errors)).toEqual([]);
    const ids = new Set(results.map((res) => res.data!.enroll.id));
    expect(ids.size).toBe(1);
    expect(results.filter((res) => res.data!.enroll.chargedIdr === 1)).toHaveLength(50);

    const [{ enrollments }] = await t.db.query(`SELECT count(*)::int AS enrollments FROM enrollments WHERE beneficiary_id = $1`, [beneficiary.id]);
    const [{ fees }] = await t.db.query(`SELECT count(*)::int AS fees FROM ledger_entries WHERE user_id = $1 AND kind IN ('ENROLLMENT_FEE', 'FEE_WAIVED')`, [beneficiary.id]);
    expect({ enrollments, fees }).toEqual({ enrollments: 1, fees: 1 });
    expect((await t.gql(MY_WALLET, {}, beneficiary.token)).data!.myWallet.balanceIdr).toBe(999_999);
    expect((await t.gql(MODULE_COUNTERS, { id: module.id }, beneficiary.token)).data!.module.enrollmentCount).toBe(1);
    expect(await ledgerMismatches(t)).toEqual([]);
  });

  it('refuses DRAFT, UNPUBLISHED and unknown modules with NOT_FOUND, other roles with FORBIDDEN, writing nothing', async () => {
    const draft = await createModule(t, owner.token, { priceIdr: 1 });
    const unpublished = await publishedModule(t, owner.token, curator.token, { priceIdr: 1 });
    const down = await t.gql(`mutation($id: ID!) { unpublishModule(moduleId: $id, note: "Konten bermasalah") { status } }`, { id: unpublished.id }, curator.token);
    expect(down.data!.unpublishModule.status).toBe('UNPUBLISHED');
    const published = await publishedModule(t, owner.token, curator.token, { priceIdr: 1 });
    const beneficiary = await registerBeneficiaryWithCard(t);

    const before = await countWrites(t.db);
    for (const moduleId of [draft.id, unpublished.id, '00000000-0000-4000-8000-000000000000', 'not-an-id']) {
      expect(errorCode(await t.gql(ENROLL, { moduleId }, beneficiary.token))).toBe('NOT_FOUND');
    }
    expect(errorCode(await t.gql(ENROLL, { moduleId: published.id }, owner.token))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(ENROLL, { moduleId: published.id }))).toBe('UNAUTHENTICATED');
    expect(await countWrites(t.db)).toEqual(before);
  });

  it('completes lessons idempotently; the last one completes the enrollment and counts once', async () => {
    const module = await publishedModule(t, owner.token, curator.token, {
      lessons: [lessonInput({ title: 'Pelajaran satu' }), lessonInput({ title: 'Pelajaran dua' }), lessonInput({ title: 'Pelajaran tiga' })],
    });
    const beneficiary = await registerBeneficiaryWithCard(t);
    const enrollment = await enroll(t, beneficiary.token, module.id);
    const lessons = await lessonIdsOf(t, beneficiary.token, module.id);
    expect(lessons).toHaveLength(3);

    const one = await t.gql(COMPLETE_LESSON, { enrollmentId: enrollment.id, lessonId: lessons[1] }, beneficiary.token);
    expect(one.data!.completeLesson).toMatchObject({ status: 'ACTIVE', progressPercent: 33, completedLessonIds: [lessons[1]], completedAt: null });
    const again = await t.gql(COMPLETE_LESSON, { enrollmentId: enrollment.id, lessonId: lessons[1] }, beneficiary.token);
    expect(again.data!.completeLesson).toMatchObject({ progressPercent: 33, completedLessonIds: [lessons[1]] });
    await t.gql(COMPLETE_LESSON, { enrollmentId: enrollment.id, lessonId: lessons[0] }, beneficiary.token);
    const last = await t.gql(COMPLETE_LESSON, { enrollmentId: enrollment.id, lessonId: lessons[2] }, beneficiary.token);
    expect(last.data!.completeLesson).toMatchObject({ status: 'COMPLETED', progressPercent: 100, completedLessonIds: lessons, completedAt: expect.any(String) });
    const afterwards = await t.gql(COMPLETE_LESSON, { enrollmentId: enrollment.id, lessonId: lessons[2] }, beneficiary.token);
    expect(afterwards.data!.completeLesson).toMatchObject({ status: 'COMPLETED', completedAt: last.data!.completeLesson.completedAt });

    const counters = (await t.gql(MODULE_COUNTERS, { id: module.id }, beneficiary.token)).data!.module;
    expect(counters).toMatchObject({ version: module.version, enrollmentCount: 1, completionCount: 1, myEnrollment: { status: 'COMPLETED' } });
  });

  it("refuses a lesson of another module (BAD_USER_INPUT) and another beneficiary's enrollment (NOT_FOUND), writing nothing", async () => {
    const module = await publishedModule(t, owner.token, curator.token);
    const other = await publishedModule(t, owner.token, curator.token);
    const beneficiary = await registerBeneficiaryWithCard(t);
    const stranger = await registerBeneficiaryWithCard(t);
    const enrollment = await enroll(t, beneficiary.token, module.id);
    const [ownLesson] = await lessonIdsOf(t, beneficiary.token, module.id);
    const [foreignLesson] = await lessonIdsOf(t, beneficiary.token, other.id);

    const before = await countWrites(t.db);
    const wrongLesson = await t.gql(COMPLETE_LESSON, { enrollmentId: enrollment.id, lessonId: foreignLesson }, beneficiary.token);
    expect(errorCode(wrongLesson)).toBe('BAD_USER_INPUT');
    expect(wrongLesson.errors![0].extensions.fields).toEqual([{ field: 'lessonId', message: expect.any(String) }]);
    expect(errorCode(await t.gql(COMPLETE_LESSON, { enrollmentId: enrollment.id, lessonId: 'nope' }, beneficiary.token))).toBe('BAD_USER_INPUT');
    expect(errorCode(await t.gql(COMPLETE_LESSON, { enrollmentId: enrollment.id, lessonId: ownLesson }, stranger.token))).toBe('NOT_FOUND');
    expect(errorCode(await t.gql(COMPLETE_LESSON, { enrollmentId: '00000000-0000-4000-8000-000000000000', lessonId: ownLesson }, beneficiary.token))).toBe('NOT_FOUND');
    expect(errorCode(await t.gql(COMPLETE_LESSON, { enrollmentId: enrollment.id, lessonId: ownLesson }, owner.token))).toBe('FORBIDDEN');
    expect(await countWrites(t.db)).toEqual(before);
  });

  it('shows lesson content to enrolled beneficiaries only', async () => {
    const module = await publishedModule(t, owner.token, curator.token);
    const beneficiary = await registerBeneficiaryWithCard(t);
    const other = await registerBeneficiaryWithCard(t);
    const LESSONS = `query($id: ID!) { module(id: $id) { lessons { contentUrl body } } }`;
    const hidden = (await t.gql(LESSONS, { id: module.id }, beneficiary.token)).data!.module.lessons;
    expect(hidden.every((l: { contentUrl: string | null; body: string | null }) => l.contentUrl === null && l.body === null)).toBe(true);

    await enroll(t, beneficiary.token, module.id);
    const shown = (await t.gql(LESSONS, { id: module.id }, beneficiary.token)).data!.module.lessons;
    expect(shown[0].contentUrl).toMatch(/^https:/);
    expect(shown[1].body).toBe('Buat tiga unggahan.');
    expect((await t.gql(LESSONS, { id: module.id }, other.token)).data!.module.lessons[0].contentUrl).toBeNull();
    expect((await t.gql(LESSONS, { id: module.id })).data!.module.lessons[0].contentUrl).toBeNull();
  });

  it('pages myEnrollments newest first with cursors', async () => {
    const beneficiary = await registerBeneficiaryWithCard(t);
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.unshift((await enroll(t, beneficiary.token, (await publishedModule(t, owner.token, curator.token)).id)).id);
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page: any = await t.gql(`query($after: String) { myEnrollments(first: 2, after: $after) { totalCount nodes { id } pageInfo { hasNextPage endCursor } } }`, { after }, beneficiary.token);
      expect(page.data.myEnrollments.totalCount).toBe(5);
      seen.push(...page.data.myEnrollments.nodes.map((n: { id: string }) => n.id));
      after = page.data.myEnrollments.pageInfo.hasNextPage ? page.data.myEnrollments.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toEqual(ids);
    expect(errorCode(await t.gql(`{ myEnrollments(first: 0) { totalCount } }`, {}, beneficiary.token))).toBe('BAD_USER_INPUT');
    expect(errorCode(await t.gql(`{ myEnrollments(after: "garbage") { totalCount } }`, {}, beneficiary.token))).toBe('BAD_USER_INPUT');
  });

  it('loads a page of enrollments with modules, categories, contributors and progress in a bounded number of queries', async () => {
    const beneficiary = await registerBeneficiaryWithCard(t);
    const owners = [owner, await registerContributor(t), await registerContributor(t)];
    const categories = ['penjualan-pemasaran', 'teknologi-informasi', 'kewirausahaan', 'makanan-minuman'];
    for (let i = 0; i < 20; i++) {
      const module = await publishedModule(t, owners[i % owners.length].token, curator.token, { categorySlug: categories[i % categories.length] });
      await enroll(t, beneficiary.token, module.id);
    }
    const PAGE = `query($first: Int) { myEnrollments(first: $first) {
      totalCount nodes { id status progressPercent completedLessonIds module { id title category { slug name } contributor { id displayName } myEnrollment { id } lessons { contentUrl } } }
    } }`;
    await outboxDrained(t);
    let small: any;
    let large: any;
    const smallQueries = await countQueries(t, async () => (small = await t.gql(PAGE, { first: 2 }, beneficiary.token)));
    const largeQueries = await countQueries(t, async () => (large = await t.gql(PAGE, { first: 20 }, beneficiary.token)));
    expect(small.errors).toBeUndefined();
    expect(large.errors).toBeUndefined();
    expect(large.data.myEnrollments.nodes).toHaveLength(20);
    expect(large.data.myEnrollments.nodes.every((n: any) => n.module.myEnrollment.id === n.id && n.module.lessons[0].contentUrl)).toBe(true);
    // count + page + modules + categories + users + completions + lesson counts + viewer's enrollments + lessons, whatever the page size.
    expect(largeQueries.length).toBe(smallQueries.length);
    expect(largeQueries.length).toBeLessThanOrEqual(9);
  });

  it('gives contributors their stats from the real counters', async () => {
    const contributor = await registerContributor(t);
    const a = await publishedModule(t, contributor.token, curator.token);
    const b = await publishedModule(t, contributor.token, curator.token);
    const inReview = await createModule(t, contributor.token);
    await t.gql(`mutation($id: ID!) { submitModule(id: $id) { status } }`, { id: inReview.id }, contributor.token);
    const STATS = `{ myContributorStats { publishedModules inReviewModules totalEnrollments totalCompletions ratingAverage } }`;
    expect((await t.gql(STATS, {}, contributor.token)).data!.myContributorStats).toEqual({ publishedModules: 2, inReviewModules: 1, totalEnrollments: 0, totalCompletions: 0, ratingAverage: null });

    const learners = [await registerBeneficiaryWithCard(t), await registerBeneficiaryWithCard(t)];
    for (const learner of learners) await enroll(t, learner.token, a.id);
    const enrollment = await enroll(t, learners[0].token, b.id);
    for (const lessonId of await lessonIdsOf(t, learners[0].token, b.id)) await t.gql(COMPLETE_LESSON, { enrollmentId: enrollment.id, lessonId }, learners[0].token);
    const RATE = `mutation($input: RateModuleInput!) { rateModule(input: $input) { id } }`;
    await t.gql(RATE, { input: { moduleId: a.id, rating: 5 } }, learners[0].token);
    await t.gql(RATE, { input: { moduleId: a.id, rating: 4 } }, learners[1].token);
    await t.gql(RATE, { input: { moduleId: b.id, rating: 2 } }, learners[0].token);

    // Weighted by the number of ratings: (5 + 4 + 2) / 3.
    expect((await t.gql(STATS, {}, contributor.token)).data!.myContributorStats).toEqual({ publishedModules: 2, inReviewModules: 1, totalEnrollments: 3, totalCompletions: 1, ratingAverage: 3.67 });
    expect(errorCode(await t.gql(STATS, {}, learners[0].token))).toBe('FORBIDDEN');
  });
});
