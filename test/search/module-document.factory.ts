import { confidenceRating } from '../../src/ratings/rating-score';
import type { ModuleDocument } from '../../src/search/search-engine.port';
import { bundledTopicLexicon } from '../../src/search/text/topic-lexicon';

const DAY = 86_400_000;
const JANUARY_2025 = Date.UTC(2025, 0, 1);

/** The mean of all ratings the documents' ratingScore is computed with. */
export const DOCUMENT_RATING_MEAN = 4;

/** A valid published module; override what a test cares about (ratingSum and ratingScore follow ratingAverage and ratingCount). */
export function moduleDocument(overrides: Partial<ModuleDocument> & Pick<ModuleDocument, 'id'>): ModuleDocument {
  const ratingAverage = overrides.ratingAverage === undefined ? 4 : overrides.ratingAverage;
  const ratingCount = overrides.ratingCount ?? 10;
  const ratingSum = ratingAverage === null ? 0 : Math.round(ratingAverage * ratingCount);
  const title = overrides.title ?? `Modul ${overrides.id}`;
  const skills = overrides.skills ?? [];
  return {
    version: 1,
    slug: overrides.id,
    title: `Modul ${overrides.id}`,
    summary: 'Ringkasan modul pelatihan.',
    description: 'Deskripsi modul pelatihan.',
    skills: [],
    categoryId: '00000000-0000-4000-8000-000000000001',
    categorySlug: 'umum',
    categoryName: 'Umum',
    contributorId: '00000000-0000-4000-8000-000000000002',
    contributorName: 'Relawan Prakerja',
    contributorDisplayName: 'Relawan Prakerja',
    contributorKind: 'INDIVIDUAL',
    level: 'BEGINNER',
    language: 'id',
    deliveryMode: 'SELF_PACED',
    priceIdr: 0,
    certificate: true,
    durationMinutes: 60,
    ratingAverage: 4,
    ratingCount: 10,
    ratingSum,
    ratingScore: ratingAverage === null ? null : confidenceRating(ratingSum, ratingCount, DOCUMENT_RATING_MEAN),
    hasQuiz: false,
    enrollmentCount: 100,
    completionCount: 10,
    publishedAt: JANUARY_2025,
    // As toDocument names them (module-documents.ts).
    topics: [...bundledTopicLexicon().topicsOf(`${title} ${skills.join(' ')}`).keys()].sort(),
    ...overrides,
  };
}

/** A long summary whose only "pemasaran" sits past the first 30 words, to test cropping. */
const LONG_SUMMARY = [
  'Modul ini dibuat oleh para relawan yang berpengalaman bertahun tahun membantu warung',
  'kelontong toko kelontong pedagang sayur keliling tukang cukur serta pengrajin',
  'kecil di berbagai kota dan desa agar mereka mampu bersaing lebih baik lagi ketika',
  'menghadapi perubahan zaman; bagian akhir membahas pemasaran lewat pesan singkat',
  'kepada pelanggan tetap secara rutin setiap minggu.',
].join(' ');

/**
 * The contract suite's catalogue. Ties on purpose: m03/m04 share publishedAt,
 * m02/m05/m10 share enrollmentCount, m01/m06 share durationMinutes and m06/m10
 * share rating and rating count, so every sort's id tie-break is exercised.
 */
