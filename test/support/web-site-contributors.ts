import type { Page } from 'playwright-core';
import { registerContributor, type Account } from '../factories/accounts';
import { adminToken, registerBeneficiaryWithCard } from '../factories/learning';
import { createModule, REVIEW_MODULE, SUBMIT_MODULE } from '../factories/modules';
import { pollUntil } from './poll';
import { TestApp } from './test-app';
import { WebClient } from './web-client';

/**
 * The contributors', curators' and admin's side of the seeded site (issue 13):
 * the 10-lesson module's contributor with modules in every stage and a
 * pending revision of it (a diff with a near-duplicate finding), a queue, open
 * reports, and a finished import (uploaded on its page) with per-row failures.
 */

const UPDATE = `mutation($input: UpdateModuleInput!) { updateModule(input: $input) { id version } }`;
const REPORT = `mutation($input: ReportModuleInput!) { reportModule(input: $input) { id } }`;
const IMPORT_JOB = `query($id: ID!) { importJob(id: $id) { state } }`;
/** The seeded contributor's password (the accounts factory's), to sign in on /masuk for the upload form. */
const CONTRIBUTOR_PASSWORD = 'rahasia-kuat-123';

async function data<T = Record<string, any>>(t: TestApp, query: string, variables: Record<string, unknown>, token?: string): Promise<T> {
  const answer = await t.gql<T>(query, variables, token);
  if (answer.errors) throw new Error(`${query.slice(0, 60)}: ${JSON.stringify(answer.errors)}`);
  return answer.data!;
}

async function submitted(t: TestApp, token: string, override: Record<string, unknown>): Promise<{ id: string; version: number }> {
  const created = await createModule(t, token, override);
  return (await data(t, SUBMIT_MODULE, { id: created.id }, token)).submitModule;
}

/** The published 10-lesson module as its owner sees it: its input (lessons with their questions) and the lesson ids in order. */
export interface OwnedModule {
  id: string;
  version: number;
  input: { summary: string; description: string; lessons: Record<string, unknown>[] };
  lessonIds: string[];
}

export interface ContributorSide {
  tokens: { contributor: string; curator: string; admin: string };
  paths: { editor: string; review: string; importJob: string };
}

/** Seeds issue 13's pages around `owned`, the 10-lesson module `contributor` published and `curator` approved. */
export async function seedContributorSide(t: TestApp, contributor: Account & { email: string }, curator: Account, owned: OwnedModule, reportedModuleIds: string[]): Promise<ContributorSide> {
  const other = await registerContributor(t, { displayName: 'Komunitas Digital Warung', kind: 'ORGANIZATION', organizationName: 'Komunitas Digital Warung' });

  // A look-alike in review, so the revision below is found near it (a near-duplicate finding).
  await submitted(t, other.token, {
    title: 'Jualan Online lewat WhatsApp Business untuk Warung',
    summary: 'Siapkan katalog, label pelanggan, balasan cepat dan pesan otomatis di WhatsApp Business untuk warung Anda.',
  });
  await submitted(t, other.token, { title: 'Mencatat Stok Warung dengan Spreadsheet', categorySlug: 'kewirausahaan' });

  // The owner's other modules, one in each stage: a draft, one in review, one sent back with a note.
  await createModule(t, contributor.token, { title: 'Foto Produk UMKM dengan Cahaya Jendela', categorySlug: 'desain-multimedia' });
  await submitted(t, contributor.token, { title: 'Membuat Konten Video Pendek untuk Jualan', priceIdr: 1 });
  const returned = await submitted(t, contributor.token, { title: 'Membalas Ulasan Pelanggan di Marketplace' });
  await data(t, REVIEW_MODULE, { input: { moduleId: returned.id, expectedVersion: returned.version, decision: 'REQUEST_CHANGES', note: 'Tambahkan contoh balasan untuk ulasan bintang satu.' } }, curator.token);

  // An edit of the published module: a pending revision with a new summary, a longer description and two lessons changed.
  const lessons: Record<string, unknown>[] = owned.input.lessons.map((lesson, index) => ({ ...lesson, id: owned.lessonIds[index] }));
  lessons[2] = { ...lessons[2], title: 'Membuat katalog produk yang rapi', body: `${lessons[2].body}\n\n### Tambahan\n\nKelompokkan produk per koleksi agar pelanggan cepat menemukan barang.` };
  lessons[8] = { ...lessons[8], body: `${lessons[8].body}\n\nBandingkan omzet minggu ini dengan minggu lalu, lalu tulis satu perbaikan untuk minggu depan.` };
  await data(
    t,
    UPDATE,
    {
      input: {
        id: owned.id,
        expectedVersion: owned.version,
        summary: `${owned.input.summary} Dilengkapi lembar kerja mingguan.`,
        description: `${owned.input.description}\n\n## Untuk siapa\n\nPemilik warung, penjual kue rumahan dan reseller yang menerima pesanan lewat WhatsApp.`,
        lessons,
      },
    },
    contributor.token,
  );

  // Two open reports on demo modules, from a learner of their own.
  const reporter = await registerBeneficiaryWithCard(t, { displayName: 'Rina Wulandari' });
  await data(t, REPORT, { input: { moduleId: reportedModuleIds[0], reason: 'BROKEN_CONTENT', details: 'Tautan unduhan di pelajaran kedua **tidak bisa dibuka** sejak kemarin.' } }, reporter.token);
  await data(t, REPORT, { input: { moduleId: reportedModuleIds[1], reason: 'MISLEADING', details: 'Judulnya menjanjikan sertifikat resmi, isinya tidak menyebutkan apa pun.' } }, reporter.token);

  const importJob = await finishedImport(t, contributor.email, contributor.token);
  return {
    tokens: { contributor: contributor.token, curator: curator.token, admin: await adminToken(t) },
    paths: { editor: `/kontributor/modul/${owned.id}`, review: `/kurator/modul/${owned.id}`, importJob: `/kontributor/impor/${importJob}` },
  };
}

