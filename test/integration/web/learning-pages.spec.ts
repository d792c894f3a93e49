import { parse } from 'parse5';
import { MAX_ATTEMPTS_PER_DAY } from '../../../src/quizzes/quiz.service';
import { Account, createCurator, registerContributor } from '../../factories/accounts';
import { ADMIN_ENV, countWrites, MY_WALLET, registerBeneficiaryWithCard } from '../../factories/learning';
import { lessonInput, publishedModule } from '../../factories/modules';
import { startTestApp, TestApp } from '../../support/test-app';
import { WebClient } from '../../support/web-client';

jest.setTimeout(60_000);

const PASSWORD = 'rahasia-kuat-123';
let emails = 0;

/** Right answers: [1] and [0, 2]. */
const QUESTIONS = [
  { prompt: 'Apa kepanjangan UMKM?', options: ['Usaha Milik Kota Madya', 'Usaha Mikro, Kecil, dan Menengah'], correctOptions: [1] },
  { prompt: 'Mana yang termasuk media sosial?', options: ['Instagram', 'Kalkulator', 'TikTok'], correctOptions: [0, 2] },
];
const HOSTILE_BODY = 'Bacalah dengan saksama.\n\n<script>alert("xss")</script>\n\n<img src=x onerror=alert(2)> [tautan](javascript:alert(3))';
const LESSONS = [
  lessonInput({ title: 'Video pembuka' }),
  lessonInput({ title: 'Bacaan inti', kind: 'ARTICLE', contentUrl: null, body: HOSTILE_BODY }),
  lessonInput({ title: 'Kuis pemahaman', kind: 'QUIZ', contentUrl: null, body: 'Jawab semua pertanyaan.', questions: QUESTIONS }),
];

interface Node { nodeName: string; attrs?: { name: string; value: string }[]; childNodes?: Node[] }

/** Every element of the page, parsed as a browser would. */
function elements(html: string): Node[] {
  const found: Node[] = [];
  const pending: Node[] = [parse(html) as unknown as Node];
  while (pending.length) {
    const node = pending.pop()!;
    if (node.attrs) found.push(node);
    pending.push(...(node.childNodes ?? []));
  }
  return found;
}

