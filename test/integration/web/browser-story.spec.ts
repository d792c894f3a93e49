import type { Browser, Locator, Page } from 'playwright-core';
import { SEARCH_ENGINE, SearchEngine } from '../../../src/search/search-engine.port';
import { createCurator, registerContributor } from '../../factories/accounts';
import { ADMIN_ENV, adminToken, MY_WALLET, RECORD_SPEND } from '../../factories/learning';
import { lessonInput, publishedModule } from '../../factories/modules';
import { describeInBrowser, guardContext, launchBrowser, newBrowserContext } from '../../support/browser';
import { pollUntil } from '../../support/poll';
import { startTestApp, TestApp } from '../../support/test-app';

/**
 * Issue 12's story of a beneficiary, in Chromium, through the pages only:
 * once with JavaScript and once without. The catalogue is set up through
 * the GraphQL API; what the pages show is checked against the API too.
 */
jest.setTimeout(240_000);

const MY_ENROLLMENTS = `{ myEnrollments(first: 20) { nodes { id status chargedIdr progressPercent completedAt module { id } } } }`;
const LOGIN = `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }`;

interface Catalogue {
  /** Rp1, three lessons (video, article, download): the module the story enrols in and completes. */
  lele: { id: string; slug: string; title: string; lessons: string[] };
  /** Rp1: enrolled in after the credit is gone (fee waived). */
  secondPaid: { id: string; slug: string; title: string };
}

const ARTICLE_BODY = 'Ganti seperempat air kolam setiap pekan dan catat kadar amonia di buku harian kolam.';

async function publishCatalogue(t: TestApp): Promise<Catalogue> {
  const contributor = await registerContributor(t, { kind: 'ORGANIZATION', organizationName: 'Koperasi Tani Mina Sejahtera' });
  const curator = await createCurator(t);
  const leleLessons = ['Menyiapkan kolam bioflok', 'Merawat kualitas air', 'Lembar kerja pakan harian'];
  const lele = await publishedModule(t, contributor.token, curator.token, {
    title: 'Budidaya Lele Bioflok di Pekarangan',
    summary: 'Panduan budidaya lele bioflok untuk pemula dengan modal kecil di pekarangan rumah.',
    categorySlug: 'pertanian-perikanan',
    skills: ['budidaya lele', 'perikanan'],
    priceIdr: 1,
    lessons: [
      lessonInput({ title: leleLessons[0], kind: 'VIDEO', contentUrl: 'https://video.contoh-pelatihan.id/lele-1.mp4' }),
      lessonInput({ title: leleLessons[1], kind: 'ARTICLE', contentUrl: null, body: `## Air kolam\n\n${ARTICLE_BODY}` }),
      lessonInput({ title: leleLessons[2], kind: 'DOWNLOAD', contentUrl: 'https://unduh.contoh-pelatihan.id/pakan-harian.pdf' }),
    ],
  });
  const secondPaid = await publishedModule(t, contributor.token, curator.token, {
    title: 'Pemasaran Hasil Perikanan lewat Marketplace',
    summary: 'Menjual ikan segar dan olahan lewat marketplace dan pesan singkat.',
    categorySlug: 'pertanian-perikanan',
    priceIdr: 1,
    lessons: [lessonInput({ title: 'Membuka toko ikan online' })],
  });
  const free = [];
  for (const [title, summary, categorySlug] of [
    ['Budidaya Lele di Kolam Terpal', 'Kolam terpal murah untuk budidaya lele skala rumah tangga.', 'pertanian-perikanan'],
    ['Pakan Alami untuk Ikan Air Tawar', 'Membuat pakan ikan sendiri dari bahan di sekitar rumah.', 'pertanian-perikanan'],
    ['Pembukuan Sederhana Usaha Perikanan', 'Mencatat modal, panen dan penjualan ikan setiap hari.', 'keuangan-akuntansi'],
    ['Dasar Pemasaran Digital untuk UMKM', 'Media sosial, marketplace dan pesan singkat untuk usaha kecil.', 'penjualan-pemasaran'],
  ]) {
    free.push(await publishedModule(t, contributor.token, curator.token, { title, summary, categorySlug, priceIdr: 0 }));
  }
  const engine = t.app.get<SearchEngine>(SEARCH_ENGINE);
  const ids = [lele, secondPaid, ...free].map((module) => module.id);
  await pollUntil(async () => {
    const indexed = await engine.indexedVersions();
    return ids.every((id) => indexed.has(id)) ? true : undefined;
  }, 30_000, 'the catalogue to be indexed');
  return {
    lele: { id: lele.id, slug: lele.slug, title: 'Budidaya Lele Bioflok di Pekarangan', lessons: leleLessons },
    secondPaid: { id: secondPaid.id, slug: secondPaid.slug, title: 'Pemasaran Hasil Perikanan lewat Marketplace' },
  };
}

