import { gzipSync } from 'node:zlib';
import { Account, contributorInput, createCurator, registerContributor } from '../../factories/accounts';
import { ADMIN_ENV, COMPLETE_LESSON, countWrites, enroll, lessonIdsOf, RATE_MODULE, registerBeneficiaryWithCard } from '../../factories/learning';
import { createModule, publishedModule, REVIEW_MODULE, SUBMIT_MODULE, UPDATE_MODULE } from '../../factories/modules';
import { GraphQLResponse, startTestApp, TestApp } from '../../support/test-app';
import { WebClient } from '../../support/web-client';

const PASSWORD = 'rahasia-kuat-123';

/** A call through the API that must succeed. */
function ok<T extends GraphQLResponse>(response: T): NonNullable<T['data']> {
  if (response.errors) throw new Error(JSON.stringify(response.errors));
  return response.data!;
}

/** The card of one module on Modul Saya (its HTML up to the next card). */
function cardOf(html: string, moduleId: string): string {
  const card = html.split('<li class="card my-module">').slice(1).find((part) => part.includes(`href="/kontributor/modul/${moduleId}"`));
  if (!card) throw new Error(`no card for module ${moduleId}`);
  return card;
}

/** The value shown beside a label in a statistics list. */
function stat(html: string, label: string): string | undefined {
  return new RegExp(`<dt>${label}</dt><dd>([^<]*)</dd>`).exec(html)?.[1];
}

const cardCount = (html: string) => html.split('<li class="card my-module">').length - 1;
const userCount = async (t: TestApp) => Number((await t.db.query('SELECT count(*)::int AS n FROM users'))[0].n);

