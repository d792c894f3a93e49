import { createCurator, registerContributor } from '../factories/accounts';
import { adminToken, ADMIN_ENV, enroll, lessonIdsOf, registerBeneficiaryWithCard, type Beneficiary } from '../factories/learning';
import { publishedModule } from '../factories/modules';
import { pollUntil } from './poll';
import { TestApp } from './test-app';
import { seedContributorSide } from './web-site-contributors';

/**
 * A site with realistic data for browser checks, benches and screenshots:
 * the demo catalogue (372 published modules, seeded by the app itself), a
 * Rp1 module of 10 lessons (article, video, download and graded quizzes),
 * a learner part-way through it, and a learner whose credit is spent; and
 * the contributors', curators' and admin's pages around them (issue 13).
 */

/** startTestApp's environment for seedSite: the demo catalogue and an admin. */
export const SITE_ENV = { ...ADMIN_ENV, SEED_DEMO: 'true' };

/**
 * Who opens a page: nobody, the learner part-way through the 10-lesson module, the learner whose credit is spent,
 * the module's contributor, the curator who approved it, or the admin.
 */
export type Visitor = 'guest' | 'learner' | 'exhausted' | 'contributor' | 'curator' | 'admin';

export interface PageVisit {
  /** A short name for tables and screenshot files. */
  name: PageName;
  path: string;
  as: Visitor;
  /** A selector present once the page's main content is there (for the slow-connection timing). */
  content: string;
  /** The HTTP status the page answers with. */
  status: number;
  /** Bytes the page may transfer when not the site's 30 KB (the editor: 60 KB). */
  budgetBytes?: number;
}

/** Every page of the site, in the order of the tables; seedSite answers a visit for each. */
export const PAGE_NAMES = [
  'beranda',
  'cari',
  'modul',
  'masuk',
  'daftar',
  'keluar',
  'belajar',
  'pelajaran-artikel',
  'pelajaran-kuis',
  'dompet',
  'dompet-habis',
  'gratis',
  'notifikasi',
  '404',
  'daftar-kontributor',
  'kontributor',
  'editor-baru',
  'editor',
  'kurator',
  'kurator-modul',
  'kurator-laporan',
  'admin',
  'impor',
  'impor-hasil',
] as const;
export type PageName = (typeof PAGE_NAMES)[number];

export interface SeededSite {
  tokens: Record<Exclude<Visitor, 'guest'>, string>;
  learner: Beneficiary & { email: string; password: string };
  module: { id: string; slug: string; lessonIds: string[] };
  enrollmentId: string;
  visits: PageVisit[];
  visit(name: PageName): PageVisit;
}

/** Issue 13: the editor may take 60 KB with its enhancements. */
export const EDITOR_BUDGET_BYTES = 60 * 1024;

const PASSWORD = 'rahasia-kuat-123';
const SEARCH_QUERY = 'usaha';
/** A search with a facet that still fills a page: 20 results. */
export const SEARCH_PATH = `/?q=${SEARCH_QUERY}&harga=gratis`;

const article = (topic: string) =>
  `## ${topic}\n\nBanyak pelaku UMKM memakai WhatsApp untuk berjualan, tetapi belum memakai fitur **katalog**, **label** dan **pesan otomatis**. ` +
  `Di pelajaran ini Anda menyiapkan semuanya dalam satu sore.\n\n### Langkah\n\n1. Buka *Alat bisnis* lalu pilih *Katalog*.\n2. Tambahkan lima produk terlaris dengan foto yang terang.\n` +
  `3. Tulis harga dan keterangan singkat: bahan, ukuran, lama pengiriman.\n4. Bagikan tautan katalog di status dan grup pelanggan.\n\n` +
  `> Tips: foto di dekat jendela pada pagi hari memberi cahaya yang rata tanpa lampu tambahan.\n\n` +
  `### Latihan\n\nBuat tiga pesan sapaan untuk pelanggan baru dan simpan sebagai *balasan cepat*. Catat berapa pesan yang masuk minggu ini.`;

