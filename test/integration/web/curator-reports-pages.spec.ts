import { Account, countRows, registerBeneficiary, registerContributor } from '../../factories/accounts';
import { ADMIN, ADMIN_ENV, adminToken, REPORT_MODULE, RESOLVE_REPORT } from '../../factories/learning';
import { publishedModule } from '../../factories/modules';
import { pollUntil } from '../../support/poll';
import { startTestApp, TestApp } from '../../support/test-app';
import { WebClient } from '../../support/web-client';

const PASSWORD = 'rahasia-kuat-123';
const CREATE_CURATOR = `mutation($i: CreateCuratorInput!) { createCurator(input: $i) { id } }`;
const LOGIN = `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }`;

/** The text of the element with `id` (tags stripped), or undefined. */
function textById(html: string, id: string): string | undefined {
  const match = new RegExp(`<(\\w+)[^>]*\\sid="${id}"[^>]*>([\\s\\S]*?)</\\1>`).exec(html);
  return match?.[2].replace(/<[^>]+>/g, '').trim();
}

describe('web page /kurator/laporan', () => {
  let t: TestApp;
  let curator: Account & { email: string };
  let owner: Account & { email: string };
  let reporter: Account & { email: string; name: string };
  let curatorWeb: WebClient;

  const signedIn = async (email: string): Promise<WebClient> => {
    const web = new WebClient(t.baseUrl);
    const answer = await web.submit('/masuk', '/masuk', { email, password: PASSWORD });
    expect(answer.status).toBe(303);
    return web;
  };

  /** A published module reported by `reporter`, with Markdown details. */
  const reportedModule = async (details = 'Video **pelajaran 2** tidak bisa diputar. <script>alert(1)</script>', title?: string) => {
    const module = await publishedModule(t, owner.token, curator.token, title ? { title } : {});
    const report = await t.gql(REPORT_MODULE, { input: { moduleId: module.id, reason: 'BROKEN_CONTENT', details } }, reporter.token);
    if (report.errors) throw new Error(JSON.stringify(report.errors));
    return { module, reportId: report.data!.reportModule.id as string };
  };

  const reportRow = async (id: string) => (await t.db.query('SELECT status, resolution_note FROM reports WHERE id = $1', [id]))[0];
  const moduleStatus = async (id: string) => (await t.db.query('SELECT status FROM modules WHERE id = $1', [id]))[0].status;

  beforeAll(async () => {
    t = await startTestApp(ADMIN_ENV);
    const email = `kurator-laporan-${Date.now().toString(36)}@example.id`;
    const created = await t.gql(CREATE_CURATOR, { i: { email, password: PASSWORD, displayName: 'Kurator Laporan' } }, await adminToken(t));
    const login = await t.gql(LOGIN, { e: email, p: PASSWORD });
    curator = { id: created.data!.createCurator.id, token: login.data!.login.accessToken, email };
    const ownerEmail = `pemilik-laporan-${Date.now().toString(36)}@example.id`;
    owner = { ...(await registerContributor(t, { email: ownerEmail })), email: ownerEmail };
    const reporterEmail = `pelapor-${Date.now().toString(36)}@example.id`;
    const name = `Pelapor ${Date.now().toString(36)}`;
    reporter = { ...(await registerBeneficiary(t, { email: reporterEmail, displayName: name })), email: reporterEmail, name };
    curatorWeb = await signedIn(curator.email);
  });
  afterAll(async () => t.close());

  it('lists an open report with its module, reason, reporter and sanitised details, and a resolve form', async () => {
    const { module, reportId } = await reportedModule();
    const page = await curatorWeb.get('/kurator/laporan');
    expect(page.status).toBe(200);
    expect(page.html).toContain('<h1>Laporan</h1>');
    expect(page.html).toContain(`<a href="/modul/${module.slug}">`);
    expect(page.html).toContain(`href="/kurator/modul/${module.id}"`);
    expect(page.html).toContain('Materi rusak atau tidak bisa dibuka');
    expect(page.html).toContain(reporter.name);
    expect(page.html).toContain('<strong>pelajaran 2</strong>');
    expect(page.html).not.toContain('<script>alert');
    expect(page.html).toContain(`action="/kurator/laporan/${reportId}"`);
    expect(page.html).toContain('value="abaikan"');
    expect(page.html).toContain('value="turunkan"');
    expect(page.html).toContain(`<label for="catatan-${reportId}">`);
  });

  it('dismisses a report with a note: 303 with a notice, DISMISSED with the note, the module stays published', async () => {
    const { module, reportId } = await reportedModule();
    await curatorWeb.get('/kurator/laporan');
    const answer = await curatorWeb.post(`/kurator/laporan/${reportId}`, { note: 'Video sudah dicek dan bisa diputar.', keputusan: 'abaikan' });
    expect(answer.status).toBe(303);
    expect(answer.location).toBe('/kurator/laporan?pesan=laporan-diabaikan');
    expect(await reportRow(reportId)).toEqual({ status: 'DISMISSED', resolution_note: 'Video sudah dicek dan bisa diputar.' });
    expect(await moduleStatus(module.id)).toBe('PUBLISHED');
    const after = await curatorWeb.get(answer.location!);
    expect(after.html).toContain('Laporan diabaikan.');
    expect(after.html).not.toContain(`action="/kurator/laporan/${reportId}"`);
    const dismissed = await curatorWeb.get('/kurator/laporan?status=DISMISSED');
    expect(dismissed.html).toContain('Video sudah dicek dan bisa diputar.');
    expect(dismissed.html).not.toContain(`action="/kurator/laporan/${reportId}"`);
  });

  it('unpublishes the module with a note: the report is RESOLVED and the module is no longer found by search', async () => {
    const title = `Kerajinan Anyaman Pandan ${Date.now().toString(36)}`;
    const { module, reportId } = await reportedModule('Isinya menyalin buku orang lain.', title);
    const search = `/?q=${encodeURIComponent(title)}`;
    await pollUntil(async () => ((await new WebClient(t.baseUrl).get(search)).html.includes(`/modul/${module.slug}`) ? true : undefined), 10_000, 'the module to be searchable');

    await curatorWeb.get('/kurator/laporan');
    const answer = await curatorWeb.post(`/kurator/laporan/${reportId}`, { note: 'Melanggar hak cipta.', keputusan: 'turunkan' });
    expect(answer.status).toBe(303);
    expect(answer.location).toBe('/kurator/laporan?pesan=laporan-modul-diturunkan');
    expect(await reportRow(reportId)).toEqual({ status: 'RESOLVED', resolution_note: 'Melanggar hak cipta.' });
    expect(await moduleStatus(module.id)).toBe('UNPUBLISHED');
    await pollUntil(async () => ((await new WebClient(t.baseUrl).get(search)).html.includes(`/modul/${module.slug}`) ? undefined : true), 10_000, 'the module to leave search');
    expect((await new WebClient(t.baseUrl).get(`/modul/${module.slug}`)).status).toBe(404);
  });

  it('refuses a missing note beside its field and writes nothing; an unknown decision is refused too', async () => {
    const { module, reportId } = await reportedModule();
    await curatorWeb.get('/kurator/laporan');
    const before = await countRows(t.db);
    const noNote = await curatorWeb.post(`/kurator/laporan/${reportId}`, { note: '   ', keputusan: 'turunkan' });
    expect(noNote.status).toBe(422);
    expect(textById(noNote.html, `catatan-${reportId}-galat`)).toBe('Panjangnya 1 sampai 2000 karakter.');
    expect(noNote.html).toContain(`aria-describedby="catatan-${reportId}-petunjuk catatan-${reportId}-galat"`);
    expect(noNote.html).toContain(`href="#catatan-${reportId}"`); // the summary links to the field
    const noDecision = await curatorWeb.post(`/kurator/laporan/${reportId}`, { note: 'Catatan.', keputusan: 'hapus' });
    expect(noDecision.status).toBe(422);
    expect(textById(noDecision.html, `keputusan-${reportId}-galat`)).toBe('Pilih salah satu pilihan yang ada.');
    expect(noDecision.html).toContain('Catatan.'); // the note is kept
    const markup = await curatorWeb.post(`/kurator/laporan/${reportId}`, { note: '<b>turun</b>', keputusan: 'turunkan' });
    expect(markup.status).toBe(422);
    expect(textById(markup.html, `catatan-${reportId}-galat`)).toBeTruthy();
    expect(await countRows(t.db)).toEqual(before);
    expect(await reportRow(reportId)).toEqual({ status: 'OPEN', resolution_note: null });
    expect(await moduleStatus(module.id)).toBe('PUBLISHED');
  });

  it('says clearly when the report was already resolved meanwhile (409, nothing written)', async () => {
    const { reportId } = await reportedModule();
    await curatorWeb.get('/kurator/laporan');
    const elsewhere = await t.gql(RESOLVE_REPORT, { input: { reportId, status: 'DISMISSED', note: 'Sudah ditangani lewat API.' } }, curator.token);
    expect(elsewhere.errors).toBeUndefined();
    const answer = await curatorWeb.post(`/kurator/laporan/${reportId}`, { note: 'Terlambat.', keputusan: 'abaikan' });
    expect(answer.status).toBe(409);
    expect(answer.html).toContain('Laporan itu sudah ditangani');
    expect(await reportRow(reportId)).toEqual({ status: 'DISMISSED', resolution_note: 'Sudah ditangani lewat API.' });
  });

  it('says why a module cannot be taken down when its owner archived it meanwhile (409 beside that report, nothing written)', async () => {
    const { module, reportId } = await reportedModule();
    const archived = await t.gql(`mutation($id: ID!) { archiveModule(id: $id) { status } }`, { id: module.id }, owner.token);
    expect(archived.errors).toBeUndefined();
    await curatorWeb.get('/kurator/laporan');
    const before = await countRows(t.db);
    const answer = await curatorWeb.post(`/kurator/laporan/${reportId}`, { note: 'Turunkan.', keputusan: 'turunkan' });
    expect(answer.status).toBe(409);
    expect(textById(answer.html, `keputusan-${reportId}-galat`)).toBe('Modul ini sedang tidak terbit, jadi tidak bisa diturunkan. Abaikan laporannya, atau tinjau modulnya.');
    expect(answer.html).toContain('Status modul: Diarsipkan');
    expect(await countRows(t.db)).toEqual(before);
    expect(await reportRow(reportId)).toEqual({ status: 'OPEN', resolution_note: null });
    // Dismissing it still works.
    expect((await curatorWeb.post(`/kurator/laporan/${reportId}`, { note: 'Modul sudah diarsipkan pemiliknya.', keputusan: 'abaikan' })).status).toBe(303);
  });

  it('is for curators and the admin only: beneficiaries and contributors get 403 and see nothing, anonymous visitors sign in first', async () => {
    const { reportId } = await reportedModule('Rahasia pelapor yang tidak boleh terlihat.');
    for (const email of [reporter.email, owner.email]) {
      const web = await signedIn(email);
      const page = await web.get('/kurator/laporan');
      expect(page.status).toBe(403);
      expect(page.html).not.toContain('Rahasia pelapor');
      const post = await web.post(`/kurator/laporan/${reportId}`, { note: 'Coba.', keputusan: 'turunkan' });
      expect(post.status).toBe(403);
    }
    expect(await reportRow(reportId)).toEqual({ status: 'OPEN', resolution_note: null });
    const anonymous = await new WebClient(t.baseUrl).get('/kurator/laporan');
    expect(anonymous.status).toBe(303);
    expect(anonymous.location).toMatch(/^\/masuk\?pesan=perlu-masuk/);
    const admin = new WebClient(t.baseUrl);
    expect((await admin.submit('/masuk', '/masuk', { email: ADMIN.email, password: ADMIN.password })).status).toBe(303);
    const asAdmin = await admin.get('/kurator/laporan');
    expect(asAdmin.status).toBe(200);
    expect(asAdmin.html).toContain('Rahasia pelapor yang tidak boleh terlihat.');
  });

  it('answers a malformed or unknown report id with 404', async () => {
    await curatorWeb.get('/kurator/laporan');
    expect((await curatorWeb.post('/kurator/laporan/bukan-id', { note: 'x', keputusan: 'abaikan' })).status).toBe(404);
    const unknown = await curatorWeb.post('/kurator/laporan/00000000-0000-4000-8000-000000000000', { note: 'x', keputusan: 'abaikan' });
    expect(unknown.status).toBe(404);
  });
});