describe('web pages: /daftar/kontributor and /kontributor (Modul Saya)', () => {
  let t: TestApp;
  let curator: Account;

  beforeAll(async () => {
    t = await startTestApp(ADMIN_ENV);
    curator = await createCurator(t);
  });
  afterAll(async () => t.close());

  /** A browser signed in through /masuk with the factories' password. */
  async function signedIn(email: string): Promise<WebClient> {
    const web = new WebClient(t.baseUrl);
    const answer = await web.submit('/masuk', '/masuk', { email, password: PASSWORD });
    expect(answer.status).toBe(303);
    return web;
  }

  async function contributor(): Promise<Account & { email: string }> {
    const input = contributorInput();
    return { ...(await registerContributor(t, input)), email: input.email };
  }

  const registration = (overrides: Record<string, string> = {}) => ({
    displayName: 'Relawan Pelatih',
    email: `relawan-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}@contoh.id`,
    password: PASSWORD,
    kind: 'INDIVIDUAL',
    organizationName: '',
    bio: '',
    ...overrides,
  });

  it('registers a volunteer through registerContributor, signs them in and opens Modul Saya with how to start', async () => {
    expect((await new WebClient(t.baseUrl).get('/daftar')).html).toContain('href="/daftar/kontributor"');
    expect((await new WebClient(t.baseUrl).get('/masuk')).html).toContain('href="/daftar/kontributor"');

    const web = new WebClient(t.baseUrl);
    const form = await web.get('/daftar/kontributor');
    expect(form.status).toBe(200);
    expect(form.html).toMatch(/<input type="radio" name="kind" value="INDIVIDUAL" checked/);
    expect(form.html).toContain('value="ORGANIZATION"');

    const fields = registration({ bio: 'Guru tata boga sepuluh tahun.' });
    const created = await web.post('/daftar/kontributor', fields);
    expect(created.status).toBe(303);
    expect(created.location).toBe('/kontributor?pesan=kontributor-terdaftar');
    expect(web.cookie('sesi')).toBeTruthy();
    const [user] = await t.db.query('SELECT role, contributor_kind, organization_name, bio FROM users WHERE email = $1', [fields.email]);
    expect(user).toEqual({ role: 'CONTRIBUTOR', contributor_kind: 'INDIVIDUAL', organization_name: null, bio: 'Guru tata boga sepuluh tahun.' });
    expect(ok(await t.gql('{ me { role contributorKind } }', {}, web.cookie('sesi'))).me).toEqual({ role: 'CONTRIBUTOR', contributorKind: 'INDIVIDUAL' });

    const page = await web.get(created.location!);
    expect(page.status).toBe(200);
    expect(page.html).toContain('Akun kontributor Anda sudah dibuat.');
    expect(page.html).toContain('<h1>Modul Saya</h1>');
    expect(page.html).toContain('Belum ada modul. Begini cara memulai:');
    expect(page.html).toContain('href="/kontributor/modul/baru"');
    expect(page.html).toContain('href="/kontributor/impor"');
    expect(stat(page.html, 'Terbit')).toBe('0');
    expect(cardCount(page.html)).toBe(0);
  });

  it('registers an organisation; a refused form shows the API rules beside their fields and creates no account', async () => {
    const web = new WebClient(t.baseUrl);
    await web.get('/daftar/kontributor');
    const before = await userCount(t);

    const refused = await web.post('/daftar/kontributor', registration({ displayName: 'A', email: 'bukan-email', kind: 'ORGANIZATION', bio: 'Lembaga kursus menjahit.' }));
    expect(refused.status).toBe(422);
    expect(refused.html).toMatch(/id="organizationName-galat">Panjangnya 2 sampai 120 karakter\.</);
    expect(refused.html).toMatch(/id="displayName-galat">Panjangnya 2 sampai 80 karakter\.</);
    expect(refused.html).toMatch(/id="email-galat">Tulis alamat email yang benar/);
    const summary = /Periksa lagi isian berikut:(.*?)<\/ul>/.exec(refused.html)![1];
    expect([...summary.matchAll(/<a href="#(\w+)">/g)].map((match) => match[1])).toEqual(['displayName', 'email', 'organizationName']);
    expect(refused.html).toMatch(/<input type="radio" name="kind" value="ORGANIZATION" checked/);
    expect(refused.html).toContain('Lembaga kursus menjahit.');
    expect(refused.html).not.toContain(PASSWORD);
    expect(web.cookie('sesi')).toBeUndefined();

    const noKind = await web.post('/daftar/kontributor', registration({ kind: '' }));
    expect(noKind.status).toBe(422);
    expect(noKind.html).toMatch(/id="kind-galat">Pilih salah satu pilihan yang ada\.</);
    expect(noKind.html).not.toMatch(/name="kind" value="[A-Z]+" checked/);
    expect(await userCount(t)).toBe(before);

    const fields = registration({ kind: 'ORGANIZATION', organizationName: 'LPK Maju Bersama' });
    const created = await web.post('/daftar/kontributor', fields);
    expect(created.status).toBe(303);
    const [user] = await t.db.query('SELECT role, contributor_kind, organization_name FROM users WHERE email = $1', [fields.email]);
    expect(user).toEqual({ role: 'CONTRIBUTOR', contributor_kind: 'ORGANIZATION', organization_name: 'LPK Maju Bersama' });

    const again = await new WebClient(t.baseUrl).submit('/daftar/kontributor', '/daftar/kontributor', { ...fields, kind: 'INDIVIDUAL', organizationName: '' });
    expect(again.status).toBe(422);
    expect(again.html).toContain('Email ini sudah terdaftar');
    expect(await userCount(t)).toBe(before + 1);
  });

  it('refuses a registration without its CSRF token with 403, writing nothing', async () => {
    const web = new WebClient(t.baseUrl);
    await web.get('/daftar/kontributor');
    const before = await countWrites(t.db);
    const forged = await web.post('/daftar/kontributor', { _csrf: 'palsu', ...registration() });
    expect(forged.status).toBe(403);
    const missing = await new WebClient(t.baseUrl).post('/daftar/kontributor', { _csrf: '', ...registration() });
    expect(missing.status).toBe(403);
    expect(await countWrites(t.db)).toEqual(before);
  });

  it('lists every status with what to do next, the pending revision, the curator notes and the counters the API gives', async () => {
    const owner = await contributor();
    const review = async (moduleId: string, expectedVersion: number, decision: string, note?: string) =>
      ok(await t.gql(REVIEW_MODULE, { input: { moduleId, expectedVersion, decision, note } }, curator.token));
    const submit = async (moduleId: string) => ok(await t.gql(SUBMIT_MODULE, { id: moduleId }, owner.token)).submitModule.version as number;

    const draft = await createModule(t, owner.token, { title: 'Draf Tata Boga Rumahan' });
    const inReview = await createModule(t, owner.token, { title: 'Ditinjau Budidaya Lele' });
    await submit(inReview.id);
    const changes = await createModule(t, owner.token, { title: 'Perbaikan Desain Logo' });
    await review(changes.id, await submit(changes.id), 'REQUEST_CHANGES', 'Tambahkan contoh logo yang sudah jadi.');
    const rejected = await createModule(t, owner.token, { title: 'Ditolak Kerajinan Anyaman' });
    await review(rejected.id, await submit(rejected.id), 'REJECT', 'Materi ini melanggar aturan program.');
    const popular = await publishedModule(t, owner.token, curator.token, { title: 'Terbit Barista Kopi Susu' });
    const revised = await publishedModule(t, owner.token, curator.token, { title: 'Terbit Akuntansi Warung' });
    const edit = ok(await t.gql(UPDATE_MODULE, { input: { id: revised.id, expectedVersion: revised.version, title: 'Terbit Akuntansi Warung Edisi Baru' } }, owner.token));
    await review(revised.id, edit.updateModule.version, 'REQUEST_CHANGES', 'Judul baru belum menjelaskan isinya.');
    const waiting = await publishedModule(t, owner.token, curator.token, { title: 'Terbit Desain Kemasan Produk' });
    ok(await t.gql(UPDATE_MODULE, { input: { id: waiting.id, expectedVersion: waiting.version, summary: 'Ringkasan yang diperbarui untuk pelaku usaha rumahan.' } }, owner.token));
    const takenDown = await publishedModule(t, owner.token, curator.token, { title: 'Diturunkan Menjahit Masker' });
    ok(await t.gql(`mutation($id: ID!, $note: String!) { unpublishModule(moduleId: $id, note: $note) { id } }`, { id: takenDown.id, note: 'Video pelajaran tidak bisa diputar.' }, curator.token));
    const archived = await createModule(t, owner.token, { title: 'Arsip Bahasa Inggris Pramusaji' });
    ok(await t.gql(`mutation($id: ID!) { archiveModule(id: $id) { id } }`, { id: archived.id }, owner.token));

    // Two learners enrol in the popular module; one completes it; both rate it.
    const [learner, other] = [await registerBeneficiaryWithCard(t), await registerBeneficiaryWithCard(t)];
    const enrollment = await enroll(t, learner.token, popular.id);
    await enroll(t, other.token, popular.id);
    for (const lessonId of await lessonIdsOf(t, learner.token, popular.id)) ok(await t.gql(COMPLETE_LESSON, { enrollmentId: enrollment.id, lessonId }, learner.token));
    ok(await t.gql(RATE_MODULE, { input: { moduleId: popular.id, rating: 4 } }, learner.token));
    ok(await t.gql(RATE_MODULE, { input: { moduleId: popular.id, rating: 5 } }, other.token));

    const web = await signedIn(owner.email);
    const page = await web.get('/kontributor');
    expect(page.status).toBe(200);
    expect(page.html).toContain('9 modul, terbaru dulu');
    expect(cardCount(page.html)).toBe(9);

    const expectCard = (id: string, status: string, nextStep: RegExp) => {
      const card = cardOf(page.html, id);
      expect(card).toContain(`Status: <strong>${status}</strong>`);
      expect(card).toMatch(nextStep);
      return card;
    };
    expectCard(draft.id, 'Draf', /lengkapi isinya<\/a>, lalu kirim untuk ditinjau/);
    expect(expectCard(inReview.id, 'Sedang ditinjau', /tunggu keputusan kurator\. Selama ditinjau/)).not.toContain('Catatan kurator');
    expect(expectCard(changes.id, 'Perlu perbaikan', /baca catatan kurator, <a [^>]*>perbaiki modulnya<\/a>, lalu kirim lagi/)).toContain('<blockquote>Tambahkan contoh logo yang sudah jadi.</blockquote>');
    expect(expectCard(rejected.id, 'Ditolak', /tidak bisa dikirim lagi/)).toContain('<blockquote>Materi ini melanggar aturan program.</blockquote>');
    const popularCard = expectCard(popular.id, 'Terbit', new RegExp(`<a href="/modul/${popular.slug}">lihat di situs</a>`));
    expect(popularCard).not.toContain('Perubahan:');
    const revisedCard = expectCard(revised.id, 'Terbit', /perbaiki perubahan Anda<\/a>, lalu kirim lagi/);
    expect(revisedCard).toContain('Perubahan: perlu perbaikan');
    expect(revisedCard).toContain('<blockquote>Judul baru belum menjelaskan isinya.</blockquote>');
    expect(revisedCard).toContain('>Terbit Akuntansi Warung</a>');
    const waitingCard = expectCard(waiting.id, 'Terbit', /tunggu keputusan kurator atas perubahan Anda\. Peserta tetap melihat versi yang sudah disetujui/);
    expect(waitingCard).toContain('Perubahan: sedang ditinjau');
    expect(waitingCard).not.toContain('Catatan kurator');
    expect(expectCard(takenDown.id, 'Diturunkan', /modul diturunkan\. Baca catatan kurator/)).toContain('<blockquote>Video pelajaran tidak bisa diputar.</blockquote>');
    expectCard(archived.id, 'Diarsipkan', /tidak ada\. Modul yang diarsipkan/);

    // The numbers are the API's: myModules' counters per module and myContributorStats for the totals.
    const api = ok(
      await t.gql(
        `{ myModules(first: 20) { nodes { id enrollmentCount completionCount ratingAverage ratingCount } }
           myContributorStats { publishedModules inReviewModules totalEnrollments totalCompletions ratingAverage } }`,
        {},
        owner.token,
      ),
    );
    const popularApi = api.myModules.nodes.find((node: { id: string }) => node.id === popular.id);
    expect(popularApi).toEqual({ id: popular.id, enrollmentCount: 2, completionCount: 1, ratingAverage: 4.5, ratingCount: 2 });
    expect(stat(popularCard, 'Terdaftar')).toBe('2');
    expect(stat(popularCard, 'Selesai')).toBe('1');
    expect(stat(popularCard, 'Penilaian')).toBe('4,5 dari 5 (2 penilaian)');
    expect(stat(cardOf(page.html, draft.id), 'Penilaian')).toBe('Belum ada penilaian');
    expect(api.myContributorStats).toEqual({ publishedModules: 3, inReviewModules: 1, totalEnrollments: 2, totalCompletions: 1, ratingAverage: 4.5 });
    expect(stat(page.html, 'Terbit')).toBe('3');
    expect(stat(page.html, 'Sedang ditinjau')).toBe('1');
    expect(stat(page.html, 'Peserta terdaftar')).toBe('2');
    expect(stat(page.html, 'Peserta selesai')).toBe('1');
    expect(stat(page.html, 'Rata-rata penilaian')).toBe('4,5 dari 5');

    // The status filter (a GET form) shows only that status; a status that does not exist is a bad request.
    const filtered = await web.get('/kontributor?status=CHANGES_REQUESTED');
    expect(filtered.status).toBe(200);
    expect(cardCount(filtered.html)).toBe(1);
    expect(filtered.html).toContain(`href="/kontributor/modul/${changes.id}"`);
    expect(filtered.html).toContain('<option value="CHANGES_REQUESTED" selected>');
    expect((await web.get('/kontributor?status=DIHAPUS')).status).toBe(400);
    expect((await web.get('/kontributor?setelah=bukan-kursor')).status).toBe(400);
  });

  it('pages 20 modules at a time with the API cursor, in at most 30 KB, without sideways scrolling markup', async () => {
    const owner = await contributor();
    const ids: string[] = [];
    for (let index = 0; index < 21; index++) ids.push((await createModule(t, owner.token, { title: `Modul Ke-${index} Keterampilan Kerja Digital untuk Pemula` })).id);
    const web = await signedIn(owner.email);
    const first = await web.get('/kontributor');
    expect(cardCount(first.html)).toBe(20);
    expect(gzipSync(first.html).length).toBeLessThan(30 * 1024);
    expect(first.html).not.toContain('<table');
    const next = /href="(\/kontributor\?setelah=[^"]+)">Halaman berikutnya/.exec(first.html)![1];
    const second = await web.get(next.replace(/&amp;/g, '&'));
    expect(second.status).toBe(200);
    expect(cardCount(second.html)).toBe(1);
    expect(second.html).toContain(`href="/kontributor/modul/${ids[0]}"`);
    expect(first.html).not.toContain(`href="/kontributor/modul/${ids[0]}"`);
    expect(second.html).toContain('href="/kontributor">Ke halaman pertama');
  });

  it('shows a contributor only their own modules, refuses beneficiaries and curators (403) and sends guests to /masuk', async () => {
    const owner = await contributor();
    const stranger = await contributor();
    const theirs = await createModule(t, owner.token, { title: 'Rahasia Pemilik Kursus Kue' });
    const mine = await createModule(t, stranger.token, { title: 'Milik Orang Lain Kursus Jahit' });

    const strangerPage = await (await signedIn(stranger.email)).get('/kontributor');
    expect(strangerPage.status).toBe(200);
    expect(strangerPage.html).toContain(`href="/kontributor/modul/${mine.id}"`);
    expect(strangerPage.html).not.toContain(theirs.id);
    expect(strangerPage.html).not.toContain('Rahasia Pemilik Kursus Kue');

    const learnerEmail = `peserta-kontributor-${Date.now().toString(36)}@example.id`;
    await registerBeneficiaryWithCard(t, { email: learnerEmail });
    const refused = await (await signedIn(learnerEmail)).get('/kontributor');
    expect(refused.status).toBe(403);
    expect(refused.html).not.toContain('Modul Saya</h1>');
    expect(refused.html).not.toContain('Rahasia Pemilik Kursus Kue');

    const curatorWeb = new WebClient(t.baseUrl);
    const curatorEmail = ok(await t.gql('{ me { email } }', {}, curator.token)).me.email;
    expect((await curatorWeb.submit('/masuk', '/masuk', { email: curatorEmail, password: 'rahasia-kurator-1' })).status).toBe(303);
    expect((await curatorWeb.get('/kontributor')).status).toBe(403);

    const guest = await new WebClient(t.baseUrl).get('/kontributor');
    expect(guest.status).toBe(303);
    expect(guest.location).toBe('/masuk?pesan=perlu-masuk&lanjut=%2Fkontributor');
  });
});