const quiz = (title: string) => ({
  title,
  kind: 'QUIZ',
  durationMinutes: 10,
  contentUrl: null,
  body: 'Jawab semua pertanyaan. Anda lulus dengan nilai 70 atau lebih.',
  passPercent: 70,
  questions: [
    { prompt: 'Fitur apa yang menampilkan daftar produk di WhatsApp Business?', options: ['Katalog', 'Arsip', 'Siaran'], correctOptions: [0] },
    { prompt: 'Kapan waktu terbaik memotret produk tanpa lampu tambahan?', options: ['Tengah malam', 'Pagi di dekat jendela', 'Di bawah lampu jalan'], correctOptions: [1] },
    { prompt: 'Apa gunanya label pada percakapan pelanggan?', options: ['Mengelompokkan pelanggan', 'Menghapus pesan', 'Mengganti nomor'], correctOptions: [0] },
    { prompt: 'Apa isi keterangan produk yang baik?', options: ['Bahan dan ukuran', 'Nomor rekening pribadi', 'Kata sandi'], correctOptions: [0] },
  ],
});

/** The Rp1 module of 10 lessons the learner takes. */
const TEN_LESSONS = {
  title: 'Jualan Online lewat WhatsApp Business untuk UMKM',
  summary: 'Siapkan katalog, label pelanggan, balasan cepat dan pesan otomatis di WhatsApp Business, lalu ukur hasil penjualan mingguan.',
  description:
    'Modul praktis untuk pelaku usaha kecil yang sudah berjualan lewat WhatsApp.\n\n## Yang akan Anda pelajari\n\n- Menyiapkan profil bisnis yang dipercaya pelanggan\n' +
    '- Membuat katalog produk dengan foto yang menarik\n- Mengelompokkan pelanggan dengan label\n- Membalas lebih cepat dengan pesan otomatis\n- Mencatat dan membaca hasil penjualan\n\n' +
    'Setiap pelajaran diakhiri latihan yang bisa langsung dipakai untuk usaha Anda.',
  categorySlug: 'penjualan-pemasaran',
  skills: ['whatsapp business', 'pemasaran digital', 'layanan pelanggan'],
  level: 'BEGINNER',
  deliveryMode: 'SELF_PACED',
  priceIdr: 1,
  certificate: true,
  lessons: [
    { title: 'Pengantar: berjualan lewat WhatsApp', kind: 'VIDEO', durationMinutes: 8, contentUrl: 'https://video.contoh-pelatihan.id/wa-bisnis/1-pengantar.mp4' },
    { title: 'Profil bisnis yang dipercaya pelanggan', kind: 'ARTICLE', durationMinutes: 12, contentUrl: null, body: article('Profil bisnis') },
    { title: 'Membuat katalog produk', kind: 'ARTICLE', durationMinutes: 15, contentUrl: null, body: article('Katalog produk') },
    { title: 'Memotret produk dengan ponsel', kind: 'VIDEO', durationMinutes: 14, contentUrl: 'https://video.contoh-pelatihan.id/wa-bisnis/4-foto-produk.mp4' },
    quiz('Kuis 1: profil dan katalog'),
    { title: 'Label dan balasan cepat', kind: 'ARTICLE', durationMinutes: 12, contentUrl: null, body: article('Label dan balasan cepat') },
    { title: 'Lembar kerja pencatatan penjualan', kind: 'DOWNLOAD', durationMinutes: 10, contentUrl: 'https://unduh.contoh-pelatihan.id/wa-bisnis/lembar-kerja.pdf' },
    { title: 'Pesan otomatis dan jam kerja', kind: 'VIDEO', durationMinutes: 11, contentUrl: 'https://video.contoh-pelatihan.id/wa-bisnis/8-pesan-otomatis.mp4' },
    { title: 'Membaca hasil penjualan mingguan', kind: 'ARTICLE', durationMinutes: 15, contentUrl: null, body: article('Hasil penjualan mingguan') },
    quiz('Kuis akhir'),
  ],
};
export const ARTICLE_LESSON = 1;
export const QUIZ_LESSON = 4;

