import { createCurator, registerContributor } from '../factories/accounts';
import {
  ADMIN_ENV,
  adminToken,
  COMPLETE_LESSON,
  enroll,
  FREE_OPTIONS,
  ledgerMismatches,
  lessonIdsOf,
  MY_WALLET,
  RATE_MODULE,
  recordSpend,
  registerBeneficiaryWithCard,
  REPORT_MODULE,
  RESOLVE_REPORT,
  waitForNotification,
} from '../factories/learning';
import { lessonInput, publishedModule } from '../factories/modules';
import { pollUntil } from '../support/poll';
import { startTestApp, TestApp } from '../support/test-app';

jest.setTimeout(60_000);

const SEARCH = `query($input: SearchModulesInput!) { searchModules(input: $input) { totalHits hits { module { id title priceIdr } } } }`;

describe('the beneficiary story, through GraphQL', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(ADMIN_ENV);
  });
  afterAll(() => t.close());

  it('register, search, enrol (Rp1), spend the credit, get free options, enrol again (fee waived), learn, rate, report; the curator takes the module down', async () => {
    // A catalogue: two Rp1 modules and free ones on the same subject and others.
    const contributor = await registerContributor(t, { kind: 'ORGANIZATION', organizationName: 'Komunitas UMKM Digital' });
    const curator = await createCurator(t);
    const admin = await adminToken(t);
    const paid = await publishedModule(t, contributor.token, curator.token, {
      title: 'Pemasaran Digital untuk UMKM Kuliner',
      summary: 'Strategi pemasaran digital lengkap untuk usaha kuliner rumahan, dari foto produk sampai iklan.',
      priceIdr: 1,
      lessons: [lessonInput({ title: 'Foto produk dengan ponsel' }), lessonInput({ title: 'Menulis takarir yang menjual' })],
    });
    const paidToo = await publishedModule(t, contributor.token, curator.token, {
      title: 'Iklan Media Sosial Berbayar untuk Pemula',
      summary: 'Memasang iklan berbayar di media sosial dengan anggaran kecil dan mengukur hasilnya.',
      priceIdr: 1,
      lessons: [lessonInput({ title: 'Menentukan target iklan' }), lessonInput({ title: 'Membaca laporan iklan' }), lessonInput({ title: 'Mengatur anggaran' })],
    });
    const free: { id: string }[] = [];
    for (const [title, summary, categorySlug] of [
      ['Dasar Pemasaran Digital Gratis', 'Pengenalan pemasaran digital: media sosial, marketplace dan pesan singkat untuk usaha kecil.', 'penjualan-pemasaran'],
      ['Jualan Online di Marketplace', 'Membuka toko online di marketplace, mengatur etalase dan melayani pembeli dengan ramah.', 'penjualan-pemasaran'],
      ['Pembukuan Sederhana Warung', 'Mencatat pemasukan dan pengeluaran warung dengan buku kas sederhana setiap hari.', 'keuangan-akuntansi'],
    ]) {
      free.push(await publishedModule(t, contributor.token, curator.token, { title, summary, categorySlug, priceIdr: 0 }));
    }

    // 1. Register with interests.
    const beneficiary = await registerBeneficiaryWithCard(t, { interests: ['pemasaran digital', 'jualan online'] });

    // 2. Search (typo tolerant): the paid module is found once indexed.
    const { value: hits } = await pollUntil(
      async () => {
        const res = await t.gql(SEARCH, { input: { query: 'pemasaran digtal', pageSize: 50 } }, beneficiary.token);
        const found = res.data?.searchModules.hits.map((h: { module: { id: string } }) => h.module.id) as string[] | undefined;
        return found?.includes(paid.id) && found.includes(free[0].id) ? found : undefined;
      },
      10_000,
      'the catalogue in search',
    );
    expect(hits).toContain(paid.id);

    // 3. Enrol in the Rp1 module: charged Rp1.
    const first = await enroll(t, beneficiary.token, paid.id);
    expect(first).toMatchObject({ status: 'ACTIVE', chargedIdr: 1 });
    expect((await t.gql(MY_WALLET, {}, beneficiary.token)).data!.myWallet).toMatchObject({ balanceIdr: 999_999, creditExhausted: false });

    // 4. The programme's platform reports spends until the credit is gone (one replayed).
    for (const [amount, reference] of [
      [600_000, 'prakerja-tx-0001'],
      [300_000, 'prakerja-tx-0002'],
      [300_000, 'prakerja-tx-0002'],
      [99_999, 'prakerja-tx-0003'],
    ] as const) {
      const res = await recordSpend(t, admin, beneficiary.card, amount, reference);
      expect(res.errors).toBeUndefined();
    }
    const wallet = (await t.gql(MY_WALLET, {}, beneficiary.token)).data!.myWallet;
    expect(wallet).toMatchObject({ balanceIdr: 0, creditExhausted: true });
    expect(wallet.entries.map((e: { kind: string; amountIdr: number }) => [e.kind, e.amountIdr])).toEqual([
      ['EXTERNAL_SPEND', -99_999],
      ['EXTERNAL_SPEND', -300_000],
      ['EXTERNAL_SPEND', -600_000],
      ['ENROLLMENT_FEE', -1],
      ['GRANT', 1_000_000],
    ]);

    // 5. The CREDIT_EXHAUSTED notification arrives with free options that fit.
    const exhausted = await waitForNotification(t, beneficiary.token, 'CREDIT_EXHAUSTED');
    expect(exhausted.moduleIds.length).toBeGreaterThan(0);
    expect(exhausted.moduleIds.length).toBeLessThanOrEqual(5);
    expect(exhausted.moduleIds).not.toContain(paid.id);
    // Once the credit is exhausted an Rp1 module costs nothing (its fee is waived): offered too.
    expect(exhausted.moduleIds.slice(0, 3).sort()).toEqual([free[0].id, free[1].id, paidToo.id].sort());

    // 6. freeOptionsForMe lists the modules that cost nothing now (Rp0, and Rp1 with the fee waived), not the enrolled one.
    const options = (await t.gql(FREE_OPTIONS, { first: 10 }, beneficiary.token)).data!.freeOptionsForMe;
    expect(options).toMatchObject({ creditExhausted: true, balanceIdr: 0 });
    const optionIds = options.modules.map((m: { id: string }) => m.id);
    expect(optionIds).not.toContain(paid.id);
    expect(optionIds.sort()).toEqual([...free, paidToo].map((m) => m.id).sort());

    // 7. Enrolling in a Rp1 module again is never refused: the fee is waived.
    const second = await enroll(t, beneficiary.token, paidToo.id);
    expect(second).toMatchObject({ status: 'ACTIVE', chargedIdr: 0 });
    const afterWaiver = (await t.gql(MY_WALLET, {}, beneficiary.token)).data!.myWallet;
    expect(afterWaiver.entries[0]).toMatchObject({ kind: 'FEE_WAIVED', amountIdr: 0, balanceAfterIdr: 0 });

    // 8. Complete every lesson: the enrollment completes.
    const lessons = await lessonIdsOf(t, beneficiary.token, paidToo.id);
    let progress: any;
    for (const lessonId of lessons) progress = (await t.gql(COMPLETE_LESSON, { enrollmentId: second.id, lessonId }, beneficiary.token)).data!.completeLesson;
    expect(progress).toMatchObject({ status: 'COMPLETED', progressPercent: 100, completedLessonIds: lessons, completedAt: expect.any(String) });

    // 9. Rate it.
    const rated = await t.gql(RATE_MODULE, { input: { moduleId: paidToo.id, rating: 5, comment: 'Praktis dan mudah diikuti.' } }, beneficiary.token);
    expect(rated.data!.rateModule).toMatchObject({ rating: 5, module: { ratingAverage: 5, ratingCount: 1 } });

    // 10. Report the first module; a curator resolves it by taking the module down.
    const reported = await t.gql(REPORT_MODULE, { input: { moduleId: paid.id, reason: 'MISLEADING', details: 'Isi tidak sesuai dengan judul.' } }, beneficiary.token);
    expect(reported.data!.reportModule.status).toBe('OPEN');
    const queue = await t.gql(`{ reports { nodes { id module { id } reporter { id } } } }`, {}, curator.token);
    expect(queue.data!.reports.nodes).toContainEqual({ id: reported.data!.reportModule.id, module: { id: paid.id }, reporter: { id: beneficiary.id } });
    const resolved = await t.gql(RESOLVE_REPORT, { input: { reportId: reported.data!.reportModule.id, status: 'RESOLVED', note: 'Modul diturunkan sampai diperbaiki.', unpublish: true } }, curator.token);
    expect(resolved.data!.resolveReport).toMatchObject({ status: 'RESOLVED', module: { id: paid.id, status: 'UNPUBLISHED' } });

    // 11. The reporter is told; the owner too.
    const toReporter = await waitForNotification(t, beneficiary.token, 'REPORT_RESOLVED');
    expect(toReporter.moduleIds).toEqual([paid.id]);
    await waitForNotification(t, contributor.token, 'MODULE_UNPUBLISHED', 10_000, (n) => n.moduleIds.includes(paid.id));

    // The enrollments stay on record; the ledger still adds up.
    const mine = await t.gql(`{ myEnrollments { totalCount nodes { id chargedIdr status module { id } } } }`, {}, beneficiary.token);
    expect(mine.data!.myEnrollments.nodes).toEqual([
      { id: second.id, chargedIdr: 0, status: 'COMPLETED', module: { id: paidToo.id } },
      { id: first.id, chargedIdr: 1, status: 'ACTIVE', module: { id: paid.id } },
    ]);
    expect(await ledgerMismatches(t)).toEqual([]);
  });
});
