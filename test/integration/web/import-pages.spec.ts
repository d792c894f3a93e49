import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { registerBeneficiary, registerContributor } from '../../factories/accounts';
import { moduleInput } from '../../factories/modules';
import { pollUntil } from '../../support/poll';
import { startTestApp, TestApp } from '../../support/test-app';
import { PageAnswer, WebClient } from '../../support/web-client';

jest.setTimeout(90_000);

const PASSWORD = 'rahasia-kuat-123';
const COURSES = join(__dirname, '../../../../shared/data/prakerja-isw2023/courses.csv');
/** A small import limit (the API's is 32 MiB), so a refused "too big" file is cheap to send. */
const LIMIT_BYTES = 1_572_864;
const HEADER = 'title,summary,description,category,skills,level,deliveryMode,priceIdr,lessons';
const LESSONS = JSON.stringify([{ title: 'Pengantar', kind: 'ARTICLE', durationMinutes: 20, body: 'Isi pelajaran.' }]);
const csvCell = (value: string) => `"${value.replace(/"/g, '""')}"`;
const moduleRow = (title: string, { price = '0', category = 'perkantoran' } = {}) =>
  [title, 'Ringkasan modul impor yang cukup panjang untuk aturan.', 'Deskripsi modul impor yang panjangnya lebih dari lima puluh karakter.', category, 'Excel;Rumus', 'beginner', 'self_paced', price, LESSONS]
    .map(csvCell)
    .join(',');

