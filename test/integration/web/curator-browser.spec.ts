import type { Browser, Locator, Page } from 'playwright-core';
import { createCurator, registerBeneficiary, registerContributor } from '../../factories/accounts';
import { ADMIN, ADMIN_ENV, adminToken, REPORT_MODULE } from '../../factories/learning';
import { publishedModule } from '../../factories/modules';
import { describeInBrowser, guardContext, launchBrowser, newBrowserContext } from '../../support/browser';
import { axeViolations, BUDGET, horizontalOverflow, measureTransfer } from '../../support/page-checks';
import { pollUntil } from '../../support/poll';
import { startTestApp, TestApp } from '../../support/test-app';

/**
 * Issue 13's curator story in Chromium: a report resolved by unpublishing
 * takes the module out of the beneficiaries' search. Then the reports and
 * admin pages' budgets: transfer, axe (serious/critical) and 320 px width.
 */
jest.setTimeout(120_000);

const PASSWORD = 'rahasia-kuat-123';
const CREATE_CURATOR = `mutation($i: CreateCuratorInput!) { createCurator(input: $i) { id } }`;

async function expectText(target: Page | Locator, text: string): Promise<void> {
  const locator = 'goto' in target ? target.locator('body') : target;
  await locator.filter({ hasText: text }).first().waitFor();
}

async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/masuk');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Kata sandi').fill(password);
  await page.locator('main').getByRole('button', { name: 'Masuk' }).click();
  await page.waitForURL((url) => url.pathname === '/');
}

describeInBrowser('a curator in a real browser (issue 13)', () => {
  let t: TestApp;
  let browser: Browser;
  let curatorEmail: string;
  let module: { id: string; slug: string; title: string };

  beforeAll(async () => {
    [t, browser] = await Promise.all([startTestApp(ADMIN_ENV), launchBrowser()]);
    curatorEmail = `kurator-peramban-${Date.now().toString(36)}@example.id`;
    const created = await t.gql(CREATE_CURATOR, { i: { email: curatorEmail, password: PASSWORD, displayName: 'Kurator Peramban' } }, await adminToken(t));
    if (created.errors) throw new Error(JSON.stringify(created.errors));
    const owner = await registerContributor(t);
    const title = `Membuat Sabun Cuci Piring Rumahan ${Date.now().toString(36)}`;
    const published = await publishedModule(t, owner.token, (await createCurator(t)).token, { title });
    module = { ...published, title };
    const reporter = await registerBeneficiary(t, { displayName: 'Pelapor Peramban' });
    const report = await t.gql(REPORT_MODULE, { input: { moduleId: module.id, reason: 'COPYRIGHT', details: 'Isinya **disalin** dari buku orang lain.' } }, reporter.token);
    if (report.errors) throw new Error(JSON.stringify(report.errors));
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('resolves a report by unpublishing, and the module disappears from the search page', async () => {
    const context = await newBrowserContext(browser, { baseURL: t.baseUrl });
    const guard = guardContext(context);
    context.setDefaultTimeout(20_000);
    const page = await context.newPage();
    const search = `/?q=${encodeURIComponent(module.title)}`;
    const results = page.locator('#hasil');

    // Findable first (indexing after approval is a background job).
    await page.goto(search);
    await pollUntil(async () => ((await results.getByRole('link', { name: module.title }).count()) > 0 ? true : (await page.reload(), undefined)), 15_000, 'the module to be searchable');

    await signIn(page, curatorEmail, PASSWORD);
    await page.getByRole('link', { name: 'Laporan' }).click();
    await page.waitForURL('**/kurator/laporan');
    const card = page.locator('li.card', { has: page.getByRole('heading', { name: module.title }) });
    await expectText(card, 'Melanggar hak cipta');
    await expectText(card, 'Pelapor Peramban');
    expect(await card.locator('.prose strong').textContent()).toBe('disalin');

    await card.getByLabel('Catatan (wajib, dikirim ke pelapor)').fill('Menyalin buku tanpa izin penulisnya.');
    await card.getByRole('button', { name: 'Turunkan modul' }).click();
    await page.waitForURL((url) => url.pathname === '/kurator/laporan' && url.searchParams.get('pesan') === 'laporan-modul-diturunkan');
    await expectText(page.locator('main .notice'), 'Modul diturunkan dan laporan diselesaikan.');
    expect(await page.getByRole('heading', { name: module.title }).count()).toBe(0);
    const [row] = await t.db.query('SELECT status FROM modules WHERE id = $1', [module.id]);
    expect(row.status).toBe('UNPUBLISHED');

    // The beneficiaries' search page no longer finds it (the index is synced by a background job).
    await page.goto(search);
    await pollUntil(async () => ((await results.getByRole('link', { name: module.title }).count()) === 0 ? true : (await page.reload(), undefined)), 15_000, 'the module to leave search');
    await expectText(results, 'Tidak ada');
    await context.close();
    guard.assertClean();
  });

  it('keeps the reports and admin pages within budget: transfer, axe serious/critical, 320 px wide', async () => {
    // An open report with its form, beside the resolved one.
    const owner = await registerContributor(t);
    const other = await publishedModule(t, owner.token, (await createCurator(t)).token);
    const reporter = await registerBeneficiary(t);
    const report = await t.gql(REPORT_MODULE, { input: { moduleId: other.id, reason: 'MISLEADING', details: 'Judulnya **tidak** sesuai isi.' } }, reporter.token);
    expect(report.errors).toBeUndefined();
    const measured: Record<string, unknown> = {};
    for (const [email, password, path] of [
      [curatorEmail, PASSWORD, '/kurator/laporan'],
      [curatorEmail, PASSWORD, '/kurator/laporan?status=RESOLVED'],
      [ADMIN.email, ADMIN.password, '/admin'],
    ]) {
      const context = await newBrowserContext(browser, { baseURL: t.baseUrl });
      const guard = guardContext(context);
      const page = await context.newPage();
      await signIn(page, email, password);
      const transfer = await measureTransfer(page, path);
      expect(transfer.totalBytes).toBeLessThanOrEqual(BUDGET.transferBytes);
      expect(await axeViolations(page)).toEqual([]);
      await page.setViewportSize({ width: 320, height: 740 });
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      measured[path] = { totalBytes: transfer.totalBytes, htmlBytes: transfer.htmlBytes };
      await context.close();
      guard.assertClean();
    }
    console.log(`curator-browser: measured ${JSON.stringify(measured)}`);
  });
});