const COMPLETE = `mutation($e: ID!, $l: ID!) { completeLesson(enrollmentId: $e, lessonId: $l) { id } }`;
const SPEND = `mutation($input: RecordCreditSpendInput!) { recordCreditSpend(input: $input) { creditExhausted } }`;
const REPORT = `mutation($input: ReportModuleInput!) { reportModule(input: $input) { id } }`;
const RESOLVE = `mutation($input: ResolveReportInput!) { resolveReport(input: $input) { id } }`;
const NOTIFICATIONS = `{ myNotifications(first: 10) { id kind } }`;
const SEARCH_IDS = `query($q: String!) { searchModules(input: { query: $q, pageSize: 3, priceIdr: [0] }) { hits { module { id } } } }`;

async function data<T = Record<string, any>>(t: TestApp, query: string, variables: Record<string, unknown>, token?: string): Promise<T> {
  const answer = await t.gql<T>(query, variables, token);
  if (answer.errors) throw new Error(`${query.slice(0, 60)}: ${JSON.stringify(answer.errors)}`);
  return answer.data!;
}

async function waitForNotification(t: TestApp, token: string, kind: string): Promise<void> {
  await pollUntil(
    async () => ((await data(t, NOTIFICATIONS, {}, token)).myNotifications.some((n: { kind: string }) => n.kind === kind) ? true : undefined),
    15_000,
    `a ${kind} notification`,
  );
}

