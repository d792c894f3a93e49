import { Account, beneficiaryInput, contributorInput, createCurator, registerBeneficiary, registerContributor } from '../../factories/accounts';
import { ADMIN_ENV, adminToken } from '../../factories/learning';
import { createModule, lessonInput, publishedModule, SUBMIT_MODULE, UPDATE_MODULE } from '../../factories/modules';
import { pollUntil } from '../../support/poll';
import { startTestApp, TestApp } from '../../support/test-app';
import { WebClient } from '../../support/web-client';
import { attr, elementsOf, textOf } from '../../support/html-tree';

const page = (html: string) => elementsOf(html);
const byId = (html: string, id: string) => page(html).find((node) => attr(node, 'id') === id);
/** The hidden expectedVersion the decision form carries. */
const formVersion = (html: string) => attr(page(html).find((node) => attr(node, 'name') === 'expectedVersion')!, 'value')!;
/** The queue's entries: title and the text of each card, in page order. */
const queueEntries = (html: string) =>
  page(html)
    .filter((node) => node.tagName === 'li' && attr(node, 'class') === 'card')
    .map((card) => ({ title: textOf(elementsOf(card).find((node) => node.tagName === 'a')!), text: textOf(card) }));

const MODULE_STATE = `query($id: ID!) { module(id: $id) { status version pendingRevision { status } moderationHistory { action note } } }`;
const PASSWORD = 'rahasia-kuat-123';
const NILA_SUMMARY = 'Memijahkan induk nila merah sampai panen benih di kolam terpal bundar.';

