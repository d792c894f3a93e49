import { isURL } from 'class-validator';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { containsMarkup } from '../../../src/common/plain-text';
import { type Account, createCurator, REGISTER_BENEFICIARY, REGISTER_CONTRIBUTOR, beneficiaryInput, contributorInput } from '../../factories/accounts';
import { ADMIN_ENV, adminToken, REPORT_MODULE, RESOLVE_REPORT } from '../../factories/learning';
import { moduleInput, REVIEW_MODULE, SUBMIT_MODULE } from '../../factories/modules';
import { describeInBrowser, launchBrowser, newBrowserContext, type PageGuard } from '../../support/browser';
import { dataOf, guardHostileContext, inBatches, plain, unsafeDomFindings } from '../../support/hostile-dom';
import { pollUntil } from '../../support/poll';
import { startTestApp, TestApp } from '../../support/test-app';
import { WebClient } from '../../support/web-client';
import { XSS_VECTORS } from '../data/xss-vectors';

jest.setTimeout(300_000);

/**
 * The XSS corpus through the contributors', curators' and admin's pages, in
 * Chromium with the CSP on. These pages show contributors' and reporters'
 * text to curators and the admin, who hold more power than learners: a
 * script there would act as a curator. Vectors are written through the API
 * into every field the pages show (a chunk of vectors per module), and
 * through the pages' own forms where a refused value is shown again; each
 * page is then opened as its role: no dialog, no console error, nothing in
 * the live DOM that could run.
 */

const CREATE = `mutation($input: ModuleInput!) { createModule(input: $input) { id version } }`;
const UPDATE = `mutation($input: UpdateModuleInput!) { updateModule(input: $input) { id version } }`;
const CREATE_CURATOR = `mutation($i: CreateCuratorInput!) { createCurator(input: $i) { id } }`;
const CHUNK = 10;
const chunks: string[][] = [];
for (let start = 0; start < XSS_VECTORS.length; start += CHUNK) chunks.push(XSS_VECTORS.slice(start, start + CHUNK));

/** The vector where a plain-text field takes it (no markup), else the field's harmless fallback: the API refuses markup there. */
const textOr = (vector: string, min: number, max: number, prefix: string, fallback: string) => {
  const text = plain(vector, min, max, prefix);
  return containsMarkup(text) ? fallback : text;
};
/** The chunk's vectors that a plain-text field takes, joined, cut to the field's length. */
const plainJoined = (chunk: string[], min: number, max: number, prefix: string) => plain(chunk.filter((vector) => !containsMarkup(vector)).join(' '), min, max, prefix);
const URL_RULE = { protocols: ['http', 'https'], require_protocol: true };
/** A lesson address as hostile as IsUrl lets through: the vector in the URL's query where it is still a URL. */
const contentUrlOf = (chunk: string[]) =>
  [...chunk.map((vector) => `https://video.contoh-pelatihan.id/v?q=${vector}`), ...chunk.map((vector) => `https://video.contoh-pelatihan.id/v?q=${encodeURIComponent(vector)}"`)].find((url) => url.length <= 2000 && isURL(url, URL_RULE))!;

/** Every field of ModuleInput holding the chunk's vectors: title, summary, description, skills, lesson titles, bodies, a video's address, quiz prompts and options. */
function hostileModule(chunk: string[], k: number, variant = '') {
  const title = chunk.map((vector) => textOr(vector, 8, 120, `Uji ${k}${variant} `, '')).find((candidate) => candidate !== '') ?? `Modul uji keamanan ${k}${variant}`;
  const skills = [...new Set(chunk.map((vector) => plain(vector, 2, 40, '')).filter((skill) => !containsMarkup(skill)))].slice(0, 14);
  return moduleInput({
    title,
    summary: plainJoined(chunk, 20, 300, `Ringkasan uji ${k}${variant}: `),
    description: `Deskripsi modul uji keamanan konten kontributor ${k}${variant}.\n\n${chunk.join('\n\n')}`,
    skills: [...skills, 'keamanan konten'],
    lessons: [
      ...chunk.map((vector, i) => ({ title: textOr(vector, 3, 120, `L${i} `, `Pelajaran ${i}`), kind: 'ARTICLE', durationMinutes: 5, contentUrl: null, body: `${variant}${vector}` })),
      { title: 'Video uji', kind: 'VIDEO', durationMinutes: 5, contentUrl: contentUrlOf(chunk) },
      {
        title: 'Kuis uji',
        kind: 'QUIZ',
        durationMinutes: 5,
        contentUrl: null,
        questions: chunk.map((vector, i) => ({ prompt: textOr(vector, 5, 500, `S${i} `, `Soal nomor ${i}`), options: [textOr(vector, 1, 200, 'A ', 'Pilihan A'), 'Pilihan lain'], correctOptions: [1] })),
      },
    ],
  });
}

