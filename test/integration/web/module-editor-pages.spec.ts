import { Account, contributorInput, countRows, createCurator, registerContributor } from '../../factories/accounts';
import { ADMIN, ADMIN_ENV, registerBeneficiaryWithCard } from '../../factories/learning';
import { createModule, moduleInput, publishedModule } from '../../factories/modules';
import { startTestApp, TestApp } from '../../support/test-app';
import { WebClient } from '../../support/web-client';
import { attr, elementsOf, textOf } from '../../support/html-tree';

const page = (html: string) => elementsOf(html);
const byId = (html: string, id: string) => page(html).find((node) => attr(node, 'id') === id);
/** The value a named control shows (input value, textarea text, checked radio). */
function shown(html: string, name: string): string | undefined {
  const controls = page(html).filter((node) => ['input', 'textarea', 'select'].includes(node.tagName!) && attr(node, 'name') === name);
  const control = controls.find((node) => attr(node, 'type') !== 'radio' || node.attrs!.some((a) => a.name === 'checked'));
  if (!control) return undefined;
  if (control.tagName === 'textarea') return textOf(control);
  if (control.tagName === 'select') {
    const selected = elementsOf(control).find((option) => option.tagName === 'option' && option.attrs!.some((a) => a.name === 'selected'));
    return selected && attr(selected, 'value');
  }
  return attr(control, 'value');
}
const lessonTitles = (html: string) => page(html).filter((node) => /^lessons\.\d+\.title$/.test(attr(node, 'name') ?? '')).map((node) => attr(node, 'value'));

const MODULE = `query($id: ID!) { module(id: $id) { title status version priceIdr skills
  lessons { id title kind questions { prompt options correctOptions } passPercent }
  pendingRevision { title status } } }`;

/** The editor's fields for a module, as a browser posts them. */
function formOf(override: Record<string, string> = {}, lessons: Record<string, string>[] = [{}]): Record<string, string> {
  const base = moduleInput();
  const fields: Record<string, string> = {
    title: base.title,
    summary: base.summary,
    description: base.description,
    categorySlug: base.categorySlug,
    skills: 'pemasaran digital\nmedia sosial',
    level: 'BEGINNER',
    language: 'id',
    deliveryMode: 'SELF_PACED',
    priceIdr: '0',
    aksi: 'simpan',
    ...override,
  };
  lessons.forEach((lesson, index) => {
    const defaults = { id: '', title: `Pelajaran ke-${index + 1}`, kind: 'ARTICLE', durationMinutes: '10', contentUrl: '', body: 'Isi pelajaran.' };
    for (const [key, value] of Object.entries({ ...defaults, ...lesson })) fields[`lessons.${index}.${key}`] = value;
  });
  return fields;
}