/**
 * The editor's refused form (a page state only a POST reaches): on the seeded editor page, a title too short,
 * a lesson without its video address and a quiz answer numbered past its options, saved; answers the status (422).
 */
export async function showEditorErrors(page: Page): Promise<number> {
  await page.locator('#title').fill('Jualan');
  await page.locator('[name="lessons.0.contentUrl"]').fill('');
  await page.locator('[name="lessons.4.questions.1.correct"]').fill('5');
  const [answer] = await Promise.all([
    page.waitForResponse((response) => response.request().method() === 'POST' && response.request().resourceType() === 'document'),
    page.getByRole('button', { name: 'Simpan' }).first().click(),
  ]);
  await page.waitForLoadState('load');
  return answer.status();
}

const LESSONS = JSON.stringify([
  { title: 'Pengantar dan alat yang dibutuhkan', kind: 'ARTICLE', durationMinutes: 15, body: 'Siapkan alat dan bahan sebelum mulai.' },
  { title: 'Praktik langkah demi langkah', kind: 'VIDEO', durationMinutes: 25, contentUrl: 'https://video.contoh-pelatihan.id/praktik.mp4' },
]);
const HEADER = 'title,summary,description,category,skills,level,deliveryMode,priceIdr,lessons';
const csvCell = (value: string) => `"${value.replace(/"/g, '""')}"`;
const csvRow = (title: string, { category = 'kewirausahaan', price = '0', level = 'BEGINNER' } = {}) =>
  [
    title,
    `Belajar ${title.toLowerCase()} dari nol dengan contoh usaha rumahan yang nyata.`,
    `Modul singkat tentang ${title.toLowerCase()}.\n\n## Yang dipelajari\n\n- Alat dan bahan\n- Langkah kerja\n- Menghitung harga jual`,
    category,
    'usaha rumahan;praktik',
    level,
    'SELF_PACED',
    price,
    LESSONS,
  ]
    .map(csvCell)
    .join(',');

/** A contributor's upload with real-looking rows, three of them refused (a short title, price 5, an unknown category). */
const IMPORT_CSV = [
  HEADER,
  csvRow('Dasar Menjahit Masker Kain'),
  csvRow('Membuat Sambal Kemasan untuk Dijual', { category: 'makanan-minuman' }),
  csvRow('Kue'),
  csvRow('Perawatan Sepeda Motor Harian', { category: 'teknik-otomotif' }),
  csvRow('Menulis Deskripsi Produk yang Menjual', { category: 'penjualan-pemasaran', price: '5' }),
  csvRow('Pembukuan Kas Harian Warung', { category: 'keuangan-akuntansi' }),
  csvRow('Dasar Fotografi Makanan dengan Ponsel', { category: 'fotografi-kuliner' }),
  csvRow('Merangkai Bunga Kering untuk Hampers', { level: 'INTERMEDIATE' }),
  csvRow('Budidaya Sayur Hidroponik Skala Rumah', { category: 'pertanian-perikanan' }),
].join('\n');

/** Uploads IMPORT_CSV on /kontributor/impor as the contributor signed in with `email`; waits until the job has finished. */
async function finishedImport(t: TestApp, email: string, token: string): Promise<string> {
  const web = new WebClient(t.baseUrl);
  const signedIn = await web.submit('/masuk', '/masuk', { email, password: CONTRIBUTOR_PASSWORD });
  if (signedIn.status !== 303) throw new Error(`/masuk answered ${signedIn.status}`);
  await web.get('/kontributor/impor');
  const uploaded = await web.upload('/kontributor/impor', {}, { field: 'berkas', name: 'modul-usaha-rumahan.csv', content: `${IMPORT_CSV}\n`, type: 'text/csv' });
  const id = /^\/kontributor\/impor\/([0-9a-f-]{36})/.exec(uploaded.location ?? '')?.[1];
  if (uploaded.status !== 303 || !id) throw new Error(`the upload answered ${uploaded.status}: ${uploaded.html.slice(0, 300)}`);
  await pollUntil(
    async () => {
      const job = (await data(t, IMPORT_JOB, { id }, token)).importJob;
      return job.state === 'SUCCEEDED' ? true : undefined;
    },
    30_000,
    'the import job to finish',
  );
  return id;
}