const csvCell = (value: string) => `"${value.replace(/"/g, '""')}"`;

/** The import file: per chunk one row that imports (hostile text where the rules let it; `;` separates skills) and one per vector refused by its category cell, which the report shows again. */
function hostileCsv(): string {
  const header = 'title,summary,description,category,skills,level,language,deliveryMode,priceIdr,certificate,lessons';
  const rows = chunks.flatMap((chunk, k) => {
    const good = hostileModule(chunk, k, ' impor');
    const lessons = JSON.stringify(chunk.map((vector, i) => ({ title: `Pelajaran ${i}`, kind: 'ARTICLE', durationMinutes: 5, body: vector })));
    const row = (title: string, category: string) => [title, good.summary, good.description, category, good.skills.filter((skill: string) => !skill.includes(';')).join(';'), 'BEGINNER', 'id', 'SELF_PACED', '0', 'false', lessons].map(csvCell).join(',');
    return [row(good.title, 'penjualan-pemasaran'), ...chunk.map((vector, i) => row(`Baris ditolak ${k}-${i} uji impor`, vector))];
  });
  return [header, ...rows].join('\n');
}

describeInBrowser(`hostile content (${XSS_VECTORS.length} XSS vectors) through the contributors', curators' and admin's pages, in a real browser`, () => {
  let t: TestApp;
  let browser: Browser;
  let context: BrowserContext;
  let guard: PageGuard;
  let page: Page;
  let curator: Account;
  let admin: string;
  let contributors: Account[];
  /** One per chunk; even ones published with a pending revision, odd ones new submissions (some with changes requested). */
  let modules: { id: string; owner: Account; published: boolean }[];
  const seen: string[] = [];

  async function signInAs(token: string): Promise<void> {
    await context.clearCookies();
    await context.addCookies([{ name: 'sesi', value: token, url: t.baseUrl }]);
  }

  /** Opens a path and records what the DOM holds that could run. */
  async function visit(path: string): Promise<number> {
    const response = await page.goto(path);
    await recordFindings(path);
    return response?.status() ?? 0;
  }

  async function recordFindings(where: string): Promise<void> {
    for (const finding of await page.evaluate(unsafeDomFindings)) seen.push(`${where}: ${finding}`);
  }

  /** Fills the fields (the browser's length limits lifted, as a crafted request would), presses the button and answers the status of the page that comes back. */
  async function submitForm(fields: Record<string, string>, button: string, scope = 'main'): Promise<number> {
    await page.evaluate(() => document.querySelectorAll('[maxlength]').forEach((element) => element.removeAttribute('maxlength')));
    for (const [selector, value] of Object.entries(fields)) await page.locator(`${scope} ${selector}`).first().fill(value);
    await page.evaluate(() => document.querySelectorAll('form').forEach((form) => (form.noValidate = true)));
    const [response] = await Promise.all([page.waitForNavigation(), page.locator(`${scope} ${button}`).first().click()]);
    await recordFindings(`${page.url()} (form)`);
    return response?.status() ?? 0;
  }

  beforeAll(async () => {
    [t, browser] = await Promise.all([startTestApp(ADMIN_ENV), launchBrowser()]);
    admin = await adminToken(t);
    curator = await createCurator(t);

    // Names: contributors (half organisations), reporters and curators, each named by a vector the plain-text rule takes.
    const names = XSS_VECTORS.map((vector) => plain(vector, 2, 80, '')).filter((name) => !containsMarkup(name));
    const named = names.slice(0, 12);
    contributors = await inBatches(named, async (name, i) => {
      const organization = i % 2 === 1 ? { kind: 'ORGANIZATION', organizationName: plain(names[names.length - 1 - i], 2, 120, '') } : {};
      const registered = dataOf(await t.gql(REGISTER_CONTRIBUTOR, { input: contributorInput({ displayName: name, ...organization }) }), `contributor ${i}`).registerContributor;
      return { id: registered.user.id as string, token: registered.accessToken as string };
    });
    const reporters = await inBatches(names.slice(12, 14), async (name, i) => {
      const registered = dataOf(await t.gql(REGISTER_BENEFICIARY, { input: beneficiaryInput({ displayName: name }) }), `reporter ${i}`).registerBeneficiary;
      return { id: registered.user.id as string, token: registered.accessToken as string };
    });
    await inBatches(names.slice(14, 20), async (name, i) => {
      const input = { email: `kurator-uji-${i}-${Date.now().toString(36)}@example.id`, password: 'rahasia-kurator-1', displayName: name };
      dataOf(await t.gql(CREATE_CURATOR, { i: input }, admin), `curator ${i}`);
    });

    modules = await inBatches(chunks, async (chunk, k) => {
      const owner = contributors[k % contributors.length];
      const created = dataOf(await t.gql(CREATE, { input: hostileModule(chunk, k) }, owner.token), `createModule ${k}`).createModule;
      let version = dataOf(await t.gql(SUBMIT_MODULE, { id: created.id }, owner.token), `submit ${k}`).submitModule.version as number;
      const review = async (decision: string, note: string | null) =>
        (version = dataOf(await t.gql(REVIEW_MODULE, { input: { moduleId: created.id, expectedVersion: version, decision, note } }, curator.token), `${decision} ${k}`).reviewModule.version);
      const note = plainJoined(chunk, 10, 2000, 'Catatan kurator: ');
      if (k % 2 === 0) {
        // Published, then edited: the revision carries the next chunk's vectors, so the diff shows hostile text on both sides.
        await review('APPROVE', note);
        const revision = hostileModule(chunks[(k + 1) % chunks.length], k, ' revisi');
        dataOf(await t.gql(UPDATE, { input: { ...revision, id: created.id, expectedVersion: version } }, owner.token), `revision ${k}`);
        return { id: created.id as string, owner, published: true };
      }
      await review('REQUEST_CHANGES', note);
      // Sent again (the note stays in the history), except every other one, left waiting for the contributor.
      if (k % 4 === 1) dataOf(await t.gql(SUBMIT_MODULE, { id: created.id }, owner.token), `resubmit ${k}`);
      return { id: created.id as string, owner, published: false };
    });

    // Reports: each chunk's vectors as one report's details; half dismissed with a note the plain-text rule takes.
    const published = modules.filter((module) => module.published);
    await inBatches(chunks, async (chunk, c) => {
      const module = published[Math.floor(c / 2) % published.length];
      const report = dataOf(await t.gql(REPORT_MODULE, { input: { moduleId: module.id, reason: 'OTHER', details: chunk.join('\n\n').slice(0, 2000) } }, reporters[c % 2].token), `report ${c}`).reportModule;
      if (c % 2 === 1) dataOf(await t.gql(RESOLVE_REPORT, { input: { reportId: report.id, status: 'DISMISSED', note: plainJoined(chunk, 1, 2000, 'Catatan: ') } }, curator.token), `resolve ${c}`);
    });

    context = await newBrowserContext(browser, { baseURL: t.baseUrl });
    guard = await guardHostileContext(context, t.baseUrl);
    page = await context.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('/kontributor, each module\'s editor with its findings and history, and its preview (aksi=pratinjau), as its owner', async () => {
    expect(modules).toHaveLength(chunks.length);
    let previews = 0;
    for (const owner of contributors) {
      await signInAs(owner.token);
      expect(await visit('/kontributor')).toBe(200);
      for (const module of modules.filter((candidate) => candidate.owner === owner)) {
        expect(await visit(`/kontributor/modul/${module.id}`)).toBe(200);
        // A module in review has no form; the others' preview renders the description and lesson bodies with the catalog's sanitiser.
        if ((await page.locator('main button[name=aksi][value=pratinjau]').count()) === 0) continue;
        expect(await submitForm({}, 'button[name=aksi][value=pratinjau]')).toBe(200);
        expect(await page.locator('main .preview .prose').count()).toBeGreaterThan(0);
        previews += 1;
      }
    }
    // Published modules (with their revision) and those sent back are editable: 8 + 4 previews.
    expect(previews).toBe(modules.filter((module, k) => module.published || k % 4 === 3).length);
    expect(seen).toEqual([]);
    guard.assertClean();
  });

  it('/kurator (every status), and /kurator/modul/{id} for new modules and revisions (the diff), as a curator', async () => {
    await signInAs(curator.token);
    for (const status of ['', '?status=CHANGES_REQUESTED', '?status=PUBLISHED']) expect(await visit(`/kurator${status}`)).toBe(200);
    for (const module of modules) {
      expect(await visit(`/kurator/modul/${module.id}`)).toBe(200);
      if (module.published) expect(await page.locator('main .diff ins, main .diff del').count()).toBeGreaterThan(0);
    }
    // The vectors are there, as text: a revision's diff shows the Markdown as written (raw HTML already escaped on write).
    const revision = modules.find((module) => module.published)!;
    await visit(`/kurator/modul/${revision.id}`);
    expect(await page.locator('main').textContent()).toContain('img src=x onerror=alert(1)');
    expect(seen).toEqual([]);
    guard.assertClean();
  });

  it('/kurator/laporan (open, dismissed) with reports\' details, reporters\' names and resolution notes; /admin with curators\' names', async () => {
    await signInAs(curator.token);
    expect(await visit('/kurator/laporan')).toBe(200);
    expect(await page.locator('main form[action^="/kurator/laporan/"]').count()).toBe(Math.ceil(chunks.length / 2));
    expect(await visit('/kurator/laporan?status=DISMISSED')).toBe(200);
    await signInAs(admin);
    expect(await visit('/admin')).toBe(200);
    expect(await page.locator('main').textContent()).toContain(XSS_VECTORS.map((vector) => plain(vector, 2, 80, '')).filter((name) => !containsMarkup(name))[14]);
    expect(seen).toEqual([]);
    guard.assertClean();
  });

  it('the refused forms show hostile values again as text: the editor, /daftar/kontributor, the decision and unpublish notes, the report note, the admin\'s curator form', async () => {
    const owner = contributors[0];
    const revision = modules.find((module) => module.published)!;
    for (const [k, chunk] of chunks.entries()) {
      const joined = chunk.join('\n');
      const line = chunk.join(' ');
      await signInAs(owner.token);
      await visit('/kontributor/modul/baru');
      // Markup in the title and a lesson's title: refused beside the fields, everything typed shown again.
      const editorFields = { '#title': line, '#summary': line, '#description': joined, '#skills': joined, '[name="lessons.0.title"]': line, '[name="lessons.0.body"]': joined };
      expect(await submitForm(editorFields, 'button[name=aksi][value=simpan]')).toBe(422);
      // The preview of the same unsaved form (nothing written) renders it through the sanitiser.
      expect(await submitForm({ '#description': `Deskripsi pratinjau yang cukup panjang untuk uji ${k}.\n\n${joined}` }, 'button[name=aksi][value=pratinjau]')).toBe(200);

      await context.clearCookies();
      await visit('/daftar/kontributor');
      await page.locator('main input[name=kind][value=ORGANIZATION]').check();
      expect(await submitForm({ '#displayName': line, '#email': 'bukan-email', '#organizationName': line, '#bio': joined }, 'button[type=submit]')).toBe(422);

      await signInAs(curator.token);
      await visit(`/kurator/modul/${revision.id}`);
      // No decision chosen: refused, the note shown again.
      expect(await submitForm({ '#note': joined }, `form[action$="/keputusan"] button[type=submit]`)).toBe(422);
      // Longer than 2000 characters: refused, the note shown again (and the module stays published).
      expect(await submitForm({ '#unpublishNote': `${joined}${'x'.repeat(2001)}` }, `form[action$="/turunkan"] button[type=submit]`)).toBe(422);
      await visit('/kurator/laporan');
      expect(await submitForm({ 'form[action^="/kurator/laporan/"] textarea[name=note]': `${joined}${'x'.repeat(2001)}` }, 'form[action^="/kurator/laporan/"] button[value=abaikan]')).toBe(422);

      await signInAs(admin);
      await visit('/admin');
      expect(await submitForm({ '#displayName': line, '#email': 'bukan-email', '#password': 'rahasia-kurator-1' }, 'form[action="/admin/kurator"] button[type=submit]')).toBe(422);
    }
    // Nothing was written by the refusals: the revision still waits, the reports are as they were.
    const [row] = await t.db.query('SELECT status FROM modules WHERE id = $1', [revision.id]);
    expect(row.status).toBe('PUBLISHED');
    const [open] = await t.db.query(`SELECT count(*)::int AS n FROM reports WHERE status = 'OPEN'`);
    expect(open.n).toBe(Math.ceil(chunks.length / 2));
    expect(seen).toEqual([]);
    guard.assertClean();
  });

  it('/kontributor/impor: a CSV with hostile cells, its job page with the drafts and the per-row report, and a refused file', async () => {
    await signInAs(contributors[1].token);
    await visit('/kontributor/impor');
    await page.locator('main input[type=file]').setInputFiles({ name: 'modul-uji.csv', mimeType: 'text/csv', buffer: Buffer.from(hostileCsv()) });
    const [response] = await Promise.all([page.waitForNavigation(), page.locator('main form button[type=submit]').last().click()]);
    expect(response?.status()).toBe(200);
    const jobPath = new URL(page.url()).pathname;
    expect(jobPath).toMatch(/^\/kontributor\/impor\/[0-9a-f-]{36}$/);
    await pollUntil(async () => ((await visit(jobPath)) === 200 && (await page.locator('#impor-kemajuan[data-poll]').count()) === 0 ? true : undefined), 60_000, 'the import job to finish');
    expect(await page.locator('main table.import-failures tbody tr').count()).toBeGreaterThan(0);
    expect(await page.locator(`main a[href^="/kontributor/modul/"]`).count()).toBe(chunks.length);

    // A file refused whole: its unknown columns (the vectors) named in the message.
    await visit('/kontributor/impor');
    const header = ['title', ...chunks[0]].map(csvCell).join(',');
    await page.locator('main input[type=file]').setInputFiles({ name: 'kolom.csv', mimeType: 'text/csv', buffer: Buffer.from(`${header}\n${chunks[0].map(() => '"a"').concat('"b"').join(',')}\n`) });
    const [refused] = await Promise.all([page.waitForNavigation(), page.locator('main form button[type=submit]').last().click()]);
    expect(refused?.status()).toBe(422);
    await recordFindings('/kontributor/impor (refused file)');
    expect(seen).toEqual([]);
    guard.assertClean();
    // The corpus' U+0000 (no browser sends one, a file can): its rows are reported per row, the Markdown kept as U+FFFD.
    const [job] = await t.db.query(`SELECT failures FROM import_jobs WHERE id = $1`, [jobPath.split('/').pop()]);
    const nulRows = XSS_VECTORS.filter((vector) => vector.includes('\u0000')).length;
    expect(job.failures.filter((failure: { message: string }) => failure.message.includes('NUL character'))).toHaveLength(nulRows);
  });

  it('a posted text with U+0000 that reaches PostgreSQL is refused as bad input (400), not a server error (500), and writes nothing', async () => {
    const email = `kurator-nul-${Date.now().toString(36)}@example.id`;
    dataOf(await t.gql(CREATE_CURATOR, { i: { email, password: 'rahasia-kurator-1', displayName: 'Kurator NUL' } }, admin), 'curator');
    const web = new WebClient(t.baseUrl);
    expect((await web.submit('/masuk', '/masuk', { email, password: 'rahasia-kurator-1' })).status).toBe(303);
    const module = modules.find((candidate) => candidate.published)!;
    const answer = await web.submit(`/kurator/modul/${module.id}`, `/kurator/modul/${module.id}/turunkan`, { note: 'Alasan penurunan \u0000 uji' });
    expect(answer.status).toBe(400);
    expect(answer.html).toContain('U+0000');
    const [row] = await t.db.query('SELECT status FROM modules WHERE id = $1', [module.id]);
    expect(row.status).toBe('PUBLISHED');
    const stranger = new WebClient(t.baseUrl);
    const registered = await stranger.submit('/daftar/kontributor', '/daftar/kontributor', { displayName: 'Nama \u0000 uji', email: `nul-${Date.now().toString(36)}@example.id`, password: 'rahasia-kuat-123', kind: 'INDIVIDUAL' });
    expect(registered.status).toBe(400);
  });
});
