// The 16 seeded categories (docs/product.md) and the mapping of the real
// Prakerja titles onto them: title keywords first, the CSV category as fallback.

export const CATEGORIES = [
  ['penjualan-pemasaran', 'Penjualan dan Pemasaran'],
  ['teknologi-informasi', 'Teknologi Informasi'],
  ['desain-multimedia', 'Desain Grafis dan Multimedia'],
  ['bahasa-asing', 'Bahasa Asing'],
  ['perkantoran', 'Perkantoran dan Administrasi'],
  ['keuangan-akuntansi', 'Keuangan dan Akuntansi'],
  ['manajemen-sdm', 'Manajemen dan SDM'],
  ['kewirausahaan', 'Kewirausahaan dan UMKM'],
  ['makanan-minuman', 'Makanan dan Minuman'],
  ['gaya-hidup-kecantikan', 'Gaya Hidup dan Kecantikan'],
  ['pertanian-perikanan', 'Pertanian, Peternakan dan Perikanan'],
  ['pariwisata-perhotelan', 'Pariwisata dan Perhotelan'],
  ['teknik-otomotif', 'Teknik dan Otomotif'],
  ['kesehatan-k3', 'Kesehatan dan K3'],
  ['kerajinan-seni', 'Kerajinan, Seni dan Musik'],
  ['pengembangan-diri', 'Pengembangan Diri'],
].map(([slug, name]) => ({ slug, name }));

export const CATEGORY_SLUGS = new Set(CATEGORIES.map((c) => c.slug));

/** Prakerja category names found in courses.csv -> closest seeded slug. */
export const CSV_CATEGORY_MAP = {
  'Penjualan dan Pemasaran': 'penjualan-pemasaran',
  'Teknologi Informasi': 'teknologi-informasi',
  Teknik: 'teknik-otomotif',
  'Makanan dan Minuman': 'makanan-minuman',
  Keuangan: 'keuangan-akuntansi',
  'Gaya hidup': 'gaya-hidup-kecantikan',
  'Bahasa Asing': 'bahasa-asing',
  Perkantoran: 'perkantoran',
  Manajemen: 'manajemen-sdm',
  Pertanian: 'pertanian-perikanan',
  'Sosial dan Perilaku': 'pengembangan-diri',
  Lainnya: 'pengembangan-diri',
};

/**
 * Keyword rules, first match wins; the order matters (e.g. "foto produk kuliner"
 * is photography, "bisnis kopi" is food and drink, "bahasa Inggris untuk
 * berjualan" is a language course).
 */
export const KEYWORD_RULES = [
  ['bahasa-asing', /\bbahasa (inggris|jepang|korea|mandarin|arab)|\benglish\b|cakap inggris|aksara .*china/i],
  ['kesehatan-k3', /\bk3\b|keselamatan|kebugaran|petugas kebersihan/i],
  ['teknik-otomotif', /tambang|\bac\b|handphone|autocad|\bcad\b/i],
  ['desain-multimedia', /photoshop|coreldraw|desain grafis|perancang grafis|desainer grafis|aplikasi desain|\blogo\b|poster|\bcanva\b|ilustrasi|illustration|animasi|\bvideo\b|fotografi|fotografer|foto produk|memotret|edit foto|davinci|komik|kemasan|art director|konten multimedia|maskot|ui\/ux|\bui\b|figma|konten kreator|content creator/i],
  ['kerajinan-seni', /batik|ecoprint|lukis|watercolor|musik|penyanyi|kerajinan|soap making|hantaran|tata busana|modiste|baju osis|rok lipat|kelas menjahit/i],
  ['kewirausahaan', /konveksi|konfeksi|penjahitan/i],
  ['gaya-hidup-kecantikan', /\b(merias|rias|perias|penata rias)\b|make ?up|\bmua\b|salon|\bspa\b|kulit wajah|beautician|grooming|pemijatan|pijat/i],
  ['pariwisata-perhotelan', /hotel|wisata|tour leader|housekeeping|front office|frontliner|pramusaji|restoran|food & beverage|wedding organizer/i],
  ['makanan-minuman', /\bkopi\b|barista|coffee|bartender|\bkue\b|roti|bread|baker|meringue|roll cake|masak|kuliner|katering|chef|resep|makanan|salad/i],
  ['pertanian-perikanan', /\blele\b|\bikan\b|hidroponik|\bayam\b|peternak|budikdamber|sayuran/i],
  ['keuangan-akuntansi', /akuntansi|akuntan|jurnal perusahaan|pajak|brevet|keuangan|pembukuan|kredit|investasi|teller|transaksi/i],
  ['perkantoran', /\bword\b|\bexcel\b|powerpoint|google docs|perkantoran|sekretaris|administrasi|\badmin\b|operator komputer|pengolah kata|mengolah kata|pegawai kantor|operator kantor|ilmu komputer/i],
  ['pengembangan-diri', /\bcv\b|wawancara|melamar|bimbingan karir|berpikir kritis|presentasi|speak|non-teknis|pembawa acara|pemandu acara|jurnalis|storytelling|materi ajar|pengajaran|perencanaan di pekerjaan|etika berinteraksi/i],
  ['manajemen-sdm', /\bsdm\b|\bhr\b|people analytics|kepemimpinan|coaching|mentoring|supervisor|manajemen produksi|scrum|agile|project manage/i],
  ['teknologi-informasi', /website|situs web|web master|web developer|pemrograman|javascript|coding|developer|engineer|android|flutter|\bsql\b|database|basis data|cloud|aws|machine learning|cyber|ccna|jaringan|komputer|laptop|wordpress|codeigniter|\bphp\b|golang|react|java\b|devops|knime|data science|whatsapp bot|digital governance|transformasi digital|deploy/i],
  ['penjualan-pemasaran', /pemasar|marketing|penjualan|berjualan|menjual|\bsales\b|canvasser|copywrit|iklan|influencer|tiktok|instagram|facebook|marketplace|branding|pelanggan|negosiasi|telemarketer|media sosial|social media|promosi|reseller|bisnis online|pelayanan prima/i],
  ['kewirausahaan', /\busaha\b|bisnis|umkm|startup|wirausaha|\btoko\b|ritel|eceran|sembako|pengusaha|konsumen/i],
];

export function categoryFor(title, csvCategory) {
  for (const [slug, re] of KEYWORD_RULES) if (re.test(title)) return slug;
  const mapped = CSV_CATEGORY_MAP[csvCategory];
  if (!mapped) throw new Error(`no category mapping for CSV category "${csvCategory}" (title "${title}")`);
  return mapped;
}