describe('web pages /kontributor/modul/baru and /kontributor/modul/{id}: the editor and its submission', () => {
  let t: TestApp;
  let curator: Account;
  let owner: Account & { email: string; displayName: string };
  let other: Account & { email: string };
  let beneficiaryEmail: string;

  beforeAll(async () => {
    t = await startTestApp(ADMIN_ENV);
    curator = await createCurator(t);
    const ownerInput = contributorInput();
    owner = { ...(await registerContributor(t, ownerInput)), email: ownerInput.email, displayName: ownerInput.displayName };
    const otherInput = contributorInput();
    other = { ...(await registerContributor(t, otherInput)), email: otherInput.email };
    beneficiaryEmail = `peserta-editor-${Date.now().toString(36)}@example.id`;
    await registerBeneficiaryWithCard(t, { email: beneficiaryEmail });
  });
  afterAll(async () => t.close());

  const signedIn = async (email: string): Promise<WebClient> => {
    const web = new WebClient(t.baseUrl);
    const answer = await web.submit('/masuk', '/masuk', { email, password: 'rahasia-kuat-123' });
    expect(answer.status).toBe(303);
    return web;
  };
  const moduleById = async (id: string) => (await t.gql(MODULE, { id }, owner.token)).data!.module;
  const createdId = (location: string | undefined) => /^\/kontributor\/modul\/([0-9a-f-]{36})\?pesan=modul-dibuat$/.exec(location ?? '')?.[1];

  it('refuses a price of 2 and a too-short title beside their fields (422) and writes nothing', async () => {
    const web = await signedIn(owner.email);
    const empty = await web.get('/kontributor/modul/baru');
    expect(empty.status).toBe(200);
    expect(byId(empty.html, 'priceIdr')).toBeDefined();
    const before = await countRows(t.db);
    const refused = await web.post('/kontributor/modul/baru', formOf({ title: 'Pendek', priceIdr: '2' }));
    expect(refused.status).toBe(422);
    expect(textOf(byId(refused.html, 'title-galat')!)).toBe('Panjangnya 8 sampai 120 karakter.');
    expect(attr(byId(refused.html, 'title')!, 'aria-describedby')).toContain('title-galat');
    expect(textOf(byId(refused.html, 'priceIdr-galat')!)).toBe('Harga hanya boleh Rp0 (gratis) atau Rp1.');
    // The summary links each error to its field; the typed title is kept, no price is checked.
    expect(refused.html).toContain('href="#title"');
    expect(refused.html).toContain('href="#priceIdr"');
    expect(shown(refused.html, 'title')).toBe('Pendek');
    expect(shown(refused.html, 'priceIdr')).toBeUndefined();
    expect(await countRows(t.db)).toEqual(before);
  });

  it('shows nested lesson and question errors beside their fields', async () => {
    const web = await signedIn(owner.email);
    await web.get('/kontributor/modul/baru');
    const refused = await web.post(
      '/kontributor/modul/baru',
      formOf({}, [{}, { title: 'Kuis', kind: 'QUIZ', body: '', 'questions.0.prompt': 'Apa?', 'questions.0.options': 'A\nB', 'questions.0.correct': '5' }]),
    );
    expect(refused.status).toBe(422);
    expect(byId(refused.html, 'lessons.1.questions.0.prompt-galat')).toBeDefined();
    expect(textOf(byId(refused.html, 'lessons.1.questions.0.correct-galat')!)).toContain('nomor pilihan yang benar');
    expect(refused.html).toContain('href="#lessons.1.questions.0.correct"');
    expect(byId(refused.html, 'lessons.1.questions.0.correct')).toBeDefined();
    // A refusal by the service (an unknown category) is shown beside its field too.
    const unknown = await web.post('/kontributor/modul/baru', formOf({ categorySlug: 'tidak-ada' }));
    expect(unknown.status).toBe(422);
    expect(textOf(byId(unknown.html, 'categorySlug-galat')!)).toBe('Pilih salah satu kategori.');
  });

  it('creates a module with a quiz lesson, then shows it in the editor with its questions', async () => {
    const web = await signedIn(owner.email);
    await web.get('/kontributor/modul/baru');
    const created = await web.post(
      '/kontributor/modul/baru',
      formOf({ priceIdr: '1', certificate: 'true' }, [
        { kind: 'VIDEO', contentUrl: 'https://video.contoh.id/1.mp4', body: '' },
        { title: 'Kuis penutup', kind: 'QUIZ', body: '', passPercent: '80', 'questions.0.prompt': 'Apa itu UMKM?', 'questions.0.options': 'Usaha kecil\nBank\nPajak', 'questions.0.correct': '1, 3' },
      ]),
    );
    expect(created.status).toBe(303);
    const id = createdId(created.location)!;
    expect(id).toBeDefined();
    const module = await moduleById(id);
    expect(module).toMatchObject({ status: 'DRAFT', priceIdr: 1, skills: ['pemasaran digital', 'media sosial'] });
    expect(module.lessons[1]).toMatchObject({ kind: 'QUIZ', passPercent: 80, questions: [{ prompt: 'Apa itu UMKM?', options: ['Usaha kecil', 'Bank', 'Pajak'], correctOptions: [0, 2] }] });
    const editor = await web.get(created.location!);
    expect(editor.status).toBe(200);
    expect(editor.html).toContain('Modul tersimpan sebagai draf.');
    expect(shown(editor.html, 'lessons.1.questions.0.correct')).toBe('1, 3');
    expect(shown(editor.html, 'lessons.1.id')).toBe(module.lessons[1].id);
    expect(shown(editor.html, 'priceIdr')).toBe('1');
  });

  it('adds, reorders and removes lessons and questions without JavaScript, writing nothing until Simpan', async () => {
    const web = await signedIn(owner.email);
    await web.get('/kontributor/modul/baru');
    const before = await countRows(t.db);
    const three = formOf({}, [{ title: 'Satu satu' }, { title: 'Dua dua' }]);
    const added = await web.post('/kontributor/modul/baru', { ...three, aksi: 'tambah-pelajaran' });
    expect(added.status).toBe(200);
    expect(lessonTitles(added.html)).toEqual(['Satu satu', 'Dua dua', '']);
    const moved = await web.post('/kontributor/modul/baru', { ...three, aksi: 'naik-1' });
    expect(lessonTitles(moved.html)).toEqual(['Dua dua', 'Satu satu']);
    const removed = await web.post('/kontributor/modul/baru', { ...three, aksi: 'hapus-pelajaran-0' });
    expect(lessonTitles(removed.html)).toEqual(['Dua dua']);
    const question = await web.post('/kontributor/modul/baru', { ...three, aksi: 'tambah-soal-1' });
    expect(shown(question.html, 'lessons.1.kind')).toBe('QUIZ');
    expect(byId(question.html, 'lessons.1.questions.0.prompt')).toBeDefined();
    expect(await countRows(t.db)).toEqual(before);
  });

  it('previews Markdown with the server sanitiser (no script survives) and writes nothing', async () => {
    const web = await signedIn(owner.email);
    await web.get('/kontributor/modul/baru');
    const before = await countRows(t.db);
    const description = '## Bagian satu\n\nTeks **tebal** <script>alert("curi")</script> dan <img src="https://contoh.id/a.png" onerror="alert(2)"> [klik](javascript:alert(1)).';
    const preview = await web.post('/kontributor/modul/baru', { ...formOf({ description }, [{ body: 'Isi <script>alert(3)</script> *miring*' }]), aksi: 'pratinjau' });
    expect(preview.status).toBe(200);
    const section = page(preview.html).find((node) => attr(node, 'aria-labelledby') === 'pratinjau-judul')!;
    const inner = elementsOf(section);
    // "##" under the preview's h3 "Deskripsi" becomes h5: the page's outline stays its own.
    expect(inner.some((node) => node.tagName === 'h5' && textOf(node) === 'Bagian satu')).toBe(true);
    expect(inner.some((node) => node.tagName === 'strong' && textOf(node) === 'tebal')).toBe(true);
    expect(inner.some((node) => node.tagName === 'em' && textOf(node) === 'miring')).toBe(true);
    expect(inner.filter((node) => node.tagName === 'script')).toEqual([]);
    expect(inner.some((node) => node.attrs?.some((a) => a.name.startsWith('on') || /javascript:/i.test(a.value)))).toBe(false);
    // The raw text stays in the textarea, escaped.
    expect(shown(preview.html, 'description')).toBe(description);
    expect(page(preview.html).filter((node) => node.tagName === 'script').map((node) => attr(node, 'src'))).toEqual([expect.stringMatching(/^\/assets\/site\./)]);
    expect(await countRows(t.db)).toEqual(before);
  });

  it('refuses a save from a stale form (two tabs) with the conflict message, keeps the typed text and saves nothing', async () => {
    const created = await createModule(t, owner.token);
    const tabOne = await signedIn(owner.email);
    const tabTwo = await signedIn(owner.email);
    const url = `/kontributor/modul/${created.id}`;
    const first = await tabOne.get(url);
    const second = await tabTwo.get(url);
    expect(shown(first.html, 'expectedVersion')).toBe(String(created.version));
    const formFrom = (html: string, title: string): Record<string, string> => {
      const fields: Record<string, string> = {};
      for (const node of page(html)) {
        const name = attr(node, 'name');
        if (!name || name === '_csrf' || name === 'aksi' || !['input', 'textarea', 'select'].includes(node.tagName!)) continue;
        if (attr(node, 'type') === 'radio' || attr(node, 'type') === 'checkbox') {
          if (node.attrs!.some((a) => a.name === 'checked')) fields[name] = attr(node, 'value')!;
          continue;
        }
        fields[name] = shown(html, name) ?? '';
      }
      return { ...fields, title, aksi: 'simpan' };
    };
    const saved = await tabOne.post(url, formFrom(first.html, 'Judul dari tab pertama yang disimpan'));
    expect(saved.status).toBe(303);
    expect(saved.location).toBe(`${url}?pesan=modul-disimpan`);
    const refused = await tabTwo.post(url, formFrom(second.html, 'Judul dari tab kedua yang ditolak'));
    expect(refused.status).toBe(409);
    expect(refused.html).toContain('Seseorang mengubah modul ini sementara itu');
    expect(refused.html).toContain(`<a href="${url}">muat versi terbaru</a>`);
    expect(shown(refused.html, 'title')).toBe('Judul dari tab kedua yang ditolak');
    // A form that does not say which version it was read at is stale too.
    const unversioned = formFrom(second.html, 'Judul tanpa versi yang ditolak');
    delete unversioned.expectedVersion;
    expect((await tabTwo.post(url, unversioned)).status).toBe(409);
    const module = await moduleById(created.id);
    expect(module).toMatchObject({ title: 'Judul dari tab pertama yang disimpan', version: created.version + 1 });
  });

  it('shows the automatic findings before submitting, then submits and shows the stored findings and the history', async () => {
    const rival = await publishedModule(t, other.token, curator.token, { title: 'Budidaya Ikan Nila di Kolam Terpal Rumahan' });
    const draft = await createModule(t, owner.token, { title: 'Budidaya Ikan Nila di Kolam Terpal Rumah', summary: 'Cara budidaya ikan nila, tanpa judi online, untuk keluarga.' });
    const web = await signedIn(owner.email);
    const url = `/kontributor/modul/${draft.id}`;
    const before = await web.get(url);
    const findings = byId(before.html, 'temuan-draf')!;
    expect(findings).toBeDefined();
    expect(before.html).toContain(`<a href="/modul/${rival.slug}">`);
    expect(before.html).toContain('Memuat kata yang dilarang: judi, judi online.');
    expect(byId(before.html, 'temuan-kirim')).toBeUndefined();
    expect(before.html).toContain('Belum ada riwayat');
    expect((await moduleById(draft.id)).status).toBe('DRAFT');

    const submitted = await web.post(`${url}/kirim`, {});
    expect(submitted.status).toBe(303);
    expect(submitted.location).toBe(`${url}?pesan=modul-dikirim`);
    const after = await web.get(submitted.location!);
    expect(byId(after.html, 'temuan-kirim')).toBeDefined();
    expect(byId(after.html, 'temuan-draf')).toBeUndefined();
    expect(after.html).toContain('Sedang ditinjau');
    const history = page(after.html).find((node) => attr(node, 'aria-labelledby') === 'riwayat-judul')!;
    expect(textOf(history)).toContain(`Dikirim untuk ditinjau oleh ${owner.displayName}`);
    // In review: no form, no second submission.
    expect(byId(after.html, 'title')).toBeUndefined();
    expect((await web.post(`${url}/kirim`, {})).location).toBe(`${url}?pesan=modul-tidak-terkirim`);

    const note = 'Tolong ganti kata yang dilarang di ringkasan.';
    const review = await t.gql(`mutation($input: ReviewModuleInput!) { reviewModule(input: $input) { status } }`, { input: { moduleId: draft.id, expectedVersion: (await moduleById(draft.id)).version, decision: 'REQUEST_CHANGES', note } }, curator.token);
    expect(review.data!.reviewModule.status).toBe('CHANGES_REQUESTED');
    const changes = await web.get(url);
    expect(changes.html).toContain(note);
    expect(changes.html).toContain('Diminta perbaikan');
    expect(byId(changes.html, 'temuan-kirim')).toBeDefined();
    expect(byId(changes.html, 'temuan-draf')).toBeDefined();
  });

  it('sends an edit of a PUBLISHED module to review as a revision: the public page keeps the approved title', async () => {
    const published = await publishedModule(t, owner.token, curator.token);
    const approvedTitle = (await moduleById(published.id)).title;
    const web = await signedIn(owner.email);
    const url = `/kontributor/modul/${published.id}`;
    const editor = await web.get(url);
    expect(editor.html).toContain('dikirim sebagai revisi untuk ditinjau');
    const fields = formOf({ title: 'Judul revisi yang menunggu kurator', expectedVersion: String(published.version) }, [{}]);
    const saved = await web.post(url, fields);
    expect(saved.status).toBe(303);
    const module = await moduleById(published.id);
    expect(module).toMatchObject({ status: 'PUBLISHED', title: approvedTitle, pendingRevision: { title: 'Judul revisi yang menunggu kurator', status: 'IN_REVIEW' } });
    const publicPage = await new WebClient(t.baseUrl).get(`/modul/${published.slug}`);
    expect(publicPage.html).toContain(approvedTitle);
    expect(publicPage.html).not.toContain('Judul revisi yang menunggu kurator');
    const after = await web.get(url);
    expect(shown(after.html, 'title')).toBe('Judul revisi yang menunggu kurator');
    expect(textOf(byId(after.html, 'status-judul')!)).toBe('Status dan peninjauan');
    expect(after.html).toContain('<dt>Revisi</dt><dd>Sedang ditinjau</dd>');
    expect(after.html).toContain('Perubahan Anda sedang ditinjau kurator.');
  });

  it('refuses other contributors, beneficiaries, curators and malformed ids, and writes nothing', async () => {
    const draft = await createModule(t, owner.token);
    const published = await publishedModule(t, owner.token, curator.token);
    const stranger = await signedIn(other.email);
    expect((await stranger.get(`/kontributor/modul/${draft.id}`)).status).toBe(404);
    expect((await stranger.get(`/kontributor/modul/${published.id}`)).status).toBe(403);
    const before = await countRows(t.db);
    const refused = await stranger.post(`/kontributor/modul/${published.id}`, formOf({ title: 'Diambil alih orang lain', expectedVersion: String(published.version) }));
    expect(refused.status).toBe(403);
    expect(refused.html).not.toContain('Diambil alih orang lain');
    expect((await stranger.post(`/kontributor/modul/${draft.id}/kirim`, {})).status).toBe(404);
    expect((await stranger.post(`/kontributor/modul/${published.id}/arsipkan`, {})).status).toBe(403);
    expect(await countRows(t.db)).toEqual(before);
    expect((await moduleById(draft.id)).status).toBe('DRAFT');

    const beneficiary = await signedIn(beneficiaryEmail);
    const forbidden = await beneficiary.get(`/kontributor/modul/${published.id}`);
    expect(forbidden.status).toBe(403);
    expect(forbidden.html).not.toContain('name="title"');
    expect((await beneficiary.get('/kontributor/modul/baru')).status).toBe(403);
    expect((await new WebClient(t.baseUrl).get('/kontributor/modul/baru')).status).toBe(303);
    const admin = new WebClient(t.baseUrl);
    expect((await admin.submit('/masuk', '/masuk', { email: ADMIN.email, password: ADMIN.password })).status).toBe(303);
    expect((await admin.get(`/kontributor/modul/${draft.id}`)).status).toBe(403);
    const owned = await signedIn(owner.email);
    expect((await owned.get('/kontributor/modul/bukan-id')).status).toBe(404);
  });

  it('archives after a confirmation step', async () => {
    const draft = await createModule(t, owner.token);
    const web = await signedIn(owner.email);
    const editor = await web.get(`/kontributor/modul/${draft.id}`);
    expect(editor.html).toContain(`href="/kontributor/modul/${draft.id}/arsipkan"`);
    const confirm = await web.get(`/kontributor/modul/${draft.id}/arsipkan`);
    expect(confirm.status).toBe(200);
    expect(confirm.html).toContain('Ya, arsipkan');
    expect((await moduleById(draft.id)).status).toBe('DRAFT');
    const archived = await web.post(`/kontributor/modul/${draft.id}/arsipkan`, {});
    expect(archived.location).toBe(`/kontributor/modul/${draft.id}?pesan=modul-diarsipkan`);
    expect((await moduleById(draft.id)).status).toBe('ARCHIVED');
  });
});
