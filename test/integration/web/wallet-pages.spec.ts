import { Account, createCurator, registerContributor } from '../../factories/accounts';
import { ADMIN_ENV, adminToken, Beneficiary, enroll, registerBeneficiaryWithCard, waitForNotification } from '../../factories/learning';
import { publishedModule } from '../../factories/modules';
import { pollUntil } from '../../support/poll';
import { startTestApp, TestApp } from '../../support/test-app';
import { WebClient } from '../../support/web-client';

jest.setTimeout(60_000);

const PASSWORD = 'rahasia-kuat-123';
const SPEND = `mutation($input: RecordCreditSpendInput!) { recordCreditSpend(input: $input) { balanceIdr } }`;
const BANNER = 'Saldo pelatihan Anda sudah habis — modul berikut tetap gratis untuk Anda';

describe('web pages: /dompet, /gratis, /notifikasi', () => {
  let t: TestApp;
  let admin: string;
  let owner: Account & { email: string };
  const modules: Record<string, { id: string; slug: string; title: string }> = {};

  const topics: [string, Record<string, unknown>][] = [
    ['logo', { title: 'Desain Logo dengan Aplikasi Gratis', summary: 'Membuat desain logo usaha sendiri memakai aplikasi desain gratis di ponsel.', categorySlug: 'desain-multimedia', skills: ['desain logo'] }],
    ['lele', { title: 'Budidaya Ikan Lele Sistem Bioflok', summary: 'Budidaya lele di kolam terpal dengan sistem bioflok untuk usaha rumahan.', categorySlug: 'pertanian-perikanan', skills: ['budidaya lele'] }],
    ['kopi', { title: 'Meracik Kopi Susu Kekinian', summary: 'Resep kopi susu gula aren untuk usaha kedai kopi kecil.', categorySlug: 'makanan-minuman', skills: ['barista'] }],
    ['iklan', { title: 'Iklan Media Sosial untuk Warung', summary: 'Memasang iklan media sosial berbiaya kecil untuk warung dan toko.', skills: ['pemasaran digital'], priceIdr: 1 }],
    ['jahit', { title: 'Menjahit Masker Kain untuk Dijual', summary: 'Menjahit masker kain tiga lapis dengan mesin jahit rumahan.', categorySlug: 'kerajinan-seni', skills: ['menjahit'], priceIdr: 1 }],
  ];

  beforeAll(async () => {
    t = await startTestApp(ADMIN_ENV);
    admin = await adminToken(t);
    const email = `pemilik-${Date.now()}@example.id`;
    owner = { ...(await registerContributor(t, { email, password: PASSWORD })), email };
    const curator = await createCurator(t);
    for (const [key, override] of topics) {
      const published = await publishedModule(t, owner.token, curator.token, override);
      modules[key] = { id: published.id, slug: published.slug, title: override.title as string };
    }
    await pollUntil(
      async () => ((await t.gql(`{ searchModules(input: { query: "", pageSize: 100 }) { totalHits } }`)).data?.searchModules.totalHits === topics.length ? true : undefined),
      10_000,
      'the modules in the search index',
    );
  });
  afterAll(() => t.close());

  const signIn = async (email: string): Promise<WebClient> => {
    const web = new WebClient(t.baseUrl);
    const answer = await web.submit('/masuk', '/masuk', { email, password: PASSWORD });
    expect(answer.status).toBe(303);
    return web;
  };
  const newBeneficiary = async (override: Record<string, unknown> = {}): Promise<{ beneficiary: Beneficiary; web: WebClient }> => {
    const email = `peserta-${Math.random().toString(36).slice(2)}@example.id`;
    const beneficiary = await registerBeneficiaryWithCard(t, { email, password: PASSWORD, ...override });
    return { beneficiary, web: await signIn(email) };
  };
  const spend = async (who: Beneficiary, amountIdr: number, reference: string, courseTitle?: string) => {
    const res = await t.gql(SPEND, { input: { prakerjaCardNumber: who.card, amountIdr, reference, courseTitle } }, admin);
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data!.recordCreditSpend.balanceIdr as number;
  };
  const cardSlugs = (html: string) => [...html.matchAll(/<li class="card"><h3><a href="\/modul\/([^"]+)"/g)].map((match) => decodeURIComponent(match[1]));

  it("shows a new beneficiary's wallet: Rp1.000.000 and the GRANT, no banner", async () => {
    const { web } = await newBeneficiary();
    const page = await web.get('/dompet');
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(page.html).toContain('<strong>Rp1.000.000</strong>');
    expect(page.html).toMatch(/<td>Saldo awal<\/td><td class="num">\+Rp1\.000\.000<\/td><td class="num">Rp1\.000\.000<\/td>/);
    expect(page.html).not.toContain(BANNER);
    expect(page.html).not.toContain('Lebih lama');
  });

  it('after the programme spends the whole credit: the banner, five free options (Rp1 ones too) and the course bought in the ledger, escaped', async () => {
    const { beneficiary, web } = await newBeneficiary({ interests: ['pemasaran digital'] });
    const courseTitle = 'Pemasaran Digital & Iklan Media Sosial (Tingkat < Menengah)';
    expect(await spend(beneficiary, 1_000_000, `habis-${beneficiary.card}`, courseTitle)).toBe(0);

    const page = await web.get('/dompet');
    expect(page.status).toBe(200);
    expect(page.html).toContain('<strong>Rp0</strong>');
    expect(page.html).toContain(BANNER);
    expect(page.html).toContain('Pelatihan Prakerja<span class="muted">: Pemasaran Digital &amp; Iklan Media Sosial (Tingkat &lt; Menengah)</span>');
    expect(page.html).toContain('−Rp1.000.000');
    expect(page.html).toContain('href="/gratis"');
    const offered = cardSlugs(page.html);
    expect(offered.length).toBeGreaterThan(0);
    expect(offered.length).toBeLessThanOrEqual(5);
    // Rp1 modules are free now (fee waived), and the one like the course bought comes first.
    expect(offered[0]).toBe(modules.iklan.slug);
    // The ledger lists the newest entry first.
    expect(page.html.indexOf('Pelatihan Prakerja')).toBeLessThan(page.html.indexOf('Saldo awal'));
  });

  it('names every kind of entry: the Rp1 fee while the credit lasts, the waiver after', async () => {
    const { beneficiary, web } = await newBeneficiary();
    expect((await enroll(t, beneficiary.token, modules.jahit.id)).chargedIdr).toBe(1);
    await spend(beneficiary, 999_999, `sisa-${beneficiary.card}`);
    expect((await enroll(t, beneficiary.token, modules.iklan.id)).chargedIdr).toBe(0);
    const page = await web.get('/dompet');
    const rows = [...page.html.matchAll(/<tr><td><time[^>]*>[^<]*<\/time><\/td><td>([^<]+)(?:<span[^>]*>[^<]*<\/span>)?<\/td><td class="num">([^<]+)<\/td><td class="num">([^<]+)<\/td><\/tr>/g)].map((match) => match.slice(1));
    expect(rows).toEqual([
      ['Biaya modul Rp1 dibebaskan (saldo sudah habis)', 'Rp0', 'Rp0'],
      ['Pelatihan Prakerja', '−Rp999.999', 'Rp0'],
      ['Biaya pendaftaran modul Rp1', '−Rp1', 'Rp999.999'],
      ['Saldo awal', '+Rp1.000.000', 'Rp1.000.000'],
    ]);
  });

  it('pages a long ledger twenty entries at a time; a bad page number is the 404 page', async () => {
    const { beneficiary, web } = await newBeneficiary();
    for (let i = 0; i < 21; i++) await spend(beneficiary, 1_000, `kecil-${i}-${beneficiary.card}`);
    const first = await web.get('/dompet');
    expect(first.html.match(/<tr>/g)).toHaveLength(21); // the header row and twenty entries
    expect(first.html).not.toContain('Saldo awal');
    expect(first.html).toContain('href="/dompet?halaman=2"');
    const second = await web.get('/dompet?halaman=2');
    expect(second.status).toBe(200);
    expect(second.html.match(/<tr>/g)).toHaveLength(3);
    expect(second.html).toContain('Saldo awal');
    expect(second.html).toContain('href="/dompet"');
    expect(second.html).not.toContain('halaman=3');
    for (const bad of ['0', 'abc', '-1', '123456']) expect((await web.get(`/dompet?halaman=${bad}`)).status).toBe(404);
  });

  it('/gratis ranks free modules like the ?mirip= text; Rp1 ones only once the credit is exhausted, explained', async () => {
    const { beneficiary, web } = await newBeneficiary({ interests: [] });
    const like = await web.get(`/gratis?mirip=${encodeURIComponent('desain logo usaha')}`);
    expect(like.status).toBe(200);
    expect(like.html).toContain('value="desain logo usaha"');
    expect(like.html).toContain('Modul gratis yang mirip dengan “desain logo usaha”');
    expect(cardSlugs(like.html)[0]).toBe(modules.logo.slug);
    expect(cardSlugs(like.html)).not.toContain(modules.iklan.slug);
    expect(like.html).toContain('akan muncul di sini setelah saldo pelatihan Anda habis');

    await spend(beneficiary, 1_000_000, `gratis-${beneficiary.card}`);
    const exhausted = await web.get(`/gratis?mirip=${encodeURIComponent('iklan media sosial')}`);
    expect(cardSlugs(exhausted.html)[0]).toBe(modules.iklan.slug);
    expect(exhausted.html).toContain('Rp1');
    expect(exhausted.html).toContain('biayanya dibebaskan untuk Anda');
  });

  it('refuses an over-long ?mirip= beside the field with 422, never a 500', async () => {
    const { web } = await newBeneficiary();
    const long = await web.get(`/gratis?mirip=${'a'.repeat(201)}`);
    expect(long.status).toBe(422);
    expect(long.html).toMatch(/<p class="error" id="mirip-galat">Paling banyak 200 karakter\.<\/p>/);
    expect(long.html).toContain('aria-invalid="true"');
    expect(long.html).not.toContain('<li class="card">');
    // Odd text the API takes is taken here too; a mirip sent twice reads as none.
    expect((await web.get('/gratis?mirip=kopi%00susu%ED%A0%80')).status).toBe(200);
    expect((await web.get('/gratis?mirip=a&mirip=b')).status).toBe(200);
  });

  it('lists notifications unread first with module links; marks one and then all read; another user’s ids change nothing', async () => {
    // The owner was told of each approval (MODULE_APPROVED, through the job pipeline).
    await pollUntil(
      async () => {
        const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM notifications WHERE user_id = $1 AND kind = 'MODULE_APPROVED'`, [owner.id]);
        return n === topics.length ? true : undefined;
      },
      10_000,
      "the owner's approval notifications",
    );
    const rows: { id: string; module_ids: string[] }[] = await t.db.query(`SELECT id, module_ids FROM notifications WHERE user_id = $1 ORDER BY created_at DESC, id DESC`, [owner.id]);
    const web = await signIn(owner.email);
    const listed = await web.get('/notifikasi');
    expect(listed.status).toBe(200);
    expect(listed.html).toContain(`Belum dibaca (${topics.length})`);
    expect(listed.html).toMatch(new RegExp(`<p id="pesan-${rows[0].id}">Modul (&quot;|")[^<]+ disetujui kurator`));
    expect(listed.html).toContain(`href="/modul/${modules.logo.slug}"`);
    expect(listed.html.match(/Tandai sudah dibaca/g)).toHaveLength(topics.length);
    expect(listed.html).toContain('data-enhance="#notifikasi"');

    // Someone else's id changes nothing.
    const { web: stranger } = await newBeneficiary();
    await stranger.get('/notifikasi');
    const foreign = await stranger.post('/notifikasi/dibaca', { ids: [rows[0].id] });
    expect(foreign.status).toBe(303);
    expect((await t.db.query(`SELECT count(*)::int AS n FROM notifications WHERE user_id = $1 AND read_at IS NOT NULL`, [owner.id]))[0].n).toBe(0);

    // The newest one read: the older unread ones come before it.
    const one = await web.post('/notifikasi/dibaca', { ids: [rows[0].id, 'bukan-uuid'] });
    expect(one.status).toBe(303);
    expect(one.location).toBe('/notifikasi?pesan=dibaca');
    const after = await web.get(one.location!);
    expect(after.html).toContain('Notifikasi ditandai sudah dibaca.');
    expect(after.html).toContain(`Belum dibaca (${topics.length - 1})`);
    expect(after.html.indexOf(`id="pesan-${rows[1].id}"`)).toBeLessThan(after.html.indexOf('Sudah dibaca'));
    expect(after.html.indexOf(`id="pesan-${rows[0].id}"`)).toBeGreaterThan(after.html.indexOf('Sudah dibaca'));
    const readIds = await t.db.query(`SELECT id FROM notifications WHERE user_id = $1 AND read_at IS NOT NULL`, [owner.id]);
    expect(readIds).toEqual([{ id: rows[0].id }]);

    // "Tandai semua" posts every unread id shown.
    const allIds = [...after.html.matchAll(/<input type="hidden" name="ids" value="([^"]+)"\/>/g)].map((match) => match[1]);
    expect(new Set(allIds)).toEqual(new Set(rows.slice(1).map((row) => row.id)));
    expect((await web.post('/notifikasi/dibaca', { ids: allIds })).status).toBe(303);
    expect((await t.db.query(`SELECT count(*)::int AS n FROM notifications WHERE user_id = $1 AND read_at IS NULL`, [owner.id]))[0].n).toBe(0);
    const none = await web.get('/notifikasi');
    expect(none.html).not.toContain('Belum dibaca');
    expect(none.html).not.toContain('Tandai semua sudah dibaca');

    // Too many ids is a refused request, not a 500; nothing without a CSRF token.
    expect((await web.post('/notifikasi/dibaca', { ids: Array.from({ length: 501 }, () => rows[0].id) })).status).toBe(400);
    expect((await web.post('/notifikasi/dibaca', { _csrf: 'palsu', ids: [rows[0].id] })).status).toBe(403);
  });

  it("shows a beneficiary the credit-exhausted notification with its free modules and /gratis", async () => {
    const { beneficiary, web } = await newBeneficiary();
    await spend(beneficiary, 1_000_000, `notif-${beneficiary.card}`, 'Desain Logo Profesional');
    const notification = await waitForNotification(t, beneficiary.token, 'CREDIT_EXHAUSTED');
    const page = await web.get('/notifikasi');
    expect(page.html).toContain('Saldo pelatihan Kartu Prakerja Anda sudah habis');
    expect(page.html).toContain('href="/gratis"');
    expect(notification.moduleIds.length).toBeGreaterThan(0);
    for (const id of notification.moduleIds) {
      const module = Object.values(modules).find((candidate) => candidate.id === id)!;
      expect(page.html).toContain(`href="/modul/${module.slug}"`);
    }
  });

  it('keeps the pages to their people: a contributor gets 403 on /dompet and /gratis; anonymous visitors go to /masuk and back', async () => {
    const contributor = await signIn(owner.email);
    for (const path of ['/dompet', '/gratis']) {
      const page = await contributor.get(path);
      expect(page.status).toBe(403);
      expect(page.html).toContain('Tidak diizinkan');
    }
    expect((await contributor.get('/notifikasi')).status).toBe(200);
    const anonymous = new WebClient(t.baseUrl);
    for (const path of ['/dompet?halaman=2', '/gratis?mirip=kopi', '/notifikasi']) {
      const page = await anonymous.get(path);
      expect(page.status).toBe(303);
      expect(page.location).toBe(`/masuk?pesan=perlu-masuk&lanjut=${encodeURIComponent(path)}`);
    }
    await anonymous.get('/masuk');
    const post = await anonymous.post('/notifikasi/dibaca', { ids: ['x'] });
    expect(post.status).toBe(303);
    expect(post.location).toMatch(/^\/masuk\?/);
  });
});
