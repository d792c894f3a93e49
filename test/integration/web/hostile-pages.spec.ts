import type { Browser, BrowserContext, Page } from 'playwright-core';
import { Account, createCurator, registerContributor } from '../../factories/accounts';
import { adminToken, ADMIN_ENV, enroll, lessonIdsOf, registerBeneficiaryWithCard, type Beneficiary } from '../../factories/learning';
import { moduleInput, REVIEW_MODULE, SUBMIT_MODULE } from '../../factories/modules';
import { describeInBrowser, guardContext, launchBrowser, newBrowserContext, type PageGuard } from '../../support/browser';
import { dataOf, guardHostileContext, inBatches, plain, submitAndLoad, UNSAFE_PROBE, unsafeDomFindings } from '../../support/hostile-dom';
import { pollUntil } from '../../support/poll';
import { startTestApp, TestApp } from '../../support/test-app';
import { XSS_VECTORS } from '../data/xss-vectors';

jest.setTimeout(300_000);

/**
 * The trust issue's XSS corpus written through the API into every field a
 * page shows, then opened in the real browser with JavaScript on: no dialog,
 * no console error from a refused script, and nothing in the live DOM that
 * could run (script elements but our own, on* attributes, script URLs,
 * frames). The pages' CSP stays on, as in production: a script that slipped
 * through escaping would show here as a CSP console error.
 */

const CREATE = `mutation($input: ModuleInput!) { createModule(input: $input) { id slug version } }`;
const RATE = `mutation($input: RateModuleInput!) { rateModule(input: $input) { id } }`;
const REPORT = `mutation($input: ReportModuleInput!) { reportModule(input: $input) { id } }`;
const RESOLVE = `mutation($input: ResolveReportInput!) { resolveReport(input: $input) { id } }`;
const SPEND = `mutation($input: RecordCreditSpendInput!) { recordCreditSpend(input: $input) { creditExhausted } }`;
const REGISTER_CONTRIBUTOR = `mutation($input: RegisterContributorInput!) { registerContributor(input: $input) { accessToken user { id } } }`;

const describing = (vector: string) => `Deskripsi modul uji keamanan konten kontributor.\n\n${vector}`;