describe('web pages: /kontributor/impor', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ IMPORT_BODY_LIMIT_BYTES: String(LIMIT_BYTES) });
  });
  afterAll(() => t.close());

  const signIn = async (email: string): Promise<WebClient> => {
    const web = new WebClient(t.baseUrl);
    const answer = await web.submit('/masuk', '/masuk', { email, password: PASSWORD });
    expect(answer.status).toBe(303);
    return web;
  };
  const newContributor = async () => {
    const email = `importir-${Math.random().toString(36).slice(2)}@example.id`;
    const account = await registerContributor(t, { email, password: PASSWORD });
    return { ...account, web: await signIn(email) };
  };
  /** What an owner has in the database: modules, their lessons and import jobs. */
  const owned = async (ownerId: string) => {
    const [row] = await t.db.query(
      `SELECT (SELECT count(*)::int FROM modules WHERE contributor_id = $1) AS modules,
              (SELECT count(*)::int FROM lessons l JOIN modules m ON m.id = l.module_id WHERE m.contributor_id = $1) AS lessons,
              (SELECT count(*)::int FROM import_jobs WHERE owner_id = $1) AS jobs`,
      [ownerId],
    );
    return row as { modules: number; lessons: number; jobs: number };
  };
  const upload = async (web: WebClient, name: string, content: Buffer | string): Promise<PageAnswer> => {
    await web.get('/kontributor/impor');
    return web.upload('/kontributor/impor', {}, { field: 'berkas', name, content, type: name.endsWith('.json') ? 'application/json' : 'text/csv' });
  };
  /** Follows the upload's redirect and reloads the job page (as "Perbarui" does) until the job is done. */
  const finishedJob = async (web: WebClient, answer: PageAnswer): Promise<{ id: string; html: string }> => {
    expect([answer.status, answer.location]).toEqual([303, expect.stringMatching(/^\/kontributor\/impor\/[0-9a-f-]{36}\?pesan=impor-diterima$/)]);
    const id = /impor\/([0-9a-f-]{36})/.exec(answer.location!)![1];
    const first = await web.get(answer.location!);
    expect(first.status).toBe(200);
    expect(first.html).toContain('Berkas diterima.');
    const done = await pollUntil(async () => {
      const page = await web.get(`/kontributor/impor/${id}`);
      expect(page.status).toBe(200);
      return page.html.includes('data-poll') ? undefined : page.html;
    }, 30_000, 'the import job to finish');
    return { id, html: done.value };
  };
  const createdIds = async (jobId: string): Promise<string[]> => (await t.db.query(`SELECT created_module_ids AS ids FROM import_jobs WHERE id = $1`, [jobId]))[0].ids;
  const failureRows = (html: string) =>
    [...html.matchAll(/<tr><td class="num">(\d+)<\/td><td>([^<]*)<\/td><td>([^<]*)<\/td><\/tr>/g)].map(([, row, field, message]) => [Number(row), field, message]);

  it('explains the formats and offers the upload form and an example CSV, which imports as it is', async () => {
    const { id, web } = await newContributor();
    const page = await web.get('/kontributor/impor');
    expect(page.status).toBe(200);
    expect(page.html).toMatch(/<form method="post" action="\/kontributor\/impor" enctype="multipart\/form-data"/);
    expect(page.html).toMatch(/<input id="berkas" name="berkas" type="file" accept=".csv,.json" required/);
    expect(page.html).toContain('name="_csrf"');
    expect(page.html).toContain('<code>provider,title,category,type,price</code>');
    expect(page.html).toContain('paling besar 1,5 MB, paling banyak 5.000 modul');
    const example = await web.get('/kontributor/impor/contoh.csv');
    expect([example.status, example.headers.get('content-type')]).toEqual([200, 'text/csv; charset=utf-8']);
    expect(example.html.split('\n')[0]).toBe('title,summary,description,category,skills,level,language,deliveryMode,priceIdr,certificate,lessons');

    const { html } = await finishedJob(web, await upload(web, 'contoh.csv', example.html));
    expect(html).toContain('<strong>2 modul dibuat sebagai draf</strong>.');
    expect(html).not.toContain('Baris yang tidak diimpor');
    expect(await owned(id)).toEqual({ modules: 2, lessons: 3, jobs: 1 });
  });

  it('reports the bad rows of a CSV by the file’s own row numbers and creates the others as drafts', async () => {
    const { id, web } = await newContributor();
    const csv = [HEADER, moduleRow('Rumus Excel untuk Admin Kantor'), moduleRow('Surat Menyurat untuk Admin'), moduleRow('Harga yang Tidak Boleh', { price: '5' }), moduleRow('rumus excel untuk  admin kantor'), `${moduleRow('Pelajaran yang Rusak').slice(0, -LESSONS.length - 2)}"[{"`].join('\n');
    const { id: jobId, html } = await finishedJob(web, await upload(web, 'modul.csv', `\uFEFF${csv}\n`));
    expect(html).toContain('<strong>2 modul dibuat sebagai draf</strong>, 3 baris tidak diimpor.');
    expect(failureRows(html)).toEqual([
      [4, 'Harga (priceIdr)', 'priceIdr must be 0 or 1'],
      [5, 'Judul (title)', 'Judulnya sama dengan baris 2.'],
      [6, 'Pelajaran (lessons)', 'Kolom lessons harus berisi daftar pelajaran dalam format JSON.'],
    ]);
    const ids = await createdIds(jobId);
    expect(ids).toHaveLength(2);
    for (const moduleId of ids) expect(html).toContain(`<a href="/kontributor/modul/${moduleId}">`);
    const modules = await t.db.query(`SELECT title, status FROM modules WHERE contributor_id = $1 ORDER BY title`, [id]);
    expect(modules).toEqual([
      { title: 'Rumus Excel untuk Admin Kantor', status: 'DRAFT' },
      { title: 'Surat Menyurat untuk Admin', status: 'DRAFT' },
    ]);
    const report = await web.get(`/kontributor/impor/${jobId}/laporan.csv`);
    expect(report.html.split('\n').slice(0, 2)).toEqual(['row,field,message', '4,"priceIdr","priceIdr must be 0 or 1"']);
  });

  it("imports Prakerja's 266 real listings, their categories mapped, with the first 50 linked", async () => {
    const { id, web } = await newContributor();
    const { id: jobId, html } = await finishedJob(web, await upload(web, 'courses.csv', readFileSync(COURSES)));
    expect(html).toContain('<h2 id="impor-status">Selesai</h2>');
    expect(html).toContain('<strong>266 modul dibuat sebagai draf</strong>.');
    expect(html).toContain('<progress id="impor-progres" max="266" value="266">');
    expect(html).not.toContain('Baris yang tidak diimpor');
    expect(html.match(/<a href="\/kontributor\/modul\/[0-9a-f-]{36}">/g)).toHaveLength(50);
    expect(html).toContain('dan 216 lainnya di Modul Saya.');
    expect(await createdIds(jobId)).toHaveLength(266);
    expect(await owned(id)).toEqual({ modules: 266, lessons: 266, jobs: 1 });
    const [{ categories }] = await t.db.query(`SELECT count(DISTINCT category_id)::int AS categories FROM modules WHERE contributor_id = $1`, [id]);
    expect(categories).toBeGreaterThan(5);
  });

  it('imports a JSON file, naming a bad item by its place in the array', async () => {
    const { id, web } = await newContributor();
    const items = [moduleInput({ title: 'Modul JSON yang Benar untuk Impor' }), moduleInput({ categorySlug: 'tidak-ada' })];
    const { html } = await finishedJob(web, await upload(web, 'modul.json', JSON.stringify(items)));
    expect(html).toContain('<strong>1 modul dibuat sebagai draf</strong>, 1 baris tidak diimpor.');
    expect(failureRows(html)).toEqual([[2, 'Kategori (categorySlug)', "unknown category 'tidak-ada'"]]);
    expect((await owned(id)).modules).toBe(1);
  });

  it('refuses a whole file it cannot read (not UTF-8, malformed CSV, unknown columns, too big, not CSV or JSON), writing nothing', async () => {
    const { id, web } = await newContributor();
    const before = await owned(id);
    const latin1 = Buffer.concat([Buffer.from(`${HEADER}\n`), Buffer.from([0x43, 0x61, 0x66, 0xe9]), Buffer.from('\n')]);
    const cases: [string, Buffer | string, number, string][] = [
      ['latin1.csv', latin1, 422, 'Berkas latin1.csv bukan teks UTF-8.'],
      ['rusak.csv', `${HEADER}\n"Judul tanpa tutup kutip,a,b\n`, 422, 'CSV tidak sah di baris 2: ada tanda kutip yang tidak ditutup atau salah tempat.'],
      ['kolom.csv', 'judul,harga\nSesuatu,0\n', 422, 'Kolom tidak dikenal: judul, harga.'],
      ['besar.csv', Buffer.alloc(LIMIT_BYTES + 1, 'a'), 413, 'Berkas ini lebih besar dari 1,5 MB. Pecah menjadi beberapa berkas.'],
      ['modul.xlsx', 'PK', 422, 'Berkas harus berakhiran .csv atau .json.'],
    ];
    for (const [name, content, status, message] of cases) {
      const answer = await upload(web, name, content);
      expect([name, answer.status]).toEqual([name, status]);
      expect(answer.html).toContain(`<p class="error" id="berkas-galat">${message}`);
      expect(answer.html).toMatch(/<input id="berkas" name="berkas" type="file" accept=".csv,.json" required aria-describedby="berkas-petunjuk berkas-galat" aria-invalid="true"/);
    }
    expect(await owned(id)).toEqual(before);
  });

  it('refuses an upload without the CSRF token in the multipart body (403), writing nothing', async () => {
    const { id, web } = await newContributor();
    await web.get('/kontributor/impor');
    const file = { field: 'berkas', name: 'modul.csv', content: `${HEADER}\n${moduleRow('Modul Tanpa Token CSRF')}\n`, type: 'text/csv' };
    expect((await web.upload('/kontributor/impor', { _csrf: 'palsu' }, file)).status).toBe(403);
    const urlencoded = await web.post('/kontributor/impor', {});
    expect(urlencoded.status).toBe(422);
    expect(await owned(id)).toEqual({ modules: 0, lessons: 0, jobs: 0 });
  });

  it('parses multipart only on the upload page and takes one file: elsewhere the body carries no CSRF token (403); a second file refuses the upload; nothing written', async () => {
    const { id, web } = await newContributor();
    const file = { field: 'berkas', name: 'modul.csv', content: `${HEADER}\n${moduleRow('Modul Dari Dua Berkas')}\n`, type: 'text/csv' };
    // The editor's form as multipart, with a valid token: not parsed there, so the token is missing.
    await web.get('/kontributor/modul/baru');
    expect((await web.upload('/kontributor/modul/baru', { title: 'Modul Lewat Multipart', aksi: 'simpan' }, file)).status).toBe(403);
    await web.get('/kontributor/impor');
    const twoFiles = await web.upload('/kontributor/impor', {}, [file, { ...file, name: 'kedua.csv' }]);
    expect(twoFiles.status).toBe(422);
    expect(twoFiles.html).toContain('<p class="error" id="berkas-galat">Pilih satu berkas .csv atau .json untuk diunggah.');
    expect(await owned(id)).toEqual({ modules: 0, lessons: 0, jobs: 0 });
  });

  it('refuses a beneficiary (403) and shows a job to its owner only', async () => {
    const email = `peserta-${Math.random().toString(36).slice(2)}@example.id`;
    const beneficiary = await registerBeneficiary(t, { email, password: PASSWORD });
    const learner = await signIn(email);
    expect((await learner.get('/kontributor/impor')).status).toBe(403);
    const posted = await learner.upload('/kontributor/impor', {}, { field: 'berkas', name: 'modul.csv', content: `${HEADER}\n${moduleRow('Modul dari Peserta')}\n` });
    expect(posted.status).toBe(403);
    expect(await owned(beneficiary.id)).toEqual({ modules: 0, lessons: 0, jobs: 0 });

    const owner = await newContributor();
    const { id: jobId } = await finishedJob(owner.web, await upload(owner.web, 'satu.csv', `${HEADER}\n${moduleRow('Modul Milik Pemilik Impor')}\n`));
    const other = await newContributor();
    const seen = await other.web.get(`/kontributor/impor/${jobId}`);
    expect(seen.status).toBe(404);
    expect(seen.html).not.toContain('Modul Milik Pemilik Impor');
    expect((await other.web.get(`/kontributor/impor/${jobId}/laporan.csv`)).status).toBe(404);
    expect((await learner.get(`/kontributor/impor/${jobId}`)).status).toBe(403);
    expect((await owner.web.get('/kontributor/impor/bukan-id')).status).toBe(404);
  });
});
