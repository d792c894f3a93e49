import type { Browser } from 'playwright-core';
import { contributorInput, registerContributor } from '../../factories/accounts';
import { ADMIN_ENV } from '../../factories/learning';
import { createModule } from '../../factories/modules';
import { describeInBrowser, guardContext, launchBrowser, newBrowserContext, VIEWPORTS } from '../../support/browser';
import { axeViolations, horizontalOverflow, measureTransfer } from '../../support/page-checks';
import { startTestApp, TestApp } from '../../support/test-app';

jest.setTimeout(120_000);

const MODULE = `query($id: ID!) { module(id: $id) { title version } }`;
/** Issue 13: the editor may take 60 KB transferred (other pages 30 KB). */
const EDITOR_BUDGET_BYTES = 60 * 1024;

/** Issue 13: two tabs edit the same module; the second save is refused with a clear message and never overwrites the first. */
describeInBrowser('the module editor in a real browser (issue 13)', () => {
  let t: TestApp;
  let browser: Browser;

  beforeAll(async () => {
    [t, browser] = await Promise.all([startTestApp(ADMIN_ENV), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('refuses the second tab’s save from a stale form and keeps the first tab’s change', async () => {
    const input = contributorInput();
    const owner = await registerContributor(t, input);
    const module = await createModule(t, owner.token);
    const context = await newBrowserContext(browser, { baseURL: t.baseUrl, viewport: 'desktop' });
    // The refused save is answered 409 on purpose; Chromium logs any non-2xx document as a console error.
    const guard = guardContext(context, { allowConsole: [/status of 409 \(Conflict\)/] });
    const [tabOne, tabTwo] = [await context.newPage(), await context.newPage()];

    await tabOne.goto('/masuk');
    await tabOne.getByLabel('Email').fill(input.email);
    await tabOne.getByLabel('Kata sandi').fill(input.password);
    await tabOne.getByRole('button', { name: 'Masuk' }).click();
    await tabOne.waitForURL((address) => address.pathname !== '/masuk');

    const url = `/kontributor/modul/${module.id}`;
    await tabOne.goto(url);
    await tabTwo.goto(url);
    await tabOne.getByLabel('Judul', { exact: true }).fill('Judul dari tab pertama, tersimpan');
    await tabTwo.getByLabel('Judul', { exact: true }).fill('Judul dari tab kedua, ditolak');

    await tabOne.getByRole('button', { name: 'Simpan' }).first().click();
    await tabOne.waitForURL((address) => address.searchParams.get('pesan') === 'modul-disimpan');
    await tabOne.getByText('Perubahan tersimpan.').waitFor();

    await tabTwo.getByRole('button', { name: 'Simpan' }).first().click();
    await tabTwo.getByText('Seseorang mengubah modul ini sementara itu.').waitFor();
    // Nothing lost: the refused text is still in the form, with a way to load the current version.
    expect(await tabTwo.getByLabel('Judul', { exact: true }).inputValue()).toBe('Judul dari tab kedua, ditolak');
    await tabTwo.getByRole('link', { name: 'muat versi terbaru' }).click();
    await tabTwo.waitForURL((address) => address.pathname === url && address.search === '');
    expect(await tabTwo.getByLabel('Judul', { exact: true }).inputValue()).toBe('Judul dari tab pertama, tersimpan');

    const stored = await t.gql(MODULE, { id: module.id }, owner.token);
    expect(stored.data!.module).toEqual({ title: 'Judul dari tab pertama, tersimpan', version: module.version + 1 });

    // The editor's budgets at phone width (the refused form, with its conflict message, checked by axe too).
    expect(await axeViolations(tabTwo)).toEqual([]);
    await tabOne.setViewportSize(VIEWPORTS.phone);
    const transfer = await measureTransfer(tabOne, url);
    expect(transfer.totalBytes).toBeLessThanOrEqual(EDITOR_BUDGET_BYTES);
    expect(await horizontalOverflow(tabOne)).toBe(0);
    expect(await axeViolations(tabOne)).toEqual([]);
    guard.assertClean();
    await context.close();
  });
});
