import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { JobHandlers } from '../../../src/queue/job-handlers';
import { JobName } from '../../../src/queue/jobs';
import { registerContributor } from '../../factories/accounts';
import { describeInBrowser, guardContext, launchBrowser, newBrowserContext } from '../../support/browser';
import { axeViolations, BUDGET, horizontalOverflow, measureTransfer } from '../../support/page-checks';
import { startTestApp, TestApp } from '../../support/test-app';

/**
 * Issue 13: a contributor imports Prakerja's 266 real listings through the
 * upload page in Chromium and follows the job on its page: with JavaScript the
 * progress region refreshes itself (data-poll) until the job is done, without
 * it the "Perbarui" link reloads the page.
 */
jest.setTimeout(120_000);

const COURSES = join(__dirname, '../../../../shared/data/prakerja-isw2023/courses.csv');
const PASSWORD = 'rahasia-kuat-123';

/** Puts a marker in the page's window: still there later means no navigation happened in between. */
const markDocument = (page: Page) => page.evaluate(() => ((globalThis as unknown as { importMarker: number }).importMarker = 1));
const sameDocument = (page: Page) => page.evaluate(() => (globalThis as unknown as { importMarker?: number }).importMarker === 1);

describeInBrowser('a contributor imports a file in a real browser (issue 13)', () => {
  let t: TestApp;
  let browser: Browser;
  /** Import jobs wait at this gate (closed before each upload), so the page is seen while its job is still queued. */
  let gate = Promise.resolve();
  let openGate: () => void = () => undefined;
  const closeGate = () => (gate = new Promise<void>((resolve) => (openGate = resolve)));

  beforeAll(async () => {
    [t, browser] = await Promise.all([startTestApp(), launchBrowser()]);
    const handlers = t.app.get(JobHandlers);
    const run = handlers.run.bind(handlers);
    jest.spyOn(handlers, 'run').mockImplementation(async (job, payload, outboxIds) => {
      if (job === JobName.IMPORT_MODULES) await gate;
      return run(job, payload, outboxIds);
    });
  });
  afterAll(async () => {
    openGate();
    await browser?.close();
    await t?.close();
  });

  for (const javaScript of [true, false]) {
    it(`uploads the 266 real listings and sees the job run to its report — JavaScript ${javaScript ? 'on' : 'off'}`, async () => {
      const email = `importir-${javaScript ? 'js' : 'nojs'}-${Date.now().toString(36)}@example.id`;
      const contributor = await registerContributor(t, { email, password: PASSWORD });
      const context = await newBrowserContext(browser, { baseURL: t.baseUrl, javaScript, viewport: javaScript ? 'phone' : 'desktop' });
      const guard = guardContext(context);
      context.setDefaultTimeout(20_000);
      const page = await context.newPage();

      // Signed out, the upload page asks to sign in first and comes back.
      await page.goto('/kontributor/impor');
      await page.getByLabel('Email').fill(email);
      await page.getByLabel('Kata sandi').fill(PASSWORD);
      await page.getByRole('button', { name: 'Masuk' }).click();
      await page.waitForURL((url) => url.pathname === '/kontributor/impor');
      if (javaScript) await expectAccessibleWithin(page, '/kontributor/impor');
      closeGate();
      await page.getByLabel('Berkas CSV atau JSON').setInputFiles(COURSES);
      await page.getByRole('button', { name: 'Unggah dan impor' }).click();
      await page.waitForURL(/\/kontributor\/impor\/[0-9a-f-]{36}\?pesan=impor-diterima$/);
      const region = page.locator('#impor-kemajuan');
      await region.getByRole('heading', { name: 'Menunggu giliran' }).waitFor();
      expect(await region.getAttribute('data-poll')).toBe('1500');
      expect(await page.locator('#impor-progres').getAttribute('max')).toBe('266');
      await markDocument(page);

      openGate();
      if (javaScript) {
        await page.locator('#impor-kemajuan:not([data-poll])').getByRole('heading', { name: 'Selesai' }).waitFor({ timeout: 30_000 });
        expect(await sameDocument(page)).toBe(true);
        // Screen readers hear the end of the job (the page's live region), not every refresh before it.
        expect(await page.locator('#status').textContent()).toBe('Selesai');
      } else {
        // Without the script nothing changes by itself: "Perbarui" reloads until the job is done.
        for (const deadline = Date.now() + 30_000; !(await region.getByRole('heading', { name: 'Selesai' }).isVisible()); ) {
          if (Date.now() > deadline) throw new Error('the import did not finish within 30 s');
          await region.getByRole('link', { name: 'Perbarui' }).click();
          await page.waitForLoadState('load');
        }
      }
      await region.getByText('266 modul dibuat sebagai draf').waitFor();
      expect(await page.locator('#impor-progres').getAttribute('value')).toBe('266');
      expect(await region.locator('a[href^="/kontributor/modul/"]').count()).toBe(50);
      await region.getByText('dan 216 lainnya di Modul Saya.').waitFor();
      expect(await region.getByText('Baris yang tidak diimpor').count()).toBe(0);
      const [{ drafts }] = await t.db.query(`SELECT count(*)::int AS drafts FROM modules WHERE contributor_id = $1 AND status = 'DRAFT'`, [contributor.id]);
      expect(drafts).toBe(266);
      if (javaScript) await expectAccessibleWithin(page, new URL(page.url()).pathname);
      guard.assertClean();
      await context.close();
    });
  }
});

/** A cold load of `path` at phone width: within the page budget, no serious or critical axe finding, no sideways scrolling. */
async function expectAccessibleWithin(page: Page, path: string): Promise<void> {
  const transfer = await measureTransfer(page, path);
  expect(transfer.totalBytes).toBeLessThanOrEqual(BUDGET.transferBytes);
  expect(await axeViolations(page)).toEqual([]);
  expect(await horizontalOverflow(page)).toBe(0);
}

