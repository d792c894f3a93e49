import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { beneficiaryInput, REGISTER_BENEFICIARY } from '../../factories/accounts';
import { ADMIN_ENV, adminToken } from '../../factories/learning';
import { describeInBrowser, guardContext, launchBrowser, newBrowserContext, type PageGuard } from '../../support/browser';
import { pollUntil } from '../../support/poll';
import { startTestApp, TestApp } from '../../support/test-app';

/**
 * Issue 13's contributor stories in Chromium with JavaScript on, through the
 * pages only: a module written with three lessons in the editor, refused once,
 * sent back by a curator in a second browser, fixed, approved and found by
 * search; then an edit of it reviewed as a revision while a learner in a third
 * browser keeps seeing the approved version until the curator approves it.
 */
jest.setTimeout(240_000);

const PASSWORD = 'rahasia-kuat-123';
const CREATE_CURATOR = `mutation($i: CreateCuratorInput!) { createCurator(input: $i) { id } }`;
const MODULE = `query($id: ID!) { module(id: $id) { status version title lessons { title } } }`;
const MODULE_COUNT = `SELECT count(*)::int AS count FROM modules WHERE contributor_id = (SELECT id FROM users WHERE email = $1)`;

/** A word no other module has, so the search finds this module by its title alone. */
const MARK = `Kelorindo${Date.now().toString(36)}`;
const TITLE = `Membuat Keripik ${MARK} dari Daun Kelor`;
const LESSONS = [
  { title: 'Memilih dan mencuci daun kelor', body: 'Pilih daun yang **hijau tua**, cuci tiga kali dengan air mengalir, lalu tiriskan.' },
  { title: 'Adonan tepung dan bumbu', body: 'Campur tepung beras, tepung tapioka, bawang putih dan garam. Adonan harus encer.' },
  { title: 'Menggoreng dan mengemas', body: 'Goreng dengan api sedang sampai kering. Kemas dalam plastik tebal dengan klip.' },
];
const CURATOR_NOTE = 'Tolong tambahkan takaran bumbu yang jelas di pelajaran kedua.';
const FIXED_BODY = 'Campur 200 gram tepung beras, 50 gram tapioka, 3 siung bawang putih dan 1 sendok teh garam.';
/** The published module's third lesson, renamed in the revision. */
const REVISED_LESSON = 'Menggoreng, mengemas dan menghitung harga jual';

