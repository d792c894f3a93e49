import type { Browser, Page } from 'playwright-core';
import { describeInBrowser, launchBrowser, newBrowserContext } from '../../support/browser';
import { axeViolations, BUDGET, contextFor, formControls, horizontalOverflow, measureTransfer, measureTransferOf, staticContent } from '../../support/page-checks';
import { startTestApp, TestApp } from '../../support/test-app';
import { EDITOR_BUDGET_BYTES, PAGE_NAMES, seedSite, SeededSite, SITE_ENV } from '../../support/web-site';
import { showEditorErrors } from '../../support/web-site-contributors';

jest.setTimeout(240_000);

/**
 * Every page in the machine's Chromium with realistic data: the issue's
 * budgets (sizes are deterministic, so asserted; times are measured by
 * `npm run bench:web`, never asserted), axe-core, 320 px, keyboard, no script.
 */
describeInBrowser('every page in a real browser: size budgets, axe-core, 320 px, keyboard, without JavaScript', () => {
  let t: TestApp;
  let site: SeededSite;
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
    t = await startTestApp(SITE_ENV);
    site = await seedSite(t);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  /** Opens the page as its visitor in a fresh context (cold cache), runs `check`, closes the context. */
  async function onPage<T>(name: (typeof PAGE_NAMES)[number], check: (page: Page) => Promise<T>, options: { javaScript?: boolean } = {}): Promise<T> {
    const context = await contextFor(browser, t.baseUrl, site, site.visit(name), options);
    try {
      return await check(await context.newPage());
    } finally {
      await context.close();
    }
  }

  it('measures realistic pages: 20 results on the search page, 10 lessons on the module page', async () => {
    const counts = async (name: 'cari' | 'modul', selector: string) =>
      onPage(name, async (page) => {
        await page.goto(site.visit(name).path);
        return page.locator(selector).count();
      });
    expect(await counts('cari', 'main li.card')).toBe(20);
    expect(await counts('modul', 'main ol.lessons > li')).toBe(10);
    expect(site.module.lessonIds).toHaveLength(10);
  });

  it('measures realistic contributor and curator pages: modules in every stage, a 10-lesson editor with quizzes, a revision with its diff and findings, a queue, open reports, an import with refused rows', async () => {
    const shown = <T>(name: (typeof PAGE_NAMES)[number], read: (page: Page) => Promise<T>) =>
      onPage(name, async (page) => {
        await page.goto(site.visit(name).path);
        return read(page);
      });
    expect(await shown('kontributor', (page) => page.locator('main li.card').count())).toBeGreaterThanOrEqual(4);
    expect(
      await shown('editor', async (page) => ({
        lessons: await page.locator('fieldset.lesson-edit').count(),
        quizQuestions: await page.locator('[name$=".prompt"]').count(),
        revision: (await page.locator('.submission').textContent())?.includes('Perubahan Anda sedang ditinjau kurator.'),
      })),
    ).toEqual({ lessons: 10, quizQuestions: 8, revision: true });
    const review = await shown('kurator-modul', async (page) => ({
      inserted: await page.locator('main ins').count(),
      nearDuplicate: await page.locator('.findings li.finding').filter({ hasText: 'Judul atau ringkasannya mirip' }).count(),
    }));
    expect(review.inserted).toBeGreaterThanOrEqual(3);
    expect(review.nearDuplicate).toBe(1);
    expect(await shown('kurator', (page) => page.locator('main ol.queue > li').count())).toBeGreaterThanOrEqual(4);
    expect(await shown('kurator-laporan', (page) => page.locator('main li.card').count())).toBe(2);
    expect(
      await shown('impor-hasil', async (page) => ({ created: await page.locator('main ul.import-created > li').count(), refused: await page.locator('main table tbody tr').count() })),
    ).toEqual({ created: 6, refused: 3 });
  });

  it.each(PAGE_NAMES)('%s: at most 30 KB transferred (the editor 60 KB; HTML + CSS + JS, compressed, cold cache) and 15 KB of JavaScript', async (name) => {
    const transfer = await onPage(name, (page) => measureTransfer(page, site.visit(name).path));
    expect(transfer.htmlBytes).toBeGreaterThan(0);
    expect(transfer.totalBytes).toBeLessThanOrEqual(site.visit(name).budgetBytes ?? BUDGET.transferBytes);
    expect(transfer.scriptBytes).toBeLessThanOrEqual(BUDGET.scriptBytes);
  });

  it.each(PAGE_NAMES)('%s: axe-core finds no serious or critical WCAG 2 A/AA violation', async (name) => {
    const violations = await onPage(name, async (page) => {
      await page.goto(site.visit(name).path);
      return axeViolations(page);
    });
    expect(violations).toEqual([]);
  });

  it.each(PAGE_NAMES)('%s: works 320 px wide without horizontal scrolling', async (name) => {
    const overflow = await onPage(name, async (page) => {
      await page.setViewportSize({ width: 320, height: 640 });
      await page.goto(site.visit(name).path);
      return horizontalOverflow(page);
    });
    expect(overflow).toBe(0);
  });

  it.each(PAGE_NAMES)('%s: every form control has an accessible name and Tab reaches it', async (name) => {
    const controls = await onPage(name, async (page) => {
      await page.goto(site.visit(name).path);
      return formControls(page);
    });
    expect(controls.filter((control) => control.name === '' || !control.reachedByTab)).toEqual([]);
  });

  it.each(PAGE_NAMES)('%s: shows its content and forms with JavaScript disabled', async (name) => {
    const visit = site.visit(name);
    const withScript = await onPage(name, async (page) => {
      await page.goto(visit.path);
      return staticContent(page);
    });
    const [status, withoutScript] = await onPage(
      name,
      async (page) => {
        const response = await page.goto(visit.path);
        await page.locator(visit.content).first().waitFor({ state: 'visible', timeout: 5_000 });
        return [response!.status(), await staticContent(page)] as const;
      },
      { javaScript: false },
    );
    expect(status).toBe(visit.status);
    expect(withoutScript.h1).not.toBe('');
    // The script only enhances: the same heading, forms and controls are there without it.
    expect(withoutScript).toEqual(withScript);
  });

  it('editor with its refusals shown (422): within 60 KB, no serious or critical axe finding, 320 px wide, every control named and reached by Tab', async () => {
    const visit = site.visit('editor');
    const refused = await onPage('editor', async (page) => {
      await page.goto(visit.path);
      let status = 0;
      const transfer = await measureTransferOf(page, async () => {
        status = await showEditorErrors(page);
      });
      const errors = await page.locator('main p.error').allTextContents();
      const violations = await axeViolations(page);
      const unnamed = (await formControls(page)).filter((control) => control.name === '' || !control.reachedByTab);
      await page.setViewportSize({ width: 320, height: 640 });
      return { status, transfer, errors, violations, unnamed, overflow: await horizontalOverflow(page) };
    });
    expect(refused.status).toBe(422);
    expect(refused.errors).toHaveLength(3);
    expect(refused.transfer.totalBytes).toBeLessThanOrEqual(EDITOR_BUDGET_BYTES);
    expect(refused.violations).toEqual([]);
    expect(refused.unnamed).toEqual([]);
    expect(refused.overflow).toBe(0);
  });

  it('signs in with the keyboard alone: Tab to each field, type, Enter', async () => {
    const context = await newBrowserContext(browser, { baseURL: t.baseUrl });
    try {
      const page = await context.newPage();
      await page.goto('/masuk');
      const focusedName = () => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name ?? '');
      for (let presses = 0; presses < 30 && (await focusedName()) !== 'email'; presses += 1) await page.keyboard.press('Tab');
      expect(await focusedName()).toBe('email');
      await page.keyboard.type(site.learner.email);
      await page.keyboard.press('Tab');
      expect(await focusedName()).toBe('password');
      await page.keyboard.type(site.learner.password);
      await Promise.all([page.waitForURL((url) => url.pathname !== '/masuk'), page.keyboard.press('Enter')]);
      expect(await page.locator('header nav').getByRole('button', { name: 'Keluar' }).isVisible()).toBe(true);
    } finally {
      await context.close();
    }
  });
});