let sequence = 0;

/** A 16-digit card number unlikely to collide across runs. */
const cardNumber = () => `3${String(Date.now()).slice(-10)}${String(++sequence).padStart(5, '0')}`;

/** Puts a marker in the page's window: still there later means no navigation happened in between. */
const markDocument = (page: Page) => page.evaluate(() => ((globalThis as unknown as { storyMarker: number }).storyMarker = 1));
const sameDocument = (page: Page) => page.evaluate(() => (globalThis as unknown as { storyMarker?: number }).storyMarker === 1);

describeInBrowser('a beneficiary in a real browser (issue 12)', () => {
  let t: TestApp;
  let browser: Browser;
  let catalogue: Catalogue;
  let admin: string;

  beforeAll(async () => {
    [t, browser] = await Promise.all([startTestApp(ADMIN_ENV), launchBrowser()]);
    catalogue = await publishCatalogue(t);
    admin = await adminToken(t);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  for (const javaScript of [true, false]) {
    it(`registers, finds, enrols (Rp1), learns, rates, runs out of credit, is told, and enrols with the fee waived — JavaScript ${javaScript ? 'on' : 'off'}`, async () => {
      const context = await newBrowserContext(browser, { baseURL: t.baseUrl, javaScript });
      const guard = guardContext(context);
      context.setDefaultTimeout(20_000);
      const page = await context.newPage();
      const main = page.locator('main');
      const person = { name: `Sari ${javaScript ? 'JS' : 'Tanpa JS'}`, email: `sari-${Date.now().toString(36)}-${++sequence}@example.id`, password: 'rahasia-kuat-123', card: cardNumber() };
      const { lele, secondPaid } = catalogue;

      // 1. Register at /daftar with the card number and interests.
      await page.goto('/daftar');
      await page.getByLabel('Nama').fill(person.name);
      await page.getByLabel('Email').fill(person.email);
      await page.getByLabel('Kata sandi').fill(person.password);
      await page.getByLabel('Nomor Kartu Prakerja').fill(person.card);
      await page.getByLabel('Pertanian, Peternakan dan Perikanan').check();
      await page.getByLabel('Minat lain (pisahkan dengan koma)').fill('budidaya lele');
      await page.getByRole('button', { name: 'Daftar' }).click();
      await page.waitForURL((url) => url.pathname === '/' && url.searchParams.get('pesan') === 'terdaftar');
      await expectText(page, 'Akun Anda sudah dibuat');
      const login = await t.gql(LOGIN, { e: person.email, p: person.password });
      const token: string = login.data!.login.accessToken;

      // 2. Search with a typo, then narrow by a facet (price Rp1).
      const search = page.locator('#q');
      const results = page.locator('#hasil');
      if (javaScript) {
        await markDocument(page);
        await search.pressSequentially('budidya lelle', { delay: 20 });
        await expectText(results, lele.title);
        await expectText(results, 'untuk “budidya lelle”');
        await page.waitForURL((url) => url.searchParams.get('q') === 'budidya lelle');
      } else {
        await search.fill('budidya lelle');
        await search.press('Enter');
        await page.waitForURL((url) => url.searchParams.get('q') === 'budidya lelle');
        await expectText(results, lele.title);
      }
      // The free look-alike is found too, before the price filter takes it away.
      await expectText(results, 'Budidaya Lele di Kolam Terpal');
      await page.getByText('Saring dan urutkan').click();
      await page.locator('#harga-rp1').check();
      if (javaScript) {
        await page.waitForURL((url) => url.searchParams.get('harga') === 'rp1');
        await textGone(results, 'Budidaya Lele di Kolam Terpal');
        expect(await sameDocument(page)).toBe(true);
      } else {
        await page.getByRole('button', { name: 'Terapkan' }).click();
        await page.waitForURL((url) => url.searchParams.get('harga') === 'rp1' && url.searchParams.get('q') === 'budidya lelle');
        await textGone(results, 'Budidaya Lele di Kolam Terpal');
      }
      expect(await page.locator('#harga-rp1').isChecked()).toBe(true);
      await expectText(results, lele.title);

      // 3. Open the module: Rp1 is explained; enrol.
      await results.getByRole('link', { name: lele.title }).click();
      await page.waitForURL(`**/modul/${lele.slug}`);
      expect(await page.locator('h1').textContent()).toBe(lele.title);
      await expectText(main, 'Rp1 dipotong sekali dari saldo pelatihan');
      await page.getByRole('button', { name: 'Daftar (Rp1)' }).click();
      await page.waitForURL((url) => url.pathname.startsWith('/belajar/'));
      await expectText(page, 'Anda sudah terdaftar di modul ini');

      // The wallet shows the Rp1 charge; the API agrees.
      await page.getByRole('link', { name: 'Dompet' }).click();
      await page.waitForURL('**/dompet');
      await expectText(main, 'Rp999.999');
      await expectText(main, 'Biaya pendaftaran modul Rp1');
      const charged = (await t.gql(MY_WALLET, {}, token)).data!.myWallet;
      expect(charged).toMatchObject({ balanceIdr: 999_999, creditExhausted: false });
      expect(charged.entries[0]).toMatchObject({ kind: 'ENROLLMENT_FEE', amountIdr: -1, balanceAfterIdr: 999_999 });

      // 4. Complete every lesson, from Belajar Saya.
      await page.getByRole('link', { name: 'Belajar Saya' }).click();
      await page.waitForURL('**/belajar');
      await expectText(main, '0 dari 3 pelajaran selesai');
      await main.getByRole('link', { name: `Lanjutkan belajar: ${lele.title}` }).click();
      await page.waitForURL((url) => /^\/belajar\/[^/]+\/[^/]+$/.test(url.pathname));
      const progress = page.locator('#progres');
      for (const [index, lessonTitle] of lele.lessons.entries()) {
        await page.locator('#pelajaran').getByRole('link', { name: lessonTitle }).click();
        await expectText(page.locator('#judul-pelajaran'), `Pelajaran ${index + 1}: ${lessonTitle}`);
        if (index === 1) await expectText(main, ARTICLE_BODY);
        if (index === 0) expect(await main.getByRole('link', { name: 'Tonton video' }).getAttribute('href')).toBe('https://video.contoh-pelatihan.id/lele-1.mp4');
        if (javaScript) await markDocument(page);
        await page.getByRole('button', { name: 'Tandai selesai' }).click();
        await expectText(progress, `${index + 1} dari 3 pelajaran selesai`);
        if (javaScript) expect(await sameDocument(page)).toBe(true);
        await expectText(page.locator('#pelajaran li', { hasText: lessonTitle }), 'Selesai');
        // With JS the lesson just completed stays on screen and says so (without, the next one opens).
        if (javaScript) {
          await expectText(page.locator('#judul-pelajaran'), `Pelajaran ${index + 1}: ${lessonTitle}`);
          await expectText(page.locator('#selesaikan'), 'Pelajaran ini sudah selesai');
        }
      }
      await expectText(progress, 'Modul selesai');
      const enrollments = (await t.gql(MY_ENROLLMENTS, {}, token)).data!.myEnrollments.nodes;
      expect(enrollments).toEqual([expect.objectContaining({ status: 'COMPLETED', chargedIdr: 1, progressPercent: 100, completedAt: expect.any(String), module: { id: lele.id } })]);

      // 5. Rate the module.
      await page.locator('#nilai input[name="rating"][value="5"]').check();
      await page.getByLabel('Komentar (boleh dikosongkan)').fill('Praktis, langsung bisa dicoba di rumah.');
      await page.getByRole('button', { name: 'Simpan penilaian' }).click();
      await page.waitForURL((url) => url.searchParams.get('pesan') === 'dinilai');
      await expectText(page, 'Terima kasih, penilaian Anda tersimpan.');
      await expectText(page.locator('#nilai'), 'Penilaian Anda: 5 dari 5 bintang');

      // 6. The programme's platform reports a spend that uses up the rest of the credit.
      const spent = await t.gql(RECORD_SPEND, { input: { prakerjaCardNumber: person.card, amountIdr: 999_999, reference: `prakerja-${person.card}`, courseTitle: 'Pelatihan Budidaya Ikan Nila Intensif' } }, admin);
      expect(spent.errors).toBeUndefined();
      expect(spent.data!.recordCreditSpend).toMatchObject({ balanceIdr: 0, creditExhausted: true });

      // The wallet shows the banner with free options.
      await page.getByRole('link', { name: 'Dompet' }).click();
      await page.waitForURL('**/dompet');
      const banner = page.locator('section.notice', { has: page.locator('#saldo-habis') });
      await expectText(banner, 'Saldo pelatihan Anda sudah habis');
      expect(await banner.locator('li.card').count()).toBeGreaterThan(0);
      expect(await banner.locator('li.card').first().getByRole('link').getAttribute('href')).toMatch(/^\/modul\//);
      await expectText(main, 'Pelatihan Prakerja: Pelatihan Budidaya Ikan Nila Intensif');

      // 7. The notification arrives (delivered by the job pipeline: reload until it is there).
      await page.getByRole('link', { name: 'Notifikasi' }).click();
      await pollUntil(
        async () => {
          if (await main.getByText('Saldo pelatihan Kartu Prakerja Anda sudah habis').count()) return true;
          await page.reload();
          return undefined;
        },
        20_000,
        'the credit-exhausted notification on /notifikasi',
      );
      expect(await main.getByRole('link', { name: 'Lihat modul gratis untuk Anda' }).first().getAttribute('href')).toBe('/gratis');
      // Marked read: it moves under "Sudah dibaca" (in place with JavaScript).
      if (javaScript) await markDocument(page);
      await main.locator('li.unread', { hasText: 'Saldo pelatihan Kartu Prakerja Anda sudah habis' }).getByRole('button', { name: 'Tandai sudah dibaca' }).click();
      await expectText(main.locator('section', { has: page.locator('#sudah-dibaca') }), 'Saldo pelatihan Kartu Prakerja Anda sudah habis');
      if (javaScript) expect(await sameDocument(page)).toBe(true);

      // 8. Enrol in another Rp1 module: the fee is waived, the balance stays Rp0.
      await page.goto(`/modul/${secondPaid.slug}`);
      await page.getByRole('button', { name: 'Daftar (Rp1)' }).click();
      await page.waitForURL((url) => url.pathname.startsWith('/belajar/'));
      await page.getByRole('link', { name: 'Dompet' }).click();
      await page.waitForURL('**/dompet');
      await expectText(page.locator('p.balance'), 'Rp0');
      await expectText(main.locator('tbody tr').first(), 'Biaya modul Rp1 dibebaskan (saldo sudah habis)');
      const waived = (await t.gql(MY_WALLET, {}, token)).data!.myWallet;
      expect(waived).toMatchObject({ balanceIdr: 0, creditExhausted: true });
      expect(waived.entries[0]).toMatchObject({ kind: 'FEE_WAIVED', amountIdr: 0, balanceAfterIdr: 0 });

      guard.assertClean();
      await context.close();
    });
  }
});

/** Waits until the element (the page's body for a page) shows `text`, then checks it exactly (Playwright's own matching ignores case). */
async function expectText(target: Page | Locator, text: string): Promise<void> {
  const locator = 'goto' in target ? target.locator('body') : target;
  try {
    await locator.filter({ hasText: text }).first().waitFor();
  } catch (error) {
    const page = 'goto' in target ? target : target.page();
    const shown = (await page.locator('main').textContent().catch(() => null))?.replace(/\s+/g, ' ').slice(0, 400);
    throw new Error(`"${text}" not shown at ${page.url()}; the page says: ${shown}\n${(error as Error).message}`);
  }
  expect(await locator.first().textContent()).toContain(text);
}

/** Waits until no element of `locator` shows `text`. */
async function textGone(locator: Locator, text: string): Promise<void> {
  await locator.filter({ hasText: text }).first().waitFor({ state: 'detached' });
}