describeInBrowser(`hostile content (${XSS_VECTORS.length} XSS vectors) through every page that shows it, in a real browser`, () => {
  let t: TestApp;
  let browser: Browser;
  let curator: Account;
  let learner: Beneficiary;
  /** Module i carries vector i in its description and lesson body, and wherever the plain-text rules let it (title, summary, lesson title). */
  let modules: { slug: string; enrollmentId: string; lessonId: string }[];
  let context: BrowserContext;
  let guard: PageGuard;
  let page: Page;
  /** Where each finding was seen. */
  const seen: string[] = [];

  /** Opens a path as the learner and records what the DOM holds that could run. */
  async function visit(path: string): Promise<number> {
    const response = await page.goto(path);
    for (const finding of await page.evaluate(unsafeDomFindings)) seen.push(`${path}: ${finding}`);
    return response?.status() ?? 0;
  }

  beforeAll(async () => {
    browser = await launchBrowser();
    t = await startTestApp(ADMIN_ENV);
    curator = await createCurator(t);

    // Contributors named by the vectors their display name accepts (markup is refused as plain text).
    const named = await inBatches(XSS_VECTORS, async (vector) => {
      const input = { email: `hostile-${Math.random().toString(36).slice(2)}@example.id`, password: 'rahasia-kuat-123', displayName: plain(vector, 2, 80, ''), kind: 'INDIVIDUAL' };
      const answer = await t.gql(REGISTER_CONTRIBUTOR, { input });
      return answer.errors ? null : { id: answer.data!.registerContributor.user.id as string, token: answer.data!.registerContributor.accessToken as string };
    });
    const contributors = named.filter((account): account is Account => account !== null);
    contributors.push(await registerContributor(t));

    const created = await inBatches(XSS_VECTORS, async (vector, i) => {
      const owner = contributors[i % contributors.length];
      const hostile = {
        title: plain(vector, 8, 120, `Uji ${i} `),
        summary: plain(vector, 20, 300, `Ringkasan uji ${i}: `),
        description: describing(vector),
        lessons: [{ title: plain(vector, 3, 120, 'L '), kind: 'ARTICLE', durationMinutes: 5, contentUrl: null, body: vector }],
      };
      let answer = await t.gql(CREATE, { input: moduleInput(hostile) }, owner.token);
      if (answer.errors) answer = await t.gql(CREATE, { input: moduleInput({ ...hostile, title: `Modul uji keamanan ${i}`, summary: `Ringkasan modul uji keamanan nomor ${i}.`, lessons: [{ ...hostile.lessons[0], title: 'Pelajaran uji' }] }) }, owner.token);
      const module = dataOf(answer, `createModule ${i}`).createModule;
      const submitted = dataOf(await t.gql(SUBMIT_MODULE, { id: module.id }, owner.token), `submit ${i}`).submitModule;
      dataOf(await t.gql(REVIEW_MODULE, { input: { moduleId: module.id, expectedVersion: submitted.version, decision: 'APPROVE' } }, curator.token), `approve ${i}`);
      return { id: module.id as string, slug: module.slug as string };
    });

    // The learner: a hostile display name and interests (where accepted), enrolled in every module, rating each with a vector.
    const acceptedName = XSS_VECTORS.map((vector) => plain(vector, 2, 80, '')).find((name) => !/[<>]/.test(name))!;
    const interests = XSS_VECTORS.map((vector) => plain(vector, 2, 60, '')).filter((interest) => !/[<>]/.test(interest)).slice(0, 20);
    learner = await registerBeneficiaryWithCard(t, { displayName: acceptedName, interests }).catch(() => registerBeneficiaryWithCard(t, { displayName: acceptedName }));
    modules = await inBatches(created, async (module, i) => {
      const enrollment = await enroll(t, learner.token, module.id);
      const [lessonId] = await lessonIdsOf(t, learner.token, module.id);
      dataOf(await t.gql(RATE, { input: { moduleId: module.id, rating: 1 + (i % 5), comment: XSS_VECTORS[i] } }, learner.token), `rate ${i}`);
      return { slug: module.slug, enrollmentId: enrollment.id as string, lessonId };
    });

    // Reports with hostile details, resolved with hostile notes where the plain-text rule lets them (the learner's notifications).
    await inBatches(created.slice(0, 20), async (module, i) => {
      const report = dataOf(await t.gql(REPORT, { input: { moduleId: module.id, reason: 'OTHER', details: XSS_VECTORS[i] } }, learner.token), `report ${i}`).reportModule;
      const resolve = (note: string) => t.gql(RESOLVE, { input: { reportId: report.id, status: 'DISMISSED', note } }, curator.token);
      const answer = await resolve(XSS_VECTORS[i]);
      if (answer.errors) dataOf(await resolve('Laporan sudah ditinjau kurator.'), `resolve ${i}`);
    });
    // The credit spent on courses with hostile titles (the wallet's ledger), ending in CREDIT_EXHAUSTED.
    const admin = await adminToken(t);
    const titles = XSS_VECTORS.map((vector) => plain(vector, 1, 200, '')).filter((title) => !/[<>]/.test(title)).slice(0, 9);
    for (const [i, courseTitle] of titles.entries()) {
      const answer = await t.gql(SPEND, { input: { prakerjaCardNumber: learner.card, amountIdr: 100_000, reference: `hostile-${i}`, courseTitle } }, admin);
      if (answer.errors) dataOf(await t.gql(SPEND, { input: { prakerjaCardNumber: learner.card, amountIdr: 100_000, reference: `hostile-${i}` } }, admin), `spend ${i}`);
    }
    dataOf(await t.gql(SPEND, { input: { prakerjaCardNumber: learner.card, amountIdr: 100_000, reference: 'hostile-last' } }, admin), 'last spend');
    await pollUntil(
      async () => {
        const kinds = dataOf(await t.gql(`{ myNotifications(first: 100) { kind } }`, {}, learner.token), 'notifications').myNotifications.map((n: { kind: string }) => n.kind);
        return kinds.includes('CREDIT_EXHAUSTED') && kinds.filter((kind: string) => kind === 'REPORT_RESOLVED').length === 20 ? true : undefined;
      },
      20_000,
      'the learner’s notifications (CREDIT_EXHAUSTED and 20 REPORT_RESOLVED)',
    );

    context = await newBrowserContext(browser, { baseURL: t.baseUrl });
    await context.addCookies([{ name: 'sesi', value: learner.token, url: t.baseUrl }]);
    guard = await guardHostileContext(context, t.baseUrl);
    page = await context.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('the DOM check finds what it looks for (a page it must refuse, with script off)', async () => {
    const bare = await newBrowserContext(browser, { baseURL: t.baseUrl, javaScript: false });
    try {
      const probe = await bare.newPage();
      await probe.setContent(UNSAFE_PROBE.html);
      expect((await probe.evaluate(unsafeDomFindings)).map((finding) => finding.split(/[ >="]/)[0])).toEqual(UNSAFE_PROBE.findings);
    } finally {
      await bare.close();
    }
  });

  it('/modul/{slug}: title, summary, description, lessons, contributor, reviews and their authors', async () => {
    expect(modules).toHaveLength(XSS_VECTORS.length);
    for (const module of modules) expect(await visit(`/modul/${module.slug}`)).toBe(200);
    expect(seen).toEqual([]);
    guard.assertClean();
    // The vectors are there, as text: the first module's description shows its payload escaped.
    await visit(`/modul/${modules[2].slug}`);
    expect(await page.locator('main').textContent()).toContain('<script>alert(1)</script>');
  });

  it('/belajar and each lesson page: lesson body, module title, the rating form holding the comment', async () => {
    expect(await visit('/belajar')).toBe(200);
    for (const module of modules) expect(await visit(`/belajar/${module.enrollmentId}/${module.lessonId}`)).toBe(200);
    expect(seen).toEqual([]);
    guard.assertClean();
  });

  it('/ (browse, every page of results) and /?q=<vector> for every vector: the echo of q and the highlights', async () => {
    for (let halaman = 1; halaman <= Math.ceil(XSS_VECTORS.length / 20); halaman += 1) expect(await visit(`/?halaman=${halaman}`)).toBe(200);
    const statuses = new Set<number>();
    for (const vector of XSS_VECTORS) {
      const status = await visit(`/?q=${encodeURIComponent(vector)}`);
      statuses.add(status);
      // The search box holds the query (trimmed; a text input drops line breaks, the HTML parser turns NUL into U+FFFD): escaped into the value, never parsed as markup.
      if (status === 200) expect(await page.locator('input[name=q]').inputValue()).toBe(vector.trim().replace(/[\r\n]/g, '').replace(/\u0000/g, '\uFFFD'));
    }
    for (const word of ['alert', 'onerror', 'script', 'img src']) expect(await visit(`/?q=${encodeURIComponent(word)}`)).toBe(200);
    expect(await page.locator('mark').count()).toBeGreaterThan(0);
    expect([...statuses].every((status) => status === 200 || status === 400)).toBe(true);
    expect(seen).toEqual([]);
    guard.assertClean();
  });

  it('/gratis with every vector as "mirip dengan…", /dompet (course titles), /notifikasi (resolution notes)', async () => {
    expect(await visit('/gratis')).toBe(200);
    for (const vector of XSS_VECTORS) expect([200, 422]).toContain(await visit(`/gratis?mirip=${encodeURIComponent(vector)}`));
    expect(await visit('/dompet')).toBe(200);
    expect(await page.locator('main').textContent()).toContain('Saldo');
    expect(await visit('/notifikasi')).toBe(200);
    expect(seen).toEqual([]);
    guard.assertClean();
  });

  it('the report form shows hostile details again as text when it is refused or accepted', async () => {
    for (const vector of XSS_VECTORS.slice(0, 25)) {
      await visit(`/modul/${modules[0].slug}/laporkan`);
      await page.locator('textarea[name=details]').fill(`${vector}${'x'.repeat(2001)}`.slice(0, 2000));
      // No reason chosen: refused, the form shown again with the details as typed.
      await submitAndLoad(page);
      for (const finding of await page.evaluate(unsafeDomFindings)) seen.push(`report form: ${finding}`);
    }
    expect(seen).toEqual([]);
    guard.assertClean();
  });

  it('/daftar shows a refused display name and interests again as text', async () => {
    const stranger = await newBrowserContext(browser, { baseURL: t.baseUrl });
    const strangerGuard = guardContext(stranger, { allowConsole: [/^Failed to load resource/] });
    try {
      const form = await stranger.newPage();
      for (const vector of XSS_VECTORS.slice(0, 25)) {
        await form.goto('/daftar');
        await form.locator('#displayName').fill(vector.slice(0, 80));
        await form.locator('#otherInterests').fill(vector);
        await form.locator('#email').fill('bukan-email');
        // A bad email: refused (without the browser's own check), the form shown again with the name and interests as typed.
        await form.evaluate(() => document.querySelectorAll('form').forEach((element) => (element.noValidate = true)));
        await submitAndLoad(form);
        expect(await form.locator('#email-galat').count()).toBe(1);
        for (const finding of await form.evaluate(unsafeDomFindings)) seen.push(`/daftar: ${finding}`);
      }
      expect(seen).toEqual([]);
      strangerGuard.assertClean();
    } finally {
      await stranger.close();
    }
  });
});