describeInBrowser('a contributor, a curator and a learner in real browsers (issue 13)', () => {
  let t: TestApp;
  let browser: Browser;
  const curator = { email: `kurator-cerita-${Date.now().toString(36)}@example.id`, password: PASSWORD };
  const contributor = { name: 'Ibu Ratna Kelor', email: `ratna-${Date.now().toString(36)}@example.id`, password: PASSWORD };
  const contexts: { context: BrowserContext; guard: PageGuard }[] = [];
  let writer: Page;
  let reviewer: Page;
  let moduleId = '';
  let slug = '';

  beforeAll(async () => {
    [t, browser] = await Promise.all([startTestApp(ADMIN_ENV), launchBrowser()]);
    const created = await t.gql(CREATE_CURATOR, { i: { ...curator, displayName: 'Kurator Cerita' } }, await adminToken(t));
    if (created.errors) throw new Error(JSON.stringify(created.errors));
    writer = await openPerson();
    reviewer = await openPerson();
  });
  afterAll(async () => {
    for (const { context } of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await t?.close();
  });

  /** One person: a browser context of their own (cookies), guarded against console errors, page errors and dialogs. */
  async function openPerson(): Promise<Page> {
    const context = await newBrowserContext(browser, { baseURL: t.baseUrl, viewport: 'desktop' });
    // Refused forms answer 422 on purpose; Chromium logs a non-2xx document as a console error.
    const guard = guardContext(context, { allowConsole: [/status of 422 \(Unprocessable (Entity|Content)\)/] });
    context.setDefaultTimeout(20_000);
    contexts.push({ context, guard });
    return context.newPage();
  }

  afterEach(() => {
    for (const { guard } of contexts) guard.assertClean();
  });

  const editorUrl = () => `/kontributor/modul/${moduleId}`;
  const lessonField = (page: Page, index: number, field: string) => page.locator(`[name="lessons.${index}.${field}"]`);

  async function curatorDecides(decision: 'Minta perbaikan' | 'Setujui dan terbitkan', note?: string): Promise<void> {
    await reviewer.goto(`/kurator/modul/${moduleId}`);
    await reviewer.getByLabel(decision).check();
    if (note) await reviewer.getByLabel('Catatan untuk kontributor').fill(note);
    await reviewer.getByRole('button', { name: 'Kirim keputusan' }).click();
    await reviewer.waitForURL((url) => url.pathname === '/kurator' && url.searchParams.has('pesan'));
  }

  async function submitForReview(): Promise<void> {
    await writer.getByRole('button', { name: 'Kirim untuk ditinjau' }).click();
    await writer.waitForURL((url) => url.pathname === editorUrl() && url.searchParams.get('pesan') === 'modul-dikirim');
    await expectText(writer.locator('main'), 'Modul dikirim untuk ditinjau kurator.');
  }

  it('writes a module with three lessons, is refused once beside the fields, is sent back by a curator, fixes it, is approved and found by search', async () => {
    // 1. Register at /daftar/kontributor.
    await writer.goto('/daftar/kontributor');
    await writer.getByLabel('Nama', { exact: true }).fill(contributor.name);
    await writer.getByLabel('Email').fill(contributor.email);
    await writer.getByLabel('Kata sandi').fill(contributor.password);
    await writer.getByRole('button', { name: 'Daftar sebagai kontributor' }).click();
    await writer.waitForURL((url) => url.pathname === '/kontributor' && url.searchParams.get('pesan') === 'kontributor-terdaftar');

    // 2. Write the module; lessons are added with the editor's own button (each press posts the form and shows it again).
    await writer.locator('main').getByRole('link', { name: 'Tulis modul baru' }).first().click();
    await writer.waitForURL('**/kontributor/modul/baru');
    await writer.getByLabel('Judul', { exact: true }).fill('Kelor');
    await writer.getByLabel('Ringkasan').fill('Mengolah daun kelor menjadi keripik renyah yang bisa dijual di warung dan secara online.');
    await writer.getByLabel('Deskripsi (Markdown)').fill(
      'Daun kelor mudah tumbuh di pekarangan dan kaya gizi.\n\n## Yang akan Anda pelajari\n\n- Memilih daun\n- Membuat adonan\n- Menggoreng dan mengemas keripik',
    );
    await writer.getByLabel('Kategori').selectOption('makanan-minuman');
    await writer.getByLabel('Keterampilan').fill('pengolahan pangan\nkeripik');
    await writer.getByLabel('Tingkat').selectOption('BEGINNER');
    await writer.getByLabel('Cara belajar').selectOption('SELF_PACED');
    for (const [index, lesson] of LESSONS.entries()) {
      if (index > 0) {
        await writer.getByRole('button', { name: 'Tambah pelajaran' }).click();
        await lessonField(writer, index, 'title').waitFor();
      }
      await lessonField(writer, index, 'title').fill(lesson.title);
      await lessonField(writer, index, 'durationMinutes').fill('15');
      await lessonField(writer, index, 'body').fill(lesson.body);
    }
    expect(await writer.locator('fieldset.lesson-edit').count()).toBe(3);
    // Price 2 is not offered: post it by giving the Rp0 radio that value, as a forged form would.
    await writer.evaluate(() => {
      const radio = document.querySelector<HTMLInputElement>('input[name="priceIdr"][value="0"]')!;
      radio.value = '2';
      radio.checked = true;
    });
    const before = (await t.db.query(MODULE_COUNT, [contributor.email]))[0].count;
    const [refused] = await Promise.all([writer.waitForResponse((response) => response.request().method() === 'POST'), writer.getByRole('button', { name: 'Simpan' }).first().click()]);
    expect(refused.status()).toBe(422);
    await expectText(writer.locator('#title-galat'), 'Panjangnya 8 sampai 120 karakter.');
    await expectText(writer.locator('#priceIdr-galat'), 'Harga hanya boleh Rp0 (gratis) atau Rp1.');
    expect(await writer.getByLabel('Judul', { exact: true }).getAttribute('aria-describedby')).toContain('title-galat');
    expect(await writer.locator('main .notice.bad a[href="#title"]').count()).toBe(1);
    // Nothing was written, and the three lessons are still in the form.
    expect((await t.db.query(MODULE_COUNT, [contributor.email]))[0].count).toBe(before);
    expect(await lessonField(writer, 2, 'title').inputValue()).toBe(LESSONS[2].title);

    // 3. Fix both, save, submit.
    await writer.getByLabel('Judul', { exact: true }).fill(TITLE);
    await writer.getByLabel('Rp0 (gratis)').check();
    await writer.getByRole('button', { name: 'Simpan' }).first().click();
    await writer.waitForURL((url) => /^\/kontributor\/modul\/[0-9a-f-]{36}$/.test(url.pathname) && url.searchParams.get('pesan') === 'modul-dibuat');
    moduleId = new URL(writer.url()).pathname.split('/').at(-1)!;
    expect((await t.db.query('SELECT title, price_idr, status FROM modules WHERE id = $1', [moduleId]))[0]).toEqual({ title: TITLE, price_idr: 0, status: 'DRAFT' });
    await submitForReview();

    // 4. The curator, in a second browser, requests changes with a note.
    await signIn(reviewer, curator.email, curator.password);
    await reviewer.goto('/kurator');
    await reviewer.getByRole('link', { name: TITLE }).first().click();
    await reviewer.waitForURL(`**/kurator/modul/${moduleId}`);
    await expectText(reviewer.locator('main'), LESSONS[1].title);
    await curatorDecides('Minta perbaikan', CURATOR_NOTE);

    // 5. The contributor sees the note, edits, resubmits.
    await writer.goto(editorUrl());
    await expectText(writer.locator('.submission'), 'Perlu perbaikan');
    await expectText(writer.locator('.submission blockquote'), CURATOR_NOTE);
    await lessonField(writer, 1, 'body').fill(FIXED_BODY);
    await writer.getByRole('button', { name: 'Simpan' }).first().click();
    await writer.waitForURL((url) => url.pathname === editorUrl() && url.searchParams.get('pesan') === 'modul-disimpan');
    await submitForReview();

    // 6. Approved; the beneficiaries' search finds it (the index is synced by a background job).
    await reviewer.goto(`/kurator/modul/${moduleId}`);
    await expectText(reviewer.locator('main'), '200 gram tepung beras');
    await curatorDecides('Setujui dan terbitkan');
    const published = (await t.gql(MODULE, { id: moduleId })).data!.module;
    expect(published).toMatchObject({ status: 'PUBLISHED', title: TITLE });
    const guestPage = await openPerson();
    await guestPage.goto(`/?q=${encodeURIComponent(`keripik ${MARK}`)}`);
    const found = guestPage.locator('#hasil').getByRole('link', { name: TITLE });
    await pollUntil(async () => ((await found.count()) > 0 ? true : (await guestPage.reload(), undefined)), 20_000, 'the approved module on the search page');
    await found.click();
    await guestPage.waitForURL((url) => url.pathname.startsWith('/modul/'));
    slug = new URL(guestPage.url()).pathname.split('/').at(-1)!;
    expect(await guestPage.locator('main h1').textContent()).toBe(TITLE);
  });

  it('sends an edit of the published module to review as a revision; the learner keeps the approved version until the curator approves', async () => {
    expect(slug).not.toBe('');
    // A learner, in a third browser.
    const learnerInput = beneficiaryInput({ displayName: 'Dewi Pembelajar' });
    const registered = await t.gql(REGISTER_BENEFICIARY, { input: learnerInput });
    expect(registered.errors).toBeUndefined();
    const learner = await openPerson();
    await signIn(learner, learnerInput.email, learnerInput.password);
    const lessons = learner.locator('main ol.lessons');
    await learner.goto(`/modul/${slug}`);
    await expectText(lessons, LESSONS[2].title);

    // The contributor renames the third lesson: it goes to review as a revision.
    await writer.goto(editorUrl());
    await expectText(writer.locator('.submission'), 'Perubahan yang Anda simpan dikirim sebagai revisi');
    await lessonField(writer, 2, 'title').fill(REVISED_LESSON);
    await writer.getByRole('button', { name: 'Simpan' }).first().click();
    await writer.waitForURL((url) => url.pathname === editorUrl() && url.searchParams.get('pesan') === 'modul-disimpan');
    await expectText(writer.locator('.submission'), 'Perubahan Anda sedang ditinjau kurator.');
    expect(await lessonField(writer, 2, 'title').inputValue()).toBe(REVISED_LESSON);

    // The learner still sees the approved version, and so does the API.
    await learner.reload();
    await expectText(lessons, LESSONS[2].title);
    expect(await lessons.getByText(REVISED_LESSON).count()).toBe(0);
    expect((await t.gql(MODULE, { id: moduleId })).data!.module.lessons.map((lesson: { title: string }) => lesson.title)).toEqual(LESSONS.map((lesson) => lesson.title));

    // The curator sees the revision as a diff against the published version, and approves it.
    await reviewer.goto(`/kurator/modul/${moduleId}`);
    await expectText(reviewer.locator('main'), 'Perubahan terhadap versi terbit');
    expect(await reviewer.locator('main ins').count()).toBeGreaterThan(0);
    await curatorDecides('Setujui dan terbitkan');

    // Now the learner sees the new version.
    await pollUntil(async () => ((await lessons.getByText(REVISED_LESSON).count()) > 0 ? true : (await learner.reload(), undefined)), 15_000, 'the approved revision on the module page');
    expect(await lessons.getByText(LESSONS[2].title, { exact: true }).count()).toBe(0);
    await writer.goto(editorUrl());
    expect(await writer.locator('.submission').getByText('Perubahan Anda sedang ditinjau kurator.').count()).toBe(0);
  });
});

async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/masuk');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Kata sandi').fill(password);
  await page.locator('main').getByRole('button', { name: 'Masuk' }).click();
  await page.waitForURL((url) => url.pathname !== '/masuk');
}

/** Waits until the element shows `text`, naming what the page says instead when it does not. */
async function expectText(locator: Locator, text: string): Promise<void> {
  try {
    await locator.filter({ hasText: text }).first().waitFor();
  } catch (error) {
    const page = locator.page();
    const shown = (await page.locator('main').textContent().catch(() => null))?.replace(/\s+/g, ' ').slice(0, 600);
    throw new Error(`"${text}" not shown at ${page.url()}; the page says: ${shown}\n${(error as Error).message}`);
  }
}