export function contractCatalogue(): ModuleDocument[] {
  return [
    moduleDocument({
      id: 'm01',
      title: 'Pemasaran Digital untuk UMKM',
      summary: 'Belajar mempromosikan produk lewat media sosial dan iklan berbayar.',
      skills: ['promosi', 'media sosial'],
      categorySlug: 'penjualan-pemasaran',
      categoryName: 'Penjualan dan Pemasaran',
      durationMinutes: 120,
      ratingAverage: 4.6,
      ratingCount: 40,
      enrollmentCount: 900,
      publishedAt: JANUARY_2025 + 10 * DAY,
    }),
    moduleDocument({
      id: 'm02',
      title: 'Teknik Jahit Dasar',
      summary: 'Membuat pola dan memotong kain untuk pakaian sederhana.',
      skills: ['pola', 'potong kain'],
      categorySlug: 'fesyen',
      categoryName: 'Fesyen',
      level: 'BEGINNER',
      deliveryMode: 'OFFLINE',
      durationMinutes: 300,
      ratingAverage: 4.2,
      ratingCount: 15,
      enrollmentCount: 300,
      publishedAt: JANUARY_2025 + 3 * DAY,
    }),
    moduleDocument({
      id: 'm03',
      hasQuiz: true,
      title: 'Toko E-Commerce untuk Pemula',
      summary: 'Membuka lapak dan mengelola pesanan pembeli.',
      categorySlug: 'penjualan-pemasaran',
      categoryName: 'Penjualan dan Pemasaran',
      level: 'INTERMEDIATE',
      deliveryMode: 'WEBINAR',
      priceIdr: 1,
      durationMinutes: 90,
      ratingAverage: 3.9,
      ratingCount: 8,
      enrollmentCount: 450,
      publishedAt: JANUARY_2025 + 20 * DAY,
    }),
    moduleDocument({
      id: 'm04',
      title: 'Dasar Kewirausahaan',
      summary: 'Merencanakan modal, harga jual dan arus kas.',
      categorySlug: 'bisnis',
      categoryName: 'Bisnis',
      contributorKind: 'ORGANIZATION',
      contributorName: 'Yayasan Usaha Mandiri',
      level: 'INTERMEDIATE',
      durationMinutes: 240,
      ratingAverage: 4.8,
      ratingCount: 5,
      enrollmentCount: 120,
      publishedAt: JANUARY_2025 + 20 * DAY,
    }),
    moduleDocument({
      id: 'm05',
      title: 'Bahasa Inggris untuk Kerja Kantor',
      summary: 'Percakapan rapat, surel dan wawancara kerja.',
      categorySlug: 'bahasa',
      categoryName: 'Bahasa',
      language: 'en',
      deliveryMode: 'BLENDED',
      certificate: false,
      durationMinutes: 180,
      ratingAverage: null,
      ratingCount: 0,
      enrollmentCount: 300,
      publishedAt: JANUARY_2025 + 5 * DAY,
    }),
    moduleDocument({
      id: 'm06',
      title: 'Memasak Kue Kering Rumahan',
      summary: 'Resep kue kering untuk dijual saat hari raya.',
      categorySlug: 'kuliner',
      categoryName: 'Kuliner',
      level: 'ADVANCED',
      durationMinutes: 120,
      ratingAverage: 4.4,
      ratingCount: 12,
      enrollmentCount: 700,
      publishedAt: JANUARY_2025 + 1 * DAY,
    }),
    moduleDocument({
      id: 'm07',
      title: 'Pemasaran <script>alert("x")</script> & Promosi',
      summary: LONG_SUMMARY,
      categorySlug: 'penjualan-pemasaran',
      categoryName: 'Penjualan dan Pemasaran',
      contributorKind: 'ORGANIZATION',
      level: 'ADVANCED',
      priceIdr: 1,
      certificate: false,
      durationMinutes: 45,
      ratingAverage: null,
      ratingCount: 0,
      enrollmentCount: 50,
      publishedAt: JANUARY_2025 + 30 * DAY,
    }),
    moduleDocument({
      id: 'm08',
      hasQuiz: true,
      title: 'Strategi Penjualan Grosir',
      summary: 'Menghitung harga grosir dan menjaga stok.',
      description: 'Termasuk bab tentang pemasaran ke toko pengecer.',
      categorySlug: 'penjualan-pemasaran',
      categoryName: 'Penjualan dan Pemasaran',
      durationMinutes: 60,
      ratingAverage: 3.5,
      ratingCount: 30,
      enrollmentCount: 200,
      publishedAt: JANUARY_2025 + 7 * DAY,
    }),
    moduleDocument({
      id: 'm09',
      title: 'Analisis Data dengan Spreadsheet',
      summary: 'Rumus, tabel pivot dan grafik untuk laporan.',
      categorySlug: 'teknologi-informasi',
      categoryName: 'Teknologi Informasi',
      level: 'ADVANCED',
      language: 'en',
      deliveryMode: 'WEBINAR',
      durationMinutes: 600,
      ratingAverage: 4.1,
      ratingCount: 22,
      enrollmentCount: 800,
      publishedAt: JANUARY_2025 + 15 * DAY,
    }),
    moduleDocument({
      id: 'm10',
      title: 'Berjualan Online di Media Sosial',
      summary: 'Foto produk, caption dan membalas pesan pembeli.',
      categorySlug: 'penjualan-pemasaran',
      categoryName: 'Penjualan dan Pemasaran',
      deliveryMode: 'WEBINAR',
      durationMinutes: 75,
      ratingAverage: 4.4,
      ratingCount: 12,
      enrollmentCount: 300,
      publishedAt: JANUARY_2025 + 12 * DAY,
    }),
  ];
}
