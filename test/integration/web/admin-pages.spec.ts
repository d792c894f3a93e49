import { countRows, createCurator, registerBeneficiary, registerContributor } from '../../factories/accounts';
import { ADMIN, ADMIN_ENV, adminToken, outboxDrained } from '../../factories/learning';
import { publishedModule } from '../../factories/modules';
import { pollUntil } from '../../support/poll';
import { startTestApp, TestApp } from '../../support/test-app';
import { WebClient } from '../../support/web-client';

/** The text of the element with `id` (tags stripped), or undefined. */
function textById(html: string, id: string): string | undefined {
  const match = new RegExp(`<(\\w+)[^>]*\\sid="${id}"[^>]*>([\\s\\S]*?)</\\1>`).exec(html);
  return match?.[2].replace(/<[^>]+>/g, '').trim();
}

/** A figure of the facts list: the <dd> after the <dt> named `term`. */
function fact(html: string, term: string): string | undefined {
  return new RegExp(`<dt>${term}</dt><dd>([^<]*)</dd>`).exec(html)?.[1];
}

describe('web page /admin', () => {
  let t: TestApp;
  let admin: WebClient;

  const signedIn = async (email: string, password: string): Promise<WebClient> => {
    const web = new WebClient(t.baseUrl);
    const answer = await web.submit('/masuk', '/masuk', { email, password });
    expect(answer.status).toBe(303);
    return web;
  };

  beforeAll(async () => {
    t = await startTestApp(ADMIN_ENV);
    admin = await signedIn(ADMIN.email, ADMIN.password);
  });
  afterAll(async () => t.close());

  it('creates a curator who can then sign in and open the curators\' pages; the list shows them', async () => {
    const email = `kurator-baru-${Date.now().toString(36)}@example.id`;
    const page = await admin.get('/admin');
    expect(page.status).toBe(200);
    expect(page.html).toContain('action="/admin/kurator"');
    const created = await admin.post('/admin/kurator', { displayName: 'Kurator Baru', email: email.toUpperCase(), password: 'rahasia-kurator-99' });
    expect(created.status).toBe(303);
    expect(created.location).toBe('/admin?pesan=kurator-dibuat');
    const [row] = await t.db.query('SELECT role, display_name FROM users WHERE email = $1', [email]);
    expect(row).toEqual({ role: 'CURATOR', display_name: 'Kurator Baru' });
    const after = await admin.get(created.location!);
    expect(after.html).toContain('Akun kurator dibuat.');
    expect(after.html).toContain(email);

    const curator = await signedIn(email, 'rahasia-kurator-99');
    const reports = await curator.get('/kurator/laporan');
    expect(reports.status).toBe(200);
    expect(reports.html).toContain('<h1>Laporan</h1>');
    expect(reports.html).toContain('href="/kurator"'); // the navigation offers the curators' queue
  });

  it('refuses a bad curator form beside its fields, keeps what was typed but the password, and writes nothing', async () => {
    const taken = `kurator-ada-${Date.now().toString(36)}@example.id`;
    await admin.get('/admin');
    expect((await admin.post('/admin/kurator', { displayName: 'Kurator Ada', email: taken, password: 'rahasia-kurator-99' })).status).toBe(303);
    await admin.get('/admin');
    const before = await countRows(t.db);
    const refused = await admin.post('/admin/kurator', { displayName: 'K', email: 'bukan-email', password: 'pendek' });
    expect(refused.status).toBe(422);
    expect(textById(refused.html, 'displayName-galat')).toBe('Panjangnya 2 sampai 80 karakter.');
    expect(textById(refused.html, 'email-galat')).toBe('Tulis alamat email yang benar, misalnya nama@contoh.id.');
    expect(textById(refused.html, 'password-galat')).toBeTruthy();
    expect(refused.html).toContain('value="bukan-email"');
    expect(refused.html).not.toContain('pendek');
    const duplicate = await admin.post('/admin/kurator', { displayName: 'Kurator Kembar', email: taken, password: 'rahasia-kurator-99' });
    expect(duplicate.status).toBe(422);
    expect(textById(duplicate.html, 'email-galat')).toBe('Email ini sudah terdaftar untuk akun lain.');
    expect(await countRows(t.db)).toEqual(before);
  });

  it('is for the admin only: a curator, a contributor and a beneficiary get 403 and nothing is created', async () => {
    const curatorEmail = `kurator-ditolak-${Date.now().toString(36)}@example.id`;
    await t.gql(`mutation($i: CreateCuratorInput!) { createCurator(input: $i) { id } }`, { i: { email: curatorEmail, password: 'rahasia-kuat-123', displayName: 'Kurator Ditolak' } }, await adminToken(t));
    const contributorEmail = `kontributor-admin-${Date.now().toString(36)}@example.id`;
    await registerContributor(t, { email: contributorEmail });
    const beneficiaryEmail = `peserta-admin-${Date.now().toString(36)}@example.id`;
    await registerBeneficiary(t, { email: beneficiaryEmail });
    const before = await countRows(t.db);
    for (const email of [curatorEmail, contributorEmail, beneficiaryEmail]) {
      const web = await signedIn(email, 'rahasia-kuat-123');
      const page = await web.get('/admin');
      expect([email, page.status]).toEqual([email, 403]);
      expect(page.html).not.toContain('Antrean pekerjaan');
      expect((await web.post('/admin/kurator', { displayName: 'Penyusup', email: 'penyusup@example.id', password: 'rahasia-kuat-123' })).status).toBe(403);
      expect((await web.post('/admin/reindeks', {})).status).toBe(403);
    }
    expect(await countRows(t.db)).toEqual(before);
    const anonymous = await new WebClient(t.baseUrl).get('/admin');
    expect(anonymous.status).toBe(303);
    expect(anonymous.location).toMatch(/^\/masuk\?pesan=perlu-masuk/);
  });

  it('starts a reindex and follows it to the end: the region polls while running and counts every published module', async () => {
    const curator = await createCurator(t);
    const owner = await registerContributor(t);
    await publishedModule(t, owner.token, curator.token);
    await publishedModule(t, owner.token, curator.token);
    await outboxDrained(t);
    const [{ published }] = await t.db.query(`SELECT count(*)::int AS published FROM modules WHERE status = 'PUBLISHED'`);
    expect(published).toBeGreaterThanOrEqual(2);

    await admin.get('/admin');
    const started = await admin.post('/admin/reindeks', {});
    expect(started.status).toBe(303);
    const match = /^\/admin\/reindeks\/([0-9a-f-]{36})\?pesan=reindeks-dimulai$/.exec(started.location ?? '');
    expect(match).not.toBeNull();
    const path = `/admin/reindeks/${match![1]}`;
    const first = await admin.get(started.location!);
    expect(first.status).toBe(200);
    expect(first.html).toContain('Pembangunan ulang indeks pencarian dimulai.');
    // Polled while under way (with the no-JavaScript refresh link), not any more once over.
    if (first.html.includes('data-poll')) {
      expect(first.html).toContain('<section id="reindeks" aria-labelledby="reindeks-judul" data-poll="1500">');
      expect(first.html).toContain(`<a href="${path}">Perbarui</a>`);
    }
    const { value: done } = await pollUntil(async () => {
      const page = await admin.get(path);
      return page.html.includes('data-poll') ? undefined : page.html;
    }, 20_000, 'the reindex to finish');
    expect(fact(done, 'Status')).toBe('Selesai');
    expect(fact(done, 'Dokumen terindeks')).toBe(String(published));
    expect(done).not.toContain('Perbarui');
    const [job] = await t.db.query('SELECT state, indexed_documents FROM reindex_jobs WHERE id = $1', [match![1]]);
    expect(job).toEqual({ state: 'SUCCEEDED', indexed_documents: published });

    const overview = await admin.get('/admin');
    expect(overview.html).toContain(`href="${path}"`);
    expect((await admin.get('/admin/reindeks/bukan-id')).status).toBe(404);
    expect((await admin.get('/admin/reindeks/00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });

  it('shows the job pipeline as /health reports it: pending, given up and the oldest wait', async () => {
    await outboxDrained(t);
    // One row that gave up, and one waiting for two hours that the relay will not take yet (available later).
    const rows: { id: string }[] = await t.db.query(
      `INSERT INTO outbox_events (job, payload, created_at, available_at, failed_at, last_error, attempts)
       VALUES ('notify', '{}'::jsonb, now(), now(), now(), 'uji: gagal terus', 5),
              ('notify', '{}'::jsonb, now() - interval '2 hours', now() + interval '1 hour', NULL, NULL, 0) RETURNING id`,
    );
    try {
      const health = await (await fetch(`${t.baseUrl}/health`)).json();
      const page = await admin.get('/admin');
      expect(page.html).toContain('Antrean pekerjaan');
      expect(fact(page.html, 'Menunggu')).toBe(String(health.checks.outbox.pending));
      expect(fact(page.html, 'Menyerah \\(gagal\\)')).toBe(String(health.checks.outbox.givenUp));
      expect(Number(fact(page.html, 'Menyerah \\(gagal\\)'))).toBeGreaterThanOrEqual(1);
      expect(Number(fact(page.html, 'Menunggu'))).toBeGreaterThanOrEqual(1);
      expect(fact(page.html, 'Menunggu paling lama')).toBe('2 jam');
      expect(page.html).toContain('npm run outbox -- retry --all');
    } finally {
      await t.db.query('DELETE FROM outbox_events WHERE id = ANY($1::bigint[])', [rows.map((row) => row.id)]);
    }
  });
});