/** Seeds the site on an app started with SITE_ENV; every step goes through the API, as people would. */
export async function seedSite(t: TestApp): Promise<SeededSite> {
  const contributorEmail = `rumah.belajar.${Date.now().toString(36)}@contoh.id`;
  const contributor = await registerContributor(t, { email: contributorEmail, displayName: 'Rumah Belajar UMKM', kind: 'ORGANIZATION', organizationName: 'Rumah Belajar UMKM' });
  const curator = await createCurator(t);
  const module = await publishedModule(t, contributor.token, curator.token, TEN_LESSONS);

  const email = `siti.aminah.${Date.now().toString(36)}@contoh.id`;
  const learner = await registerBeneficiaryWithCard(t, { email, password: PASSWORD, displayName: 'Siti Aminah', interests: ['pemasaran digital', 'kuliner', 'menjahit'] });
  const enrollment = await enroll(t, learner.token, module.id);
  const lessonIds = await lessonIdsOf(t, learner.token, module.id);
  for (const lessonId of lessonIds.slice(0, 3)) await data(t, COMPLETE, { e: enrollment.id, l: lessonId }, learner.token);

  // Two free demo modules beside it, and a report a curator resolved (a notification).
  const { value: demo } = await pollUntil(
    async () => {
      const ids = (await data(t, SEARCH_IDS, { q: SEARCH_QUERY })).searchModules.hits.map((hit: { module: { id: string } }) => hit.module.id) as string[];
      return ids.length === 3 ? ids : undefined;
    },
    15_000,
    'the demo catalogue in search',
  );
  for (const id of demo.slice(0, 2)) await enroll(t, learner.token, id);
  const report = (await data(t, REPORT, { input: { moduleId: demo[2], reason: 'BROKEN_CONTENT', details: 'Video pelajaran ketiga tidak bisa diputar.' } }, learner.token)).reportModule;
  await data(t, RESOLVE, { input: { reportId: report.id, status: 'RESOLVED', note: 'Tautan video sudah diperbaiki kontributor.' } }, curator.token);

  // The second learner spent the whole credit on paid courses (the programme's platform reports it).
  const exhausted = await registerBeneficiaryWithCard(t, { displayName: 'Budi Santoso', interests: ['kuliner', 'kewirausahaan'] });
  const admin = await adminToken(t);
  await data(t, SPEND, { input: { prakerjaCardNumber: exhausted.card, amountIdr: 600_000, reference: `beli-${exhausted.id}-1`, courseTitle: 'Kelas Barista Profesional' } }, admin);
  await data(t, SPEND, { input: { prakerjaCardNumber: exhausted.card, amountIdr: 400_000, reference: `beli-${exhausted.id}-2`, courseTitle: 'Usaha Kue Kering Rumahan' } }, admin);
  await waitForNotification(t, learner.token, 'REPORT_RESOLVED');

  const owned = { id: module.id, version: module.version, input: TEN_LESSONS, lessonIds };
  const side = await seedContributorSide(t, { ...contributor, email: contributorEmail }, curator, owned, [demo[0], demo[1]]);

  const lesson = (index: number) => `/belajar/${enrollment.id}/${lessonIds[index]}`;
  const visits: PageVisit[] = [
    { name: 'beranda', path: '/', as: 'guest', content: 'main li.card', status: 200 },
    { name: 'cari', path: SEARCH_PATH, as: 'learner', content: 'main li.card', status: 200 },
    { name: 'modul', path: `/modul/${module.slug}`, as: 'learner', content: 'main h1', status: 200 },
    { name: 'masuk', path: '/masuk', as: 'guest', content: 'main form', status: 200 },
    { name: 'daftar', path: '/daftar', as: 'guest', content: 'main form', status: 200 },
    { name: 'keluar', path: '/keluar', as: 'learner', content: 'main form', status: 200 },
    { name: 'belajar', path: '/belajar', as: 'learner', content: 'main h1', status: 200 },
    { name: 'pelajaran-artikel', path: lesson(ARTICLE_LESSON), as: 'learner', content: 'main h1', status: 200 },
    { name: 'pelajaran-kuis', path: lesson(QUIZ_LESSON), as: 'learner', content: 'main form', status: 200 },
    { name: 'dompet', path: '/dompet', as: 'learner', content: 'main h1', status: 200 },
    { name: 'dompet-habis', path: '/dompet', as: 'exhausted', content: 'main h1', status: 200 },
    { name: 'gratis', path: '/gratis', as: 'exhausted', content: 'main h1', status: 200 },
    { name: 'notifikasi', path: '/notifikasi', as: 'learner', content: 'main h1', status: 200 },
    { name: '404', path: '/tidak-ada-halaman-ini', as: 'guest', content: 'main h1', status: 404 },
    { name: 'daftar-kontributor', path: '/daftar/kontributor', as: 'guest', content: 'main form', status: 200 },
    { name: 'kontributor', path: '/kontributor', as: 'contributor', content: 'main li.card', status: 200 },
    { name: 'editor-baru', path: '/kontributor/modul/baru', as: 'contributor', content: 'main form', status: 200, budgetBytes: EDITOR_BUDGET_BYTES },
    { name: 'editor', path: side.paths.editor, as: 'contributor', content: 'main form', status: 200, budgetBytes: EDITOR_BUDGET_BYTES },
    { name: 'kurator', path: '/kurator', as: 'curator', content: 'main h1', status: 200 },
    { name: 'kurator-modul', path: side.paths.review, as: 'curator', content: 'main h1', status: 200 },
    { name: 'kurator-laporan', path: '/kurator/laporan', as: 'curator', content: 'main li.card', status: 200 },
    { name: 'admin', path: '/admin', as: 'admin', content: 'main h1', status: 200 },
    { name: 'impor', path: '/kontributor/impor', as: 'contributor', content: 'main form', status: 200 },
    { name: 'impor-hasil', path: side.paths.importJob, as: 'contributor', content: 'main table', status: 200 },
  ];
  return {
    tokens: { learner: learner.token, exhausted: exhausted.token, ...side.tokens },
    learner: { ...learner, email, password: PASSWORD },
    module: { id: module.id, slug: module.slug, lessonIds },
    enrollmentId: enrollment.id,
    visits,
    visit: (name) => visits.find((visit) => visit.name === name)!,
  };
}