describe('web pages /kurator (moderation queue) and /kurator/modul/{id} (review)', () => {
  let t: TestApp;
  let owner: Account & { email: string };
  let curator: WebClient;
  let curatorToken: string;

  /** A browser signed in through /masuk. */
  const signIn = async (email: string, password = PASSWORD): Promise<WebClient> => {
    const web = new WebClient(t.baseUrl);
    const answer = await web.submit('/masuk', '/masuk', { email, password });
    expect(answer.status).toBe(303);
    return web;
  };

  /** A curator created by the admin, signed in on the web. */
  const newCurator = async (): Promise<WebClient> => {
    const email = `kurator-web-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}@example.id`;
    const created = await t.gql(`mutation($i: CreateCuratorInput!) { createCurator(input: $i) { id } }`, { i: { email, password: 'rahasia-kurator-1', displayName: 'Kurator Web' } }, await adminToken(t));
    expect(created.errors).toBeUndefined();
    return signIn(email, 'rahasia-kurator-1');
  };

  /** Every entry of the queue (default status), following its pages. */
  const wholeQueue = async () => {
    const entries: ReturnType<typeof queueEntries> = [];
    for (let path: string | undefined = '/kurator'; path; ) {
      const answer = await curator.get(path);
      expect(answer.status).toBe(200);
      entries.push(...queueEntries(answer.html));
      const next = page(answer.html).find((node) => node.tagName === 'a' && textOf(node) === 'Halaman berikutnya');
      path = next && attr(next, 'href');
    }
    return entries;
  };

  const state = async (id: string) => (await t.gql(MODULE_STATE, { id }, owner.token)).data!.module;
  const eventCount = async (id: string) => (await t.db.query(`SELECT count(*)::int AS n FROM moderation_events WHERE module_id = $1`, [id]))[0].n as number;

  /** A module the owner created and sent to review. */
  const submitted = async (override: Record<string, unknown> = {}) => {
    const module = await createModule(t, owner.token, override);
    const answer = await t.gql(SUBMIT_MODULE, { id: module.id }, owner.token);
    expect(answer.errors).toBeUndefined();
    return { ...module, version: answer.data!.submitModule.version as number };
  };

  /** Titles the search page lists for `q`. */
  const searchTitles = async (q: string) => {
    const results = byId((await new WebClient(t.baseUrl).get(`/?q=${encodeURIComponent(q)}`)).html, 'hasil');
    return results ? elementsOf(results).filter((node) => node.tagName === 'h3').map((node) => textOf(node).trim()) : [];
  };

  beforeAll(async () => {
    t = await startTestApp(ADMIN_ENV);
    const ownerInput = contributorInput({ kind: 'ORGANIZATION', organizationName: 'Yayasan Tani Maju' });
    owner = { ...(await registerContributor(t, ownerInput)), email: ownerInput.email };
    curatorToken = (await createCurator(t)).token;
    curator = await newCurator();
  });
  afterAll(async () => t.close());

  it('lists submissions oldest first with contributor, organisation, waiting time, kind of submission and findings; other statuses by the filter', async () => {
    const older = await submitted({ title: 'Antrean Pertama Menjahit Kebaya Modern' });
    const newer = await submitted({ title: 'Antrean Kedua Merakit Komputer Rakitan' });
    const queue = await curator.get('/kurator');
    expect(queue.status).toBe(200);
    const titles = queueEntries(queue.html).map((entry) => entry.title);
    expect(titles.indexOf('Antrean Pertama Menjahit Kebaya Modern')).toBeGreaterThanOrEqual(0);
    expect(titles.indexOf('Antrean Pertama Menjahit Kebaya Modern')).toBeLessThan(titles.indexOf('Antrean Kedua Merakit Komputer Rakitan'));
    const entry = queueEntries(queue.html).find((item) => item.title === 'Antrean Pertama Menjahit Kebaya Modern')!;
    expect(entry.text).toContain('Modul baru');
    expect(entry.text).toContain('(Yayasan Tani Maju)');
    expect(entry.text).toMatch(/menunggu (kurang dari 1 menit|\d+ menit)/);
    expect(entry.text).toContain('Temuan otomatis: tidak ada');
    const link = page(queue.html).find((node) => node.tagName === 'a' && textOf(node) === 'Antrean Pertama Menjahit Kebaya Modern')!;
    expect(attr(link, 'href')).toBe(`/kurator/modul/${older.id}`);

    // Another status through the GET form; an empty list says so.
    const drafts = await curator.get('/kurator?status=DRAFT');
    expect(queueEntries(drafts.html).map((item) => item.title)).not.toContain('Antrean Kedua Merakit Komputer Rakitan');
    const archived = await curator.get('/kurator?status=ARCHIVED');
    expect(archived.html).toContain('Tidak ada modul dengan status ini.');
    expect(queueEntries(archived.html)).toEqual([]);
    expect(newer.id).toBeTruthy();
  });

  it('pages the queue with a cursor link', async () => {
    for (let index = 0; index < 21; index += 1) await submitted();
    const first = await curator.get('/kurator');
    const next = page(first.html).find((node) => node.tagName === 'a' && textOf(node) === 'Halaman berikutnya');
    expect(next).toBeDefined();
    const second = await curator.get(attr(next!, 'href')!);
    expect(second.status).toBe(200);
    const firstTitles = queueEntries(first.html).map((entry) => entry.title);
    const secondTitles = queueEntries(second.html).map((entry) => entry.title);
    expect(firstTitles).toHaveLength(20);
    expect(secondTitles.length).toBeGreaterThan(0);
    expect(secondTitles.filter((title) => firstTitles.includes(title))).toEqual([]);
  });

  it('shows a new submission in full (quiz answers, content links as nofollow text links) and its near-duplicate finding with a link', async () => {
    const original = await publishedModule(t, owner.token, curatorToken, { title: 'Pembenihan Ikan Nila Merah di Kolam Terpal Bundar', summary: NILA_SUMMARY });
    const quiz = { title: 'Kuis nila', kind: 'QUIZ', durationMinutes: 5, contentUrl: null, body: 'Jawab **semua** pertanyaan.', questions: [{ prompt: 'Berapa kali benih nila diberi pakan?', options: ['Sekali', 'Dua kali'], correctOptions: [1] }] };
    const copy = await submitted({ title: 'Pembenihan Ikan Nila Merah di Kolam Terpal Bundar Baru', summary: NILA_SUMMARY, lessons: [lessonInput(), quiz] });

    expect((await wholeQueue()).find((entry) => entry.title.endsWith('Bundar Baru'))!.text).toContain('mirip 1 modul lain');

    const review = await curator.get(`/kurator/modul/${copy.id}`);
    expect(review.status).toBe(200);
    const findings = page(review.html).find((node) => node.tagName === 'section' && attr(node, 'class') === 'findings')!;
    expect(textOf(findings)).toContain('mirip 1 modul');
    const duplicate = elementsOf(findings).find((node) => node.tagName === 'a')!;
    expect(attr(duplicate, 'href')).toBe(`/kurator/modul/${original.id}`);
    expect(textOf(duplicate)).toBe('Pembenihan Ikan Nila Merah di Kolam Terpal Bundar');

    expect(review.html).toContain('Modul baru');
    expect(review.html).toContain('Berapa kali benih nila diberi pakan?');
    expect(review.html).toMatch(/Dua kali<strong> \(jawaban benar\)<\/strong>/);
    expect(review.html).not.toMatch(/Sekali<strong>/);
    expect(review.html).toContain('Jawab <strong>semua</strong> pertanyaan.');
    const contentLink = page(review.html).find((node) => node.tagName === 'a' && attr(node, 'href') === 'https://video.contoh-pelatihan.id/pemasaran-1.mp4')!;
    expect(attr(contentLink, 'rel')).toContain('nofollow');
    expect(textOf(contentLink)).toBe('https://video.contoh-pelatihan.id/pemasaran-1.mp4');
    // The contributor's record: their other modules and past decisions.
    const record = byId(review.html, 'kontributor-judul');
    expect(record).toBeDefined();
    expect(review.html).toMatch(/sejauh ini: [1-9]\d* disetujui, \d+ diminta perbaikan, \d+ ditolak/);
    expect(review.html).toMatch(/Modul lain: .*\d+ terbit/);
  });

  it('shows a revision of a published module as its diff against the published version, word by word and lesson by lesson', async () => {
    const published = await publishedModule(t, owner.token, curatorToken, { title: 'Menjahit Pakaian Anak dengan Mesin Portabel' });
    const lessons = (await t.gql(`query($id: ID!) { module(id: $id) { lessons { id title kind durationMinutes contentUrl body } } }`, { id: published.id }, owner.token)).data!.module.lessons;
    const edited = await t.gql(
      UPDATE_MODULE,
      {
        input: {
          id: published.id,
          expectedVersion: published.version,
          title: 'Menjahit Pakaian Dewasa dengan Mesin Portabel',
          lessons: [
            { id: lessons[1].id, title: lessons[1].title, kind: 'ARTICLE', durationMinutes: 20, body: 'Buat lima unggahan.' },
            lessonInput({ title: 'Pelajaran tambahan menjahit kancing' }),
          ],
        },
      },
      owner.token,
    );
    expect(edited.errors).toBeUndefined();

    const entry = (await wholeQueue()).find((item) => item.title === 'Menjahit Pakaian Dewasa dengan Mesin Portabel')!;
    expect(entry.text).toContain('Perubahan modul terbit');

    const review = await curator.get(`/kurator/modul/${published.id}`);
    expect(review.status).toBe(200);
    const diff = page(review.html).find((node) => node.tagName === 'section' && attr(node, 'aria-labelledby') === 'kiriman-judul')!;
    const deleted = elementsOf(diff).filter((node) => node.tagName === 'del').map(textOf);
    const inserted = elementsOf(diff).filter((node) => node.tagName === 'ins').map(textOf);
    expect(deleted).toContain('[dihapus: Anak]');
    expect(inserted).toContain('[ditambah: Dewasa]');
    expect(deleted.join(' ')).toContain('tiga');
    expect(inserted.join(' ')).toContain('lima');
    const diffText = textOf(diff);
    expect(diffText).toContain('Pelajaran baru: Pelajaran tambahan menjahit kancing');
    expect(diffText).toContain(`Pelajaran dihapus: ${lessons[0].title}`);
    expect(diffText).toContain('Pelajaran diubah: Latihan membuat konten');
    // Unchanged fields are not listed.
    expect(diffText).not.toContain('Ringkasan');
    // The published version stays public until a curator approves.
    expect((await state(published.id)).status).toBe('PUBLISHED');
    expect(byId(review.html, 'unpublishNote')).toBeDefined();
  });

  it('approves a submission: 303 to the queue with a notice, the module is PUBLISHED and found by the search page', async () => {
    const module = await submitted({ title: 'Beternak Kambing Etawa Perah Rumahan' });
    const review = await curator.get(`/kurator/modul/${module.id}`);
    expect(formVersion(review.html)).toBe(String(module.version));
    const answer = await curator.post(`/kurator/modul/${module.id}/keputusan`, { decision: 'APPROVE', note: '', expectedVersion: formVersion(review.html) });
    expect(answer.status).toBe(303);
    expect(answer.location).toBe('/kurator?pesan=moderasi-disetujui');
    expect((await curator.get(answer.location!)).html).toContain('Modul disetujui dan sudah terbit.');
    expect((await state(module.id)).status).toBe('PUBLISHED');
    await pollUntil(async () => ((await searchTitles('kambing etawa perah')).includes('Beternak Kambing Etawa Perah Rumahan') ? true : undefined), 30_000, 'the approved module on the search page');
  });

  it('refuses "request changes" without a note beside the note field, writing nothing; with a note the owner gets CHANGES_REQUESTED and the note shows in the history', async () => {
    const module = await submitted();
    const review = await curator.get(`/kurator/modul/${module.id}`);
    expect(review.html).toContain('Wajib untuk &quot;Minta perbaikan&quot; dan &quot;Tolak&quot;: 10 sampai 2000 karakter');
    const events = await eventCount(module.id);

    const refused = await curator.post(`/kurator/modul/${module.id}/keputusan`, { decision: 'REQUEST_CHANGES', note: '  ', expectedVersion: formVersion(review.html) });
    expect(refused.status).toBe(422);
    expect(textOf(byId(refused.html, 'note-galat')!)).toBe('Wajib diisi untuk keputusan ini: 10 sampai 2000 karakter.');
    expect(attr(byId(refused.html, 'note')!, 'aria-describedby')).toContain('note-galat');
    expect(refused.html).toContain('Periksa lagi isian berikut');
    const checked = page(refused.html).find((node) => attr(node, 'name') === 'decision' && attr(node, 'value') === 'REQUEST_CHANGES')!;
    expect(checked.attrs!.some((attribute) => attribute.name === 'checked')).toBe(true);
    const short = await curator.post(`/kurator/modul/${module.id}/keputusan`, { decision: 'REJECT', note: 'Kurang', expectedVersion: formVersion(review.html) });
    expect(short.status).toBe(422);
    expect(textOf(byId(short.html, 'note-galat')!)).toBe('Panjangnya 10 sampai 2000 karakter.');
    const noDecision = await curator.post(`/kurator/modul/${module.id}/keputusan`, { note: 'Tanpa keputusan dipilih', expectedVersion: formVersion(review.html) });
    expect(noDecision.status).toBe(422);
    expect(textOf(byId(noDecision.html, 'decision-galat')!)).toBe('Pilih salah satu pilihan yang ada.');
    expect((await state(module.id)).status).toBe('IN_REVIEW');
    expect((await state(module.id)).version).toBe(module.version);
    expect(await eventCount(module.id)).toBe(events);

    const note = 'Tambahkan video praktik di pelajaran pertama.';
    const answer = await curator.post(`/kurator/modul/${module.id}/keputusan`, { decision: 'REQUEST_CHANGES', note, expectedVersion: formVersion(review.html) });
    expect(answer.status).toBe(303);
    expect(answer.location).toBe('/kurator?pesan=moderasi-perbaikan');
    const after = await state(module.id);
    expect(after.status).toBe('CHANGES_REQUESTED');
    expect(after.moderationHistory.at(-1)).toEqual({ action: 'REQUEST_CHANGES', note });
    const history = byId((await curator.get(`/kurator/modul/${module.id}`)).html, 'riwayat-judul');
    expect(history).toBeDefined();
    const reviewAfter = await curator.get(`/kurator/modul/${module.id}`);
    expect(reviewAfter.html).toContain(`<blockquote>${note}</blockquote>`);
    expect(reviewAfter.html).toContain('Diminta perbaikan');
    // Nothing left to decide: no decision form.
    expect(reviewAfter.html).not.toContain('/keputusan"');
  });

  it('rejects with a note', async () => {
    const module = await submitted();
    const review = await curator.get(`/kurator/modul/${module.id}`);
    const answer = await curator.post(`/kurator/modul/${module.id}/keputusan`, { decision: 'REJECT', note: 'Isinya menyalin modul lain tanpa izin.', expectedVersion: formVersion(review.html) });
    expect(answer.status).toBe(303);
    expect(answer.location).toBe('/kurator?pesan=moderasi-ditolak');
    const after = await state(module.id);
    expect(after.status).toBe('REJECTED');
    expect(after.moderationHistory.at(-1)).toEqual({ action: 'REJECT', note: 'Isinya menyalin modul lain tanpa izin.' });
  });

  it('refuses a decision on a stale version (another curator decided first) with a "sudah diubah" message and a reload link, writing nothing', async () => {
    const module = await submitted();
    const other = await newCurator();
    const mine = await curator.get(`/kurator/modul/${module.id}`);
    const theirs = await other.get(`/kurator/modul/${module.id}`);
    expect((await other.post(`/kurator/modul/${module.id}/keputusan`, { decision: 'APPROVE', note: '', expectedVersion: formVersion(theirs.html) })).status).toBe(303);
    const events = await eventCount(module.id);
    const before = await state(module.id);

    const stale = await curator.post(`/kurator/modul/${module.id}/keputusan`, { decision: 'REJECT', note: 'Saya menolak modul ini karena tidak lengkap.', expectedVersion: formVersion(mine.html) });
    expect(stale.status).toBe(409);
    const alert = page(stale.html).find((node) => attr(node, 'role') === 'alert')!;
    expect(textOf(alert)).toContain('sudah diubah sejak Anda membukanya');
    const reload = elementsOf(alert).find((node) => node.tagName === 'a')!;
    expect(attr(reload, 'href')).toBe(`/kurator/modul/${module.id}`);
    expect(await eventCount(module.id)).toBe(events);
    expect(await state(module.id)).toEqual(before);
    expect(before.status).toBe('PUBLISHED');
  });

  it('unpublishes a published module with a note (gone from search); without a note it is refused beside the field and stays public', async () => {
    const module = await publishedModule(t, owner.token, curatorToken, { title: 'Membuat Sabun Cuci Piring Cair Rumahan' });
    await pollUntil(async () => ((await searchTitles('sabun cuci piring')).includes('Membuat Sabun Cuci Piring Cair Rumahan') ? true : undefined), 30_000, 'the module on the search page');
    const review = await curator.get(`/kurator/modul/${module.id}`);
    expect(review.html).toContain('action="/kurator/modul/' + module.id + '/turunkan"');

    const refused = await curator.post(`/kurator/modul/${module.id}/turunkan`, { note: '   ' });
    expect(refused.status).toBe(422);
    expect(textOf(byId(refused.html, 'unpublishNote-galat')!)).toContain('Tulis alasannya');
    expect((await state(module.id)).status).toBe('PUBLISHED');

    const answer = await curator.post(`/kurator/modul/${module.id}/turunkan`, { note: 'Materi melanggar hak cipta pihak lain.' });
    expect(answer.status).toBe(303);
    expect(answer.location).toBe(`/kurator/modul/${module.id}?pesan=moderasi-diturunkan`);
    const after = await state(module.id);
    expect(after.status).toBe('UNPUBLISHED');
    expect(after.moderationHistory.at(-1)).toEqual({ action: 'UNPUBLISH', note: 'Materi melanggar hak cipta pihak lain.' });
    const shown = await curator.get(answer.location!);
    expect(shown.html).toContain('Modul sudah diturunkan');
    expect(shown.html).not.toContain('/turunkan"');
    await pollUntil(async () => (!(await searchTitles('sabun cuci piring')).includes('Membuat Sabun Cuci Piring Cair Rumahan') ? true : undefined), 30_000, 'the module to leave the search page');
  });

  it('answers 403 to beneficiaries and contributors (showing nothing of the module), sends visitors to /masuk, and 404 for a malformed id', async () => {
    const module = await submitted({ title: 'Rahasia Antrean Kurator Saja' });
    const beneficiaryFields = beneficiaryInput();
    await registerBeneficiary(t, beneficiaryFields);
    for (const web of [await signIn(beneficiaryFields.email), await signIn(owner.email)]) {
      for (const path of ['/kurator', `/kurator/modul/${module.id}`]) {
        const answer = await web.get(path);
        expect(answer.status).toBe(403);
        expect(answer.html).not.toContain('Rahasia Antrean Kurator Saja');
      }
      await web.get('/');
      const post = await web.post(`/kurator/modul/${module.id}/keputusan`, { decision: 'APPROVE', expectedVersion: String(module.version) });
      expect(post.status).toBe(403);
      expect((await web.post(`/kurator/modul/${module.id}/turunkan`, { note: 'Coba menurunkan modul.' })).status).toBe(403);
    }
    expect((await state(module.id)).status).toBe('IN_REVIEW');

    const visitor = await new WebClient(t.baseUrl).get('/kurator');
    expect(visitor.status).toBe(303);
    expect(visitor.location).toMatch(/^\/masuk\?pesan=perlu-masuk/);

    expect((await curator.get('/kurator/modul/bukan-id')).status).toBe(404);
    expect((await curator.get('/kurator/modul/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    await curator.get('/kurator');
    expect((await curator.post('/kurator/modul/bukan-id/keputusan', { decision: 'APPROVE', expectedVersion: '1' })).status).toBe(404);
  });
});
