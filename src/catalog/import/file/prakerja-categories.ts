/**
 * Kartu Prakerja's category names (courses.csv and the 54 names of its public
 * statistics, ../shared/data/prakerja-isw2023) mapped to this catalogue's 16
 * categories; compared case-insensitively, spaces folded. "Lainnya"/"Lain-Lain"
 * (other) and the behavioural ones go to pengembangan-diri, the broadest category.
 */
export const PRAKERJA_CATEGORY_SLUGS: Readonly<Record<string, string>> = {
  'penjualan dan pemasaran': 'penjualan-pemasaran',
  pemasaran: 'penjualan-pemasaran',
  penjualan: 'penjualan-pemasaran',
  'ritel/perdagangan': 'penjualan-pemasaran',
  'merek, citra visual': 'penjualan-pemasaran',
  'makanan dan minuman': 'makanan-minuman',
  'makanan/minuman kemasan': 'makanan-minuman',
  kuliner: 'makanan-minuman',
  'teknologi informasi': 'teknologi-informasi',
  'teknologi, informatika': 'teknologi-informasi',
  'bahasa asing': 'bahasa-asing',
  lainnya: 'pengembangan-diri',
  'lain-lain': 'pengembangan-diri',
  manajemen: 'manajemen-sdm',
  'sumber daya manusia': 'manajemen-sdm',
  'event organizer': 'manajemen-sdm',
  'gaya hidup': 'gaya-hidup-kecantikan',
  kecantikan: 'gaya-hidup-kecantikan',
  perawatan: 'gaya-hidup-kecantikan',
  teknik: 'teknik-otomotif',
  otomotif: 'teknik-otomotif',
  'pemeliharaan, perbaikan, servis': 'teknik-otomotif',
  manufaktur: 'teknik-otomotif',
  pertambangan: 'teknik-otomotif',
  'arsitektur, desain interior, kontraktor': 'teknik-otomotif',
  transportasi: 'teknik-otomotif',
  'operasi, gudang': 'perkantoran',
  logistik: 'perkantoran',
  perkantoran: 'perkantoran',
  'administrasi & tata usaha': 'perkantoran',
  'sosial dan perilaku': 'pengembangan-diri',
  'pengembangan diri': 'pengembangan-diri',
  'produktivitas diri': 'pengembangan-diri',
  komunikasi: 'pengembangan-diri',
  pendidikan: 'pengembangan-diri',
  'desain grafis, ilustrasi, animasi': 'desain-multimedia',
  'content creation, media sosial': 'desain-multimedia',
  'media, kepenulisan, reportase': 'desain-multimedia',
  keuangan: 'keuangan-akuntansi',
  'akuntansi, pajak': 'keuangan-akuntansi',
  'investasi & keuangan': 'keuangan-akuntansi',
  'keuangan pribadi': 'keuangan-akuntansi',
  'asuransi, perbankan': 'keuangan-akuntansi',
  pertanian: 'pertanian-perikanan',
  perkebunan: 'pertanian-perikanan',
  perikanan: 'pertanian-perikanan',
  peternakan: 'pertanian-perikanan',
  kehutanan: 'pertanian-perikanan',
  'pariwisata, perhotelan, restoran': 'pariwisata-perhotelan',
  kesehatan: 'kesehatan-k3',
  'kesenian, kriya': 'kerajinan-seni',
  'musik, audio': 'kerajinan-seni',
  tekstil: 'kerajinan-seni',
  'garmen, konveksi': 'kerajinan-seni',
};

export function categoryKey(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** Category name (as categoryKey folds it) → slug: the built-in Prakerja names, for the CLI to extend and the upload page to use. */
export function prakerjaCategoryMap(): Map<string, string> {
  return new Map(Object.entries(PRAKERJA_CATEGORY_SLUGS));
}
