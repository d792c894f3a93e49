import { Account, contributorInput, createCurator, registerContributor } from '../../factories/accounts';
import { ADMIN_ENV, COMPLETE_LESSON, lessonIdsOf, outboxDrained, registerBeneficiaryWithCard } from '../../factories/learning';
import { createModule, lessonInput, publishedModule } from '../../factories/modules';
import { pollUntil } from '../../support/poll';
import { startTestApp, TestApp } from '../../support/test-app';
import { WebClient } from '../../support/web-client';
import { attr, elementsOf, textOf } from '../../support/html-tree';

const byId = (html: string, id: string) => elementsOf(html).find((node) => attr(node, 'id') === id);
/** The related-modules section's links (the cards' titles). */
const relatedLinks = (html: string): string[] => {
  const section = elementsOf(html).find((node) => node.tagName === 'section' && attr(node, 'aria-labelledby') === 'terkait');
  if (!section) return [];
  const links: string[] = [];
  const pending = [section];
  while (pending.length > 0) {
    const node = pending.pop()!;
    if (node.tagName === 'a') links.push(attr(node, 'href')!);
    pending.push(...(node.childNodes ?? []));
  }
  return links;
};

describe('web page /modul/{slug} and its report form', () => {
  let t: TestApp;
  let curator: Account;
  let owner: Account & { email: string };
  let beneficiary: Awaited<ReturnType<typeof registerBeneficiaryWithCard>> & { email: string };

  beforeAll(async () => {
    t = await startTestApp(ADMIN_ENV);
    curator = await createCurator(t);
    const ownerInput = contributorInput();
    owner = { ...(await registerContributor(t, ownerInput)), email: ownerInput.email };
    const email = `peserta-modul-${Date.now().toString(36)}@example.id`;
    beneficiary = { ...(await registerBeneficiaryWithCard(t, { email })), email };
  });
  afterAll(async () => t.close());

  /** A browser signed in through /masuk with the factories' password. */
  const signedIn = async (email: string): Promise<WebClient> => {
    const web = new WebClient(t.baseUrl);
    const answer = await web.submit('/masuk', '/masuk', { email, password: 'rahasia-kuat-123' });
    expect(answer.status).toBe(303);
    return web;
  };

  it('shows a free module with its facts, "Gratis", sanitised description and no lesson content to anonymous viewers', async () => {
    const description = [
      '## Yang akan Anda pelajari',
      '',
      'Pengantar <script>alert("curi")</script> modul. [Klik](javascript:alert(1)) <img src="https://contoh.id/a.png" onerror="alert(2)"> selesai.',
      '',
      '<a href="javascript:void(0)" onclick="alert(3)">tautan</a>',
    ].join('\n');
    const module = await publishedModule(t, owner.token, curator.token, { description, certificate: true, skills: ['media sosial'] });
    const page = await new WebClient(t.baseUrl).get(`/modul/${module.slug}`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(page.html).toContain('Gratis');
    expect(page.html).toContain('Bahasa Indonesia');
    expect(page.html).toContain('Belajar mandiri');
    expect(page.html).toContain('Pemula');
    expect(page.html).toContain('Ada sertifikat setelah selesai');
    expect(page.html).toContain('Belum ada ulasan');
    expect(page.html).toContain('Penjualan');

    const elements = elementsOf(page.html);
    const prose = elements.find((node) => attr(node, 'class') === 'prose')!;
    expect(textOf(prose)).toContain('alert("curi")'); // shown as text
    const scripts = elements.filter((node) => node.tagName === 'script');
    expect(scripts.map((node) => attr(node, 'src'))).toEqual([expect.stringMatching(/^\/assets\/site\.[0-9a-f]{10}\.js$/)]);
    expect(elements.filter((node) => node.tagName === 'img')).toEqual([]);
    expect(elements.flatMap((node) => (node.attrs ?? []).filter((attribute) => attribute.name.startsWith('on')))).toEqual([]);
    expect(elements.flatMap((node) => (node.attrs ?? []).filter((attribute) => /^\s*javascript:/i.test(attribute.value)))).toEqual([]);
    // The contributor's "##" sits below the page's own h2 "Tentang modul ini" (the page's outline stays its own).
    expect(elements.filter((node) => node.tagName === 'h4').map(textOf)).toContain('Yang akan Anda pelajari');
    expect(elements.filter((node) => node.tagName === 'h1')).toHaveLength(1);

    // Lesson titles, kinds and durations; never their content.
    expect(page.html).toContain('Mengenal pemasaran digital');
    expect(page.html).toContain('Bacaan');
    expect(page.html).not.toContain('https://video.contoh-pelatihan.id/pemasaran-1.mp4');
    expect(page.html).not.toContain('Buat tiga unggahan.');

    const signIn = elements.find((node) => node.tagName === 'a' && textOf(node).includes('Masuk untuk mendaftar'))!;
    expect(attr(signIn, 'href')).toBe(`/masuk?lanjut=${encodeURIComponent(`/modul/${module.slug}`)}`);
    expect(page.html).not.toContain('action="/belajar"');
  });

  it('explains Rp1, offers beneficiaries the enrol form, then "Lanjutkan belajar" to the first unfinished lesson; other roles get no button', async () => {
    const module = await publishedModule(t, owner.token, curator.token, {
      priceIdr: 1,
      lessons: [lessonInput({ title: 'Pelajaran satu' }), lessonInput({ title: 'Pelajaran dua', kind: 'ARTICLE', contentUrl: null, body: 'Isi pelajaran dua.' })],
    });
    const web = await signedIn(beneficiary.email);
    const before = await web.get(`/modul/${module.slug}`);
    expect(before.html).toContain('Rp1');
    expect(before.html).toContain('Rp1 dipotong sekali dari saldo pelatihan Kartu Prakerja Anda selama saldo masih ada. Setelah saldo habis, biayanya dibebaskan');
    const form = elementsOf(before.html).find((node) => node.tagName === 'form' && attr(node, 'action') === '/belajar')!;
    expect(attr(form, 'method')).toBe('post');
    const hidden = elementsOf(before.html).find((node) => attr(node, 'name') === 'moduleId')!;
    expect(attr(hidden, 'value')).toBe(module.id);
    expect(before.html).not.toContain('Lanjutkan belajar');

    // The form as a browser sends it (POST /belajar enrols, then opens the first lesson).
    const enrolling = await web.post(attr(form, 'action')!, { moduleId: attr(hidden, 'value')! });
    expect(enrolling.status).toBe(303);
    const [first, second] = await lessonIdsOf(t, beneficiary.token, module.id);
    const [enrollment] = await t.db.query('SELECT id FROM enrollments WHERE beneficiary_id = $1 AND module_id = $2', [beneficiary.id, module.id]);
    expect(enrolling.location).toBe(`/belajar/${enrollment.id}/${first}?pesan=terdaftar_modul`);
    const enrolled = await web.get(`/modul/${module.slug}`);
    const carryOn = elementsOf(enrolled.html).find((node) => node.tagName === 'a' && textOf(node) === 'Lanjutkan belajar')!;
    expect(attr(carryOn, 'href')).toBe(`/belajar/${enrollment.id}/${first}`);
    expect(enrolled.html).not.toContain('action="/belajar"');
    expect(enrolled.html).not.toContain('Isi pelajaran dua.');

    const completed = await t.gql(COMPLETE_LESSON, { enrollmentId: enrollment.id, lessonId: first }, beneficiary.token);
    expect(completed.errors).toBeUndefined();
    const later = await web.get(`/modul/${module.slug}`);
    expect(attr(elementsOf(later.html).find((node) => node.tagName === 'a' && textOf(node) === 'Lanjutkan belajar')!, 'href')).toBe(`/belajar/${enrollment.id}/${second}`);

    const asContributor = await (await signedIn(owner.email)).get(`/modul/${module.slug}`);
    expect(asContributor.status).toBe(200);
    expect(asContributor.html).not.toContain('action="/belajar"');
    expect(asContributor.html).not.toContain('Masuk untuk mendaftar');
    expect(asContributor.html).not.toContain('Lanjutkan belajar');
  });

  it('answers a draft with the 404 page to others but shows it to its owner; malformed slugs are 404', async () => {
    const draft = await createModule(t, owner.token);
    expect((await new WebClient(t.baseUrl).get(`/modul/${draft.slug}`)).status).toBe(404);
    const asBeneficiary = await (await signedIn(beneficiary.email)).get(`/modul/${draft.slug}`);
    expect(asBeneficiary.status).toBe(404);
    expect(asBeneficiary.html).toContain('Tidak ditemukan');
    const asOwner = await (await signedIn(owner.email)).get(`/modul/${draft.slug}`);
    expect(asOwner.status).toBe(200);
    expect(asOwner.html).toContain('Modul ini masih draf');
    expect(asOwner.html).not.toContain('Laporkan modul ini');

    for (const slug of ['tidak-ada-modul-ini', 'Huruf-Besar', 'a--b', '-awal', `${'a'.repeat(81)}`, "x'%20OR%201=1", '%E2%80%8Bmodul']) {
      const answer = await new WebClient(t.baseUrl).get(`/modul/${slug}`);
      expect([slug, answer.status]).toEqual([slug, 404]);
      expect(answer.html).toContain('Tidak ditemukan');
    }
  });

  it('takes a report through the same input and service as reportModule: errors beside fields write nothing, success writes one row', async () => {
    const module = await publishedModule(t, owner.token, curator.token);
    const reports = async () => Number((await t.db.query('SELECT count(*)::int AS n FROM reports WHERE module_id = $1', [module.id]))[0].n);

    const anonymous = await new WebClient(t.baseUrl).get(`/modul/${module.slug}/laporkan`);
    expect(anonymous.status).toBe(303);
    expect(anonymous.location).toMatch(/^\/masuk\?/);

    const web = await signedIn(beneficiary.email);
    const page = await web.get(`/modul/${module.slug}`);
    expect(page.html).toContain(`action="/modul/${module.slug}/laporkan"`);
    expect(page.html).toContain('<option value="BROKEN_CONTENT">Materi rusak atau tidak bisa dibuka</option>');

    const noReason = await web.post(`/modul/${module.slug}/laporkan`, { reason: '', details: 'Videonya tidak bisa diputar.' });
    expect(noReason.status).toBe(422);
    expect(textOf(byId(noReason.html, 'reason-galat')!)).toBe('Pilih salah satu pilihan yang ada.');
    expect(noReason.html).toContain('Videonya tidak bisa diputar.'); // kept in the form
    const tooLong = await web.post(`/modul/${module.slug}/laporkan`, { reason: 'OTHER', details: 'x'.repeat(2001) });
    expect(tooLong.status).toBe(422);
    expect(byId(tooLong.html, 'details-galat')).toBeDefined();
    const unknownReason = await web.post(`/modul/${module.slug}/laporkan`, { reason: 'NOT_A_REASON' });
    expect(unknownReason.status).toBe(422);
    expect(await reports()).toBe(0);

    const sent = await web.post(`/modul/${module.slug}/laporkan`, { reason: 'BROKEN_CONTENT', details: 'Videonya tidak bisa diputar.' });
    expect(sent.status).toBe(303);
    expect(sent.location).toBe(`/modul/${module.slug}?pesan=dilaporkan`);
    const [row] = await t.db.query('SELECT reason, details, reporter_id FROM reports WHERE module_id = $1', [module.id]);
    expect(row).toEqual({ reason: 'BROKEN_CONTENT', details: 'Videonya tidak bisa diputar.', reporter_id: beneficiary.id });
    expect((await web.get(sent.location!)).html).toContain('Terima kasih, laporan Anda akan ditinjau kurator.');

    const again = await web.post(`/modul/${module.slug}/laporkan`, { reason: 'SPAM' });
    expect(again.status).toBe(422);
    expect(again.html).toContain('Anda sudah melaporkan modul ini');
    expect(await reports()).toBe(1);
  });

  it('lists related free modules of the same kind, never the module itself nor a Rp1 one', async () => {
    const topic = `Fotografi Produk ${Date.now().toString(36)}`;
    const category = { categorySlug: 'desain-multimedia' };
    const main = await publishedModule(t, owner.token, curator.token, { ...category, title: `${topic} dengan Ponsel` });
    const free = await publishedModule(t, owner.token, curator.token, { ...category, title: `${topic} untuk Toko Daring` });
    const paid = await publishedModule(t, owner.token, curator.token, { ...category, title: `${topic} Lanjutan`, priceIdr: 1 });
    await outboxDrained(t);
    const { value: links } = await pollUntil(
      async () => {
        const found = relatedLinks((await new WebClient(t.baseUrl).get(`/modul/${main.slug}`)).html);
        return found.includes(`/modul/${free.slug}`) ? found : undefined;
      },
      10_000,
      'the related free module to be searchable',
    );
    expect(links.length).toBeLessThanOrEqual(5);
    expect(links).not.toContain(`/modul/${main.slug}`);
    expect(links).not.toContain(`/modul/${paid.slug}`);
  });
});