/** Lesson ids from the page's lesson list (the <ol class="lesson-nav">), in order. */
const lessonLinks = (html: string, enrollmentId: string) => {
  const list = /<ol class="lesson-nav">[\s\S]*?<\/ol>/.exec(html)?.[0] ?? '';
  return [...list.matchAll(new RegExp(`href="/belajar/${enrollmentId}/([0-9a-f-]{36})"`, 'g'))].map((match) => match[1]);
};
const questionFields = (html: string) => [...new Set([...html.matchAll(/name="(jawaban-[^"]+)"/g)].map((match) => match[1]))];

describe('web pages: /belajar and the lesson pages', () => {
  let t: TestApp;
  let owner: Account;
  let curator: Account;

  beforeAll(async () => {
    t = await startTestApp(ADMIN_ENV);
    owner = await registerContributor(t);
    curator = await createCurator(t);
  });
  afterAll(async () => t.close());

  /** A beneficiary signed in on the web (and their API token for checks). */
  async function signedInLearner() {
    const email = `pelajar-${Date.now().toString(36)}-${++emails}@contoh.id`;
    const learner = await registerBeneficiaryWithCard(t, { email });
    const web = new WebClient(t.baseUrl);
    const login = await web.submit('/masuk', '/masuk', { email, password: PASSWORD, lanjut: '/belajar' });
    expect(login.location).toBe('/belajar');
    return { ...learner, web };
  }

  /** Enrols through POST /belajar from a page that carries the form token; the redirect's enrollment and lesson. */
  async function enrollOnWeb(web: WebClient, moduleId: string) {
    const answer = await web.submit('/belajar', '/belajar', { moduleId });
    expect(answer.status).toBe(303);
    const [, enrollmentId, lessonId] = /^\/belajar\/([0-9a-f-]{36})\/([0-9a-f-]{36})\?pesan=terdaftar_modul$/.exec(answer.location!)!;
    return { enrollmentId, lessonId };
  }

  it('enrols in an Rp1 module charging Rp1 once, and completes every lesson (quiz wrong, then right) to COMPLETED with a certificate', async () => {
    const module = await publishedModule(t, owner.token, curator.token, { priceIdr: 1, lessons: LESSONS });
    const { web, token } = await signedInLearner();

    const { enrollmentId, lessonId: first } = await enrollOnWeb(web, module.id);
    const again = await enrollOnWeb(web, module.id);
    expect(again.enrollmentId).toBe(enrollmentId);
    const [{ count }] = await t.db.query(`SELECT count(*)::int AS count FROM enrollments WHERE module_id = $1`, [module.id]);
    expect(count).toBe(1);
    const wallet = (await t.gql(MY_WALLET, {}, token)).data!.myWallet;
    expect(wallet.balanceIdr).toBe(999_999);
    expect(wallet.entries.filter((entry: { amountIdr: number }) => entry.amountIdr === -1)).toHaveLength(1);

    const firstPage = await web.get(`/belajar/${enrollmentId}/${first}?pesan=terdaftar_modul`);
    expect(firstPage.status).toBe(200);
    expect(firstPage.html).toContain('Anda sudah terdaftar di modul ini');
    expect(firstPage.html).toContain('0 dari 3 pelajaran selesai');
    expect(firstPage.html).toContain('href="https://video.contoh-pelatihan.id/pemasaran-1.mp4"');
    expect(firstPage.html).toContain('data-enhance="#progres,#pelajaran,#selesaikan"');
    const [video, article, quiz] = lessonLinks(firstPage.html, enrollmentId);
    expect(first).toBe(video);

    const done = await web.post(`/belajar/${enrollmentId}/${video}/selesai`, {});
    expect(done.location).toBe(`/belajar/${enrollmentId}/${article}?pesan=selesai`);
    const articlePage = await web.get(done.location!);
    expect(articlePage.html).toContain('1 dari 3 pelajaran selesai');
    expect(articlePage.html).toContain('Bacalah dengan saksama.');
    // Sent in the background by site.js, the answer is the same lesson's page (its parts replace those on screen).
    const inBackground = await web.post(`/belajar/${enrollmentId}/${article}/selesai`, {}, { 'x-requested-with': 'fetch' });
    expect(inBackground.location).toBe(`/belajar/${enrollmentId}/${article}?pesan=selesai`);

    const quizPage = await web.get(`/belajar/${enrollmentId}/${quiz}`);
    expect(quizPage.html).not.toContain('Tandai selesai');
    const [single, multiple] = questionFields(quizPage.html);
    expect(quizPage.html).toMatch(new RegExp(`type="radio" name="${single}"`));
    expect(quizPage.html).toMatch(new RegExp(`type="checkbox" name="${multiple}"`));

    const unanswered = await web.post(`/belajar/${enrollmentId}/${quiz}/kuis`, { [single]: '1' });
    expect(unanswered.status).toBe(422);
    expect(unanswered.html).toContain('Pilih jawaban untuk pertanyaan ini.');
    expect(unanswered.html).toMatch(/value="1" checked/);

    const wrong = await web.post(`/belajar/${enrollmentId}/${quiz}/kuis`, { [single]: '1', [multiple]: ['0'] });
    expect(wrong.location).toBe(`/belajar/${enrollmentId}/${quiz}?pesan=kuis-belum-lulus`);
    const wrongPage = await web.get(wrong.location!);
    expect(wrongPage.html).toContain('Nilai Anda 50. Belum lulus');
    expect(wrongPage.html).toContain('Pertanyaan 1: benar');
    expect(wrongPage.html).toContain('Pertanyaan 2: salah');

    const right = await web.post(`/belajar/${enrollmentId}/${quiz}/kuis`, { [single]: '1', [multiple]: ['0', '2'] });
    expect(right.location).toBe(`/belajar/${enrollmentId}/${quiz}?pesan=modul-selesai`);
    const finished = await web.get(right.location!);
    expect(finished.html).toContain('Selamat! Anda menyelesaikan modul ini.');
    expect(finished.html).toContain('3 dari 3 pelajaran selesai');

    const api = await t.gql(`{ myEnrollments { nodes { id status progressPercent certificateCode } } }`, {}, token);
    const [enrollment] = api.data!.myEnrollments.nodes;
    expect(enrollment).toMatchObject({ id: enrollmentId, status: 'COMPLETED', progressPercent: 100 });
    expect(finished.html).toContain(`href="/sertifikat/${enrollment.certificateCode}"`);
    const certificate = await web.get(`/sertifikat/${enrollment.certificateCode}`);
    expect(certificate.html).toContain(`Sertifikat ${enrollment.certificateCode} sah.`);

    const mine = await web.get('/belajar');
    expect(mine.html).toContain('3 dari 3 pelajaran selesai');
    expect(mine.html).toContain('Selesai');
  });

  it('shows an article body with <script> only as the sanitised HTML, never as markup', async () => {
    const module = await publishedModule(t, owner.token, curator.token, { lessons: LESSONS });
    const { web } = await signedInLearner();
    const { enrollmentId, lessonId } = await enrollOnWeb(web, module.id);
    const [, article] = lessonLinks((await web.get(`/belajar/${enrollmentId}/${lessonId}`)).html, enrollmentId);
    const page = await web.get(`/belajar/${enrollmentId}/${article}`);
    expect(page.html).toContain('Bacalah dengan saksama.');
    const all = elements(page.html);
    const scripts = all.filter((node) => node.nodeName === 'script');
    expect(scripts).toHaveLength(1);
    expect(scripts[0].attrs!.find((attr) => attr.name === 'src')?.value).toMatch(/^\/assets\/site\.[0-9a-f]+\.js$/);
    expect(all.flatMap((node) => node.attrs!).filter((attr) => attr.name.startsWith('on') || /^\s*javascript:/i.test(attr.value))).toEqual([]);
  });

  it('answers 404 for someone else\'s enrollment, a lesson outside it and non-UUID ids, and writes nothing', async () => {
    const module = await publishedModule(t, owner.token, curator.token, { lessons: LESSONS });
    const other = await publishedModule(t, owner.token, curator.token);
    const alice = await signedInLearner();
    const { enrollmentId, lessonId } = await enrollOnWeb(alice.web, module.id);
    const bob = await signedInLearner();
    const bobs = await enrollOnWeb(bob.web, other.id);

    const before = await countWrites(t.db);
    expect((await bob.web.get(`/belajar/${enrollmentId}/${lessonId}`)).status).toBe(404);
    const completed = await bob.web.post(`/belajar/${enrollmentId}/${lessonId}/selesai`, {});
    expect(completed.status).toBe(404);
    expect(completed.html).toContain('Tidak ditemukan');
    expect((await bob.web.post(`/belajar/${enrollmentId}/nilai`, { rating: '1', pelajaran: lessonId })).status).toBe(404);
    expect((await bob.web.get(`/belajar/${bobs.enrollmentId}/${lessonId}`)).status).toBe(404);
    expect((await bob.web.get(`/belajar/bukan-uuid/${lessonId}`)).status).toBe(404);
    expect((await bob.web.get(`/belajar/${bobs.enrollmentId}/bukan-uuid`)).status).toBe(404);
    expect((await bob.web.post(`/belajar/${bobs.enrollmentId}/1%27%20OR%201=1/selesai`, {})).status).toBe(404);
    expect((await bob.web.submit('/belajar', '/belajar', { moduleId: 'bukan-uuid' })).status).toBe(404);
    expect(await countWrites(t.db)).toEqual(before);
  });

  it('refuses POST /belajar to a contributor (403) and sends the signed-out to /masuk', async () => {
    const module = await publishedModule(t, owner.token, curator.token);
    const contributorEmail = `kontributor-web-${Date.now().toString(36)}@contoh.id`;
    await registerContributor(t, { email: contributorEmail });
    const web = new WebClient(t.baseUrl);
    await web.submit('/masuk', '/masuk', { email: contributorEmail, password: PASSWORD, lanjut: '/' });
    const refused = await web.submit('/masuk', '/belajar', { moduleId: module.id });
    expect(refused.status).toBe(403);
    const [{ count }] = await t.db.query(`SELECT count(*)::int AS count FROM enrollments WHERE module_id = $1`, [module.id]);
    expect(count).toBe(0);

    const anonymous = await new WebClient(t.baseUrl).get('/belajar');
    expect(anonymous.status).toBe(303);
    expect(anonymous.location).toBe('/masuk?pesan=perlu-masuk&lanjut=%2Fbelajar');
  });

  it('saves the rating once (a second replaces it), shows it, and refuses a missing star beside the field', async () => {
    const module = await publishedModule(t, owner.token, curator.token, { lessons: LESSONS });
    const { web } = await signedInLearner();
    const { enrollmentId, lessonId } = await enrollOnWeb(web, module.id);
    await web.get(`/belajar/${enrollmentId}/${lessonId}`);

    const before = await countWrites(t.db);
    const missing = await web.post(`/belajar/${enrollmentId}/nilai`, { comment: 'Bagus', pelajaran: lessonId });
    expect(missing.status).toBe(422);
    expect(missing.html).toContain('id="rating-galat">Pilih 1 sampai 5 bintang.');
    expect(missing.html).toContain('>Bagus</textarea>');
    expect(await countWrites(t.db)).toEqual(before);

    const saved = await web.post(`/belajar/${enrollmentId}/nilai`, { rating: '4', comment: 'Materinya jelas.', pelajaran: lessonId });
    expect(saved.location).toBe(`/belajar/${enrollmentId}/${lessonId}?pesan=dinilai#nilai`);
    const replaced = await web.post(`/belajar/${enrollmentId}/nilai`, { rating: '5', comment: '', pelajaran: lessonId });
    expect(replaced.status).toBe(303);
    const reviews = await t.db.query(`SELECT rating, comment FROM reviews WHERE module_id = $1`, [module.id]);
    expect(reviews).toEqual([{ rating: 5, comment: null }]);
    const page = await web.get(`/belajar/${enrollmentId}/${lessonId}?pesan=dinilai`);
    expect(page.html).toContain('Penilaian Anda: 5 dari 5 bintang.');
    expect(page.html).toMatch(/name="rating" value="5" checked/);
  });

  it('tells how long to wait once the quiz\'s daily attempts are used up, recording no attempt', async () => {
    const module = await publishedModule(t, owner.token, curator.token, { lessons: LESSONS });
    const { web } = await signedInLearner();
    const { enrollmentId, lessonId } = await enrollOnWeb(web, module.id);
    const quiz = lessonLinks((await web.get(`/belajar/${enrollmentId}/${lessonId}`)).html, enrollmentId)[2];
    const [single, multiple] = questionFields((await web.get(`/belajar/${enrollmentId}/${quiz}`)).html);
    const wrong = { [single]: '0', [multiple]: ['1'] };
    for (let attempt = 0; attempt < MAX_ATTEMPTS_PER_DAY; attempt += 1) {
      expect((await web.post(`/belajar/${enrollmentId}/${quiz}/kuis`, wrong)).location).toBe(`/belajar/${enrollmentId}/${quiz}?pesan=kuis-belum-lulus`);
    }
    const limited = await web.post(`/belajar/${enrollmentId}/${quiz}/kuis`, wrong);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(86_000);
    expect(limited.html).toMatch(/Anda sudah mencoba kuis ini 10 kali dalam 24 jam\. Coba lagi dalam (23 jam 59 menit|24 jam)\./);
    const [{ count }] = await t.db.query(`SELECT count(*)::int AS count FROM quiz_attempts WHERE enrollment_id = $1`, [enrollmentId]);
    expect(count).toBe(MAX_ATTEMPTS_PER_DAY);
  });

  it('pages Belajar Saya by 20 with the service\'s cursor', async () => {
    const { web } = await signedInLearner();
    const modules = [];
    for (let i = 0; i < 21; i += 1) modules.push(await publishedModule(t, owner.token, curator.token));
    for (const module of modules) await enrollOnWeb(web, module.id);
    const first = await web.get('/belajar');
    expect(first.html).toContain('21 modul');
    expect(first.html.match(/class="card"/g)).toHaveLength(20);
    const next = /href="\/belajar\?(setelah=[^"]+)"/.exec(first.html)![1];
    const second = await web.get(`/belajar?${next}`);
    expect(second.html.match(/class="card"/g)).toHaveLength(1);
    expect((await web.get('/belajar?setelah=rusak')).status).toBe(400);
  });
});
