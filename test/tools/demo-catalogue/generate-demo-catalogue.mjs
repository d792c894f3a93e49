#!/usr/bin/env node
// Generates src/seed/data/demo-catalogue.json: the demo catalogue of donated
// modules. The core is the 266 real Kartu Prakerja training titles of
// Indonesia Skills Week 2023 (shared data, see README.md), with their providers
// as ORGANIZATION contributors; fictional INDIVIDUAL volunteers add modules so
// that every category is well covered. Summaries, descriptions and lessons are
// assembled from phrase material and a topic bank with a seeded PRNG, so every
// run produces the same file.
//
//   node test/tools/demo-catalogue/generate-demo-catalogue.mjs [--csv path] [--out path] [--check-only]

import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';

import { CATEGORIES, categoryFor } from './categories.mjs';
import { CATEGORY_TEXT, FALSE_STATEMENTS, INTRO_LESSON, QUIZ_LESSON, DOWNLOAD_LESSON, EXTRA_LESSON, ARTICLE_OPENERS, ARTICLE_TASKS, ARTICLE_CLOSERS, LEVEL_SENTENCES, DELIVERY_SENTENCES, CERTIFICATE_SENTENCES, LANGUAGE_NOTES } from './phrases.mjs';
import { TOPICS, topicsFor } from './topics.mjs';
import { FIXED_CASE, splitTitle, chooseDisplayName, slugify } from './titles.mjs';
import { VOLUNTEERS, ENGLISH_MODULES } from './volunteers.mjs';
import { checkCatalogue, printReport } from './check-demo-catalogue.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const REPO = resolve(HERE, '../../..');
const SEED = 'donated-modules-demo-v1';

function argValue(name, fallback) {
  const i = process.argv.indexOf(name);
  return i > 0 && process.argv[i + 1] ? resolve(process.argv[i + 1]) : fallback;
}
const CSV_PATH = argValue('--csv', process.env.PRAKERJA_COURSES_CSV ? resolve(process.env.PRAKERJA_COURSES_CSV) : resolve(REPO, '../shared/data/prakerja-isw2023/courses.csv'));
const OUT_PATH = argValue('--out', resolve(REPO, 'src/seed/data/demo-catalogue.json'));

// ------------------------------------------------------------------ PRNG
// FNV-1a string hash + mulberry32. Each module gets its own generator seeded
// from SEED and its title, so adding a module does not reshuffle the others.
function hash32(str) {
  let h = 0x811c9dc5;
  for (let i = 0; i < str.length; i++) {
    h ^= str.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
function rngFor(key) {
  let a = hash32(`${SEED}:${key}`);
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min, max) => min + Math.floor(next() * (max - min + 1));
  const pick = (arr) => arr[Math.floor(next() * arr.length)];
  const chance = (p) => next() < p;
  const weighted = (pairs) => {
    const total = pairs.reduce((s, [, w]) => s + w, 0);
    let r = next() * total;
    for (const [v, w] of pairs) if ((r -= w) < 0) return v;
    return pairs[pairs.length - 1][0];
  };
  const sample = (arr, n) => {
    // n items in their original order
    const idx = arr.map((_, i) => i);
    for (let i = idx.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [idx[i], idx[j]] = [idx[j], idx[i]];
    }
    return idx.slice(0, n).sort((x, y) => x - y).map((i) => arr[i]);
  };
  const shuffle = (arr) => sample(arr, arr.length).map((v) => [next(), v]).sort((x, y) => x[0] - y[0]).map(([, v]) => v);
  return { next, int, pick, chance, weighted, sample, shuffle };
}

// ------------------------------------------------------------------ text helpers
const PROPER = new Set(
  [
    ...FIXED_CASE.values(),
    'Indonesia', 'Inggris', 'Jepang', 'Korea', 'China', 'Mandarin', 'Arab', 'Sunda', 'Jawa', 'Timur', 'Tengah',
    'Adobe', 'Animate', 'Resolve', 'Spring', 'Boot', 'Python', 'Inkscape', 'Drive', 'Lebaran', 'Bali', 'Docs',
    'Sheets', 'Word', 'GitHub', 'LinkedIn', 'CapCut', 'Venom', 'Ms',
  ].map((w) => w.toLowerCase()),
);

/** Lower-case a title fragment for use inside a sentence, keeping names and acronyms. */
function lowerPhrase(s) {
  return s
    .split(' ')
    .map((w) => {
      const core = w.replace(/^[^A-Za-z0-9]+|[^A-Za-z0-9]+$/g, '');
      if (!core) return w;
      if (PROPER.has(core.toLowerCase())) return w;
      if (core.length >= 2 && core === core.toUpperCase() && /[A-Z]/.test(core)) return w; // UMKM, K3, CV
      if (/[a-z][A-Z]/.test(core)) return w; // CorelDraw, PPh, FullStack
      return w.toLowerCase();
    })
    .join(' ');
}
const capFirst = (s) => s.charAt(0).toUpperCase() + s.slice(1);
const NOT_VERBS = new Set(['menu', 'mental', 'merek', 'merchandise', 'mentor', 'melodi']);
const isVerbPhrase = (s) => {
  const w = s.split(' ')[0];
  return /^(mem|men|meng|meny|mel|mer|mew|ber)[a-z]{2,}$/.test(w) && !NOT_VERBS.has(w);
};

/** Titles whose subject does not read well when derived mechanically. */
const PHRASE_OVERRIDES = {
  'Sandiaga Uno Mengajar Bisnis': 'kiat membangun dan mengembangkan bisnis',
  'Speak with Power': 'berbicara di depan umum dengan percaya diri',
  'Mini Bootcamp Super Admin Starter Pack': 'keterampilan dasar admin kantor',
  'Food & Beverage Service': 'pelayanan food and beverage',
  'Social Media Specialist': 'pekerjaan social media specialist',
  'Deploy Front End Class': 'deploy aplikasi front-end',
  'Watercolor Mastery by Big Bear and Bird': 'melukis dengan cat air',
  'Soap Making Mastery by Moloka': 'membuat sabun alami',
  'Bread Mastery 101 by Home Baker Lala': 'membuat roti rumahan',
  'English for Frontliners': 'bahasa Inggris untuk petugas layanan garda depan',
  'Developing Machine Learning Applications': 'pengembangan aplikasi machine learning',
  'Advanced Testing Practices Using AWS DevOps Tools': 'praktik pengujian lanjutan dengan AWS DevOps',
  'Smarter Prototyping with Figma': 'membuat prototype yang efektif dengan Figma',
  'Tips and Tricks Pembuatan CV Lulus Panggilan Kerja': 'membuat CV yang lolos sampai panggilan kerja',
  'Cuan dari TikTok ala Tiktoker dan TikTok Marketing': 'menghasilkan uang dari TikTok dan TikTok marketing',
  'Strategi Jitu Membuka Usaha Salon dengan Modal Minim tapi Cuan Mengalir Deras': 'membuka usaha salon dengan modal minim',
  'Fundamental Back-End Engineer with Golang': 'dasar-dasar back-end engineering dengan Golang',
  'Fundamental Front-End Engineer with React': 'dasar-dasar front-end engineering dengan React',
  'Fundamental Java Spring Boot': 'dasar-dasar Java Spring Boot',
  'Fundamental Quality Engineer': 'dasar-dasar quality engineering',
  'Fundamental UI/UX': 'dasar-dasar desain UI/UX',
  'Kursus Akuntan: Tata Kelola Keuangan Perusahaan': 'tata kelola keuangan perusahaan',
  'Project Manager: Kursus Project Management dengan Metode Agile and Scrum': 'manajemen proyek dengan metode Agile dan Scrum',
  'Ilustrasi Buku Anak: Mengubah Naskah Menjadi Bacaan yang Penuh Warna': 'ilustrasi buku anak, dari naskah menjadi bacaan penuh warna',
  'Beyond Illustration: Sketching to Merchandising': 'ilustrasi dari sketsa hingga merchandise',
  'Belajar Berpikir Kritis: Memahami, Mengolah, dan Menilai Kebenaran Informasi': 'berpikir kritis dan menilai kebenaran informasi',
  'Kursus Komputer Akuntansi: 17 Step Optimalisasi Skill Pembukuan Perusahaan': 'akuntansi komputer untuk pembukuan perusahaan',
  'Pembawa Acara dan Penyiar TV Profesional': 'keterampilan pembawa acara dan penyiar TV',
  'Pramusaji di Hotel Berbintang': 'tugas pramusaji di hotel berbintang',
  'Bartender di Hotel Berbintang': 'tugas bartender di hotel berbintang',
  'Bisnis Katering': 'memulai bisnis katering',
  'Belajar Bartender untuk Mengolah Minuman': 'teknik bartender untuk mengolah minuman',
  'Mengenal Digital Governance': 'digital governance atau tata kelola digital',
  'Menjual bagi Pedagang melalui Internet Berbasis Instagram for Business': 'berjualan lewat Instagram for Business',
  'Sukses Melamar Kerja dari Sudut Pandang HR': 'cara sukses melamar kerja dari sudut pandang HR',
  'Sukses Jadi Influencer di Era Digital': 'cara menjadi influencer di era digital',
  'Sukses Membuat Perencanaan di Pekerjaan, Bisnis dan Kegiatan Pribadi': 'cara membuat perencanaan untuk pekerjaan, bisnis, dan kegiatan pribadi',
  'Strategi Ampuh Tingkatkan Penjualan dan Layanan Pelanggan di Marketplace': 'strategi meningkatkan penjualan dan layanan pelanggan di marketplace',
  'Psikologi Marketing': 'psikologi marketing',
};

/** Audiences that do not read well when cut mechanically from the title. */
const AUDIENCE_OVERRIDES = {
  'Teknik Dasar untuk Menjadi Barista yang Efektif di Rumah Minum/Kafe': 'calon barista di kafe dan rumah minum',
  'Menjual bagi Pedagang melalui Internet Berbasis Instagram for Business': 'pedagang online yang berjualan lewat Instagram',
  'Mengelola Usaha sebagai Pemilik Toko dalam Perdagangan Eceran Pakaian': 'pemilik toko pakaian eceran',
  'Mengoperasikan dan Mengolah Kata untuk Operator Komputer (Bauran)': 'operator komputer',
};

/** Words that may follow a bare "untuk" when it names the audience. */
const ROLE_WORDS = new Set(
  'pemula umkm guru akuntan karyawan pegawai tenaga supervisor sales spesialis penata mua pembuat teknisi operator ceo pedagang pemilik calon safety juru asisten analis pengusaha pencari pekerja pramusaji pramuniaga pengemudi petugas room organisasi desainer admin staf keluarga perancang pelaku penasihat penulis pemandu'.split(' '),
);
const NOT_AUDIENCE = new Set(['keterampilan', 'perdagangan', 'perkantoran']);

/** Split "X untuk Menjadi Y" / "X bagi Y" / "X sebagai Y" into subject and audience. */
function splitAudience(title) {
  const lower = ` ${title.toLowerCase()} `;
  let best = null;
  for (const marker of [' bagi ', ' untuk menjadi ', ' untuk jadi ', ' sebagai ', ' untuk ']) {
    const idx = lower.lastIndexOf(marker);
    if (idx < 0 || (best && best.idx >= idx)) continue;
    const next = lower.slice(idx + marker.length).split(' ')[0].replace(/[^a-z0-9]/g, '');
    if (NOT_AUDIENCE.has(next)) continue;
    if (marker === ' untuk ' && !ROLE_WORDS.has(next)) continue;
    best = { idx, marker };
  }
  if (!best) return { core: title, audience: null };
  // positions in `lower` are one past those in `title` (leading space)
  const core = title.slice(0, best.idx).trim();
  let aud = title.slice(best.idx + best.marker.length - 1).trim();
  aud = aud.replace(/^seorang\s+/i, '');
  let audience = lowerPhrase(aud);
  if (/menjadi|jadi/.test(best.marker) && !/^calon\b/.test(audience)) audience = `calon ${audience}`;
  if (audience === 'UMKM') audience = 'pelaku UMKM';
  return { core, audience };
}

function subjectOf(title, phraseOverride) {
  if (phraseOverride) return phraseOverride;
  if (PHRASE_OVERRIDES[title]) return PHRASE_OVERRIDES[title];
  const bundle = /^(.+) Complete Bundle$/.exec(title);
  if (bundle) return `keterampilan ${lowerPhrase(bundle[1])} secara lengkap`;
  let core = splitAudience(title).core;
  core = core.split(': ')[0];
  core = core.replace(/\s+(ala|by|bersama)\s+.*$/i, '');
  core = core.replace(/^(Belajar|Mempelajari|Kursus|Kelas|Pelatihan|Training|Panduan|Berlatih|Mengenal|Mahir)\s+(?=\S)/i, '');
  return lowerPhrase(core);
}

/** "cara membuat ..." for verb phrases, the phrase itself for noun phrases. */
const asNoun = (phrase) => (isVerbPhrase(phrase) ? `cara ${phrase}` : phrase);

function urlSlug(s, max = 60) {
  const slug = slugify(s);
  return slug.length <= max ? slug : slug.slice(0, max).replace(/-[^-]*$/, '');
}

const BRAND_SKILLS = [
  [/coreldraw/i, 'coreldraw'], [/adobe animate/i, 'adobe animate'], [/davinci/i, 'davinci resolve'], [/golang/i, 'golang'],
  [/react/i, 'react'], [/spring boot/i, 'spring boot'], [/knime/i, 'knime'], [/figma/i, 'figma'], [/\bcanva\b/i, 'canva'],
  [/tiktok/i, 'tiktok'], [/instagram/i, 'instagram'], [/facebook/i, 'facebook marketing'], [/wordpress/i, 'wordpress'],
  [/flutter/i, 'flutter'], [/android/i, 'android'], [/\baws\b/i, 'aws'], [/capcut/i, 'capcut'], [/umkm/i, 'umkm'],
  [/\bseo\b/i, 'seo'], [/google drive/i, 'google drive'], [/paes ageng/i, 'paes ageng'], [/\bsunda\b/i, 'budaya sunda'],
  [/ecoprint/i, 'ecoprint'], [/roll cake|bolu/i, 'bolu gulung'], [/meringue/i, 'meringue'], [/timur tengah/i, 'masakan timur tengah'],
  [/hotel/i, 'perhotelan'], [/jlpt|persiapan kerja ke jepang/i, 'persiapan kerja luar negeri'], [/penerjemah/i, 'penerjemahan'],
  [/whatsapp/i, 'whatsapp'], [/agile|scrum/i, 'scrum'], [/\bk3\b/i, 'k3'], [/lansia/i, 'perawatan lansia'],
];

// ------------------------------------------------------------------ module builder
function buildModule({ title, categorySlug, contributor, topicIds = [], phrase, audience: audienceOverride, level, deliveryMode, language = 'id', priceIdr, certificate }, rng) {
  const cat = CATEGORY_TEXT[categorySlug];
  const topics = topicsFor(title, categorySlug, topicIds);
  const main = topics[0];
  // an explicitly chosen topic stands alone; title matches may add related same-category topics
  const related = topicIds.length ? [] : topics.slice(1).filter((t) => t.cat === categorySlug);
  const label = main.label;
  const subject = subjectOf(title, phrase);
  const subjectNoun = asNoun(subject);
  const audience = audienceOverride ?? AUDIENCE_OVERRIDES[title] ?? splitAudience(title).audience ?? rng.pick(cat.audience);

  // level
  if (!level) {
    if (/lanjutan|advanced/i.test(title)) level = 'ADVANCED';
    else if (/pemula|dasar|pengenalan|mengenal|\b101\b|dari nol|starter|fundamental|basic/i.test(title)) level = 'BEGINNER';
    else if (/menengah|mahir|profesional|complete bundle|lengkap|\bahli\b|supervisor|strategi|mastery/i.test(title)) level = 'INTERMEDIATE';
    else level = rng.weighted([['BEGINNER', 55], ['INTERMEDIATE', 38], ['ADVANCED', 7]]);
  }

  // lessons: intro, subject points, optional download, quiz
  const n = rng.weighted([[3, 6], [4, 18], [5, 28], [6, 26], [7, 14], [8, 8]]);
  const withDownload = n >= 5 && deliveryMode !== 'WEBINAR' && rng.chance(deliveryMode === 'OFFLINE' ? 0.8 : 0.35);
  const middleCount = n - 2 - (withDownload ? 1 : 0);
  let pool = [...main.points];
  if (related.length && rng.chance(0.6)) pool.push(rng.pick(related[0].points));
  let middle = rng.sample(pool, Math.min(middleCount, pool.length));
  const extras = rng.sample(EXTRA_LESSON, EXTRA_LESSON.length);
  while (middle.length < middleCount) middle.push(extras[middle.length % extras.length](label));
  middle = middle.filter((p, i) => middle.indexOf(p) === i);

  const moduleSlug = urlSlug(title);
  const base = `${contributor.key}/${moduleSlug}`;
  const lessons = [];
  const kinds = {
    SELF_PACED: () => rng.weighted([['VIDEO', 60], ['ARTICLE', 40]]),
    WEBINAR: () => rng.weighted([['LIVE_SESSION', 55], ['ARTICLE', 25], ['VIDEO', 20]]),
    BLENDED: () => rng.weighted([['VIDEO', 45], ['ARTICLE', 25], ['LIVE_SESSION', 30]]),
    OFFLINE: () => rng.weighted([['LIVE_SESSION', 75], ['ARTICLE', 25]]),
  }[deliveryMode];
  const addLesson = (lessonTitle, kind) => {
    const idx = lessons.length + 1;
    const t = capFirst(lessonTitle);
    const l = { title: t, kind, durationMinutes: 0, contentUrl: null, body: null };
    const slug = urlSlug(t, 50);
    switch (kind) {
      case 'VIDEO':
        l.durationMinutes = idx === 1 ? rng.int(5, 12) : rng.int(8, 25);
        l.contentUrl = `https://video.contoh-pelatihan.id/${base}/${idx}-${slug}`;
        break;
      case 'LIVE_SESSION':
        if (deliveryMode === 'OFFLINE' || deliveryMode === 'BLENDED') {
          l.durationMinutes = rng.pick([60, 90, 120]);
          l.contentUrl = `https://jadwal.contoh-pelatihan.id/${base}/sesi-${idx}`;
          l.body = 'Sesi tatap muka. Jadwal dan lokasi tercantum di tautan pendaftaran; bawa alat tulis dan perlengkapan praktik.';
        } else {
          l.durationMinutes = rng.pick([45, 60, 90]);
          l.contentUrl = `https://webinar.contoh-pelatihan.id/${base}/sesi-${idx}`;
          l.body = 'Sesi langsung lewat webinar. Tautan aktif 15 menit sebelum sesi dimulai; siapkan pertanyaan Anda.';
        }
        break;
      case 'ARTICLE':
        l.durationMinutes = rng.int(5, 15);
        l.body = articleBody(lessonTitle, label, cat, main, rng);
        break;
      case 'DOWNLOAD':
        l.durationMinutes = rng.int(5, 15);
        l.contentUrl = `https://unduh.contoh-pelatihan.id/${base}/${slug}.pdf`;
        l.body = `Berkas PDF berisi ${rng.pick(['lembar kerja dan contoh pengisian', 'daftar periksa langkah demi langkah', 'template siap pakai dan contoh hasil'])} untuk latihan ${label}. Cetak atau simpan di ponsel, lalu isi sambil mengikuti pelajaran.`;
        break;
      case 'QUIZ':
        l.durationMinutes = rng.int(5, 15);
        Object.assign(l, quizLesson(title, quizBody(label, categorySlug, cat, middle, audience, rng)));
        break;
      default:
        throw new Error(kind);
    }
    lessons.push(l);
  };

  const introKind = deliveryMode === 'WEBINAR' || deliveryMode === 'OFFLINE' ? 'LIVE_SESSION' : 'VIDEO';
  addLesson(rng.pick(INTRO_LESSON)(label), introKind);
  middle.forEach((p, i) => {
    let kind = kinds();
    if (deliveryMode === 'BLENDED' && i === middle.length - 1 && !lessons.some((l) => l.kind === 'LIVE_SESSION')) kind = 'LIVE_SESSION';
    addLesson(kind === 'LIVE_SESSION' && deliveryMode === 'BLENDED' ? `${p} (praktik tatap muka)` : p, kind);
  });
  if (withDownload) addLesson(rng.pick(DOWNLOAD_LESSON)(label), 'DOWNLOAD');
  addLesson(rng.pick(QUIZ_LESSON)(label), 'QUIZ');

  // skills
  const skills = [];
  const addSkill = (s) => {
    const v = s.toLowerCase().trim();
    if (v.length >= 2 && v.length <= 40 && !skills.includes(v)) skills.push(v);
  };
  main.skills.forEach(addSkill);
  related.slice(0, 2).forEach((t) => t.skills.slice(0, 2).forEach(addSkill));
  for (const [re, s] of BRAND_SKILLS) if (re.test(title)) addSkill(s);
  const finalSkills = skills.slice(0, 8);

  // summary
  const langNote = LANGUAGE_NOTES[language];
  const benefit = rng.pick(cat.benefit);
  const nLessons = lessons.length;
  const summaries = [
    () => `Pelajari ${subjectNoun} langkah demi langkah. ${benefit}`,
    () => `Modul singkat tentang ${subjectNoun} bagi ${audience}. ${benefit}`,
    () => `${benefit} Modul ini membahas ${subjectNoun} lewat ${nLessons} pelajaran praktis.`,
    () => `Panduan praktis ${subjectNoun}, dari dasar hingga praktik langsung. Cocok untuk ${audience}.`,
    () =>
      deliveryMode === 'WEBINAR'
        ? `Ikuti webinar tentang ${subjectNoun} dan praktikkan materinya bersama peserta lain. ${benefit}`
        : `Kuasai ${label} lewat ${nLessons} pelajaran berisi ${contentsOf(lessons)}. Cocok untuk ${audience}.`,
  ];
  let summary = '';
  for (const make of rng.shuffle(summaries)) {
    summary = capFirst(make());
    if (langNote) summary = `${summary} ${langNote.summary}`;
    if (summary.length <= 300) break;
  }
  if (summary.length > 300) summary = capFirst(`${subjectNoun}. ${benefit}`).slice(0, 300);

  // description
  const intro = [];
  intro.push(
    capFirst(
      rng.pick([
        () => `Modul ini mengajak Anda mempelajari ${subjectNoun} secara bertahap, dari konsep dasar sampai praktik.`,
        () => `Lewat ${nLessons} pelajaran singkat, Anda akan memahami ${subjectNoun} dan langsung mempraktikkannya.`,
        () => `Pengetahuan tentang ${label} berguna di dunia kerja maupun untuk usaha sendiri. Modul ini membahas ${subjectNoun} dengan bahasa sederhana dan contoh sehari-hari.`,
        () => `${rng.pick(cat.context)} Di modul ini Anda akan belajar ${subjectNoun} dengan contoh nyata.`,
      ])(),
    ),
  );
  if (!intro[0].includes(cat.context[0]) && rng.chance(0.6)) intro.push(rng.pick(cat.context));
  if (contributor.individual) intro.push(`Materi disusun oleh ${contributor.displayName}, ${contributor.role}, dari pengalaman sehari-hari di lapangan.`);
  if (langNote) intro.push(langNote.intro);
  intro.push(rng.pick(DELIVERY_SENTENCES[deliveryMode]));

  // what the lessons teach; a 3-lesson module also names one point its intro covers
  const learn = lessons.filter((l) => !['QUIZ', 'DOWNLOAD'].includes(l.kind) && l !== lessons[0]).map((l) => l.title);
  const extraPoint = main.points.find((p) => !middle.includes(p));
  if (extraPoint && learn.length < 2) learn.unshift(extraPoint);
  if (learn.length === 0) learn.push(capFirst(subject));

  const parts = [intro.join(' '), '## Yang akan Anda pelajari', learn.map((b) => `- ${b}`).join('\n')];
  if (main.tools.length && rng.chance(0.6)) {
    parts.push('## Yang perlu disiapkan', main.tools.map((t) => `- ${t}`).join('\n'));
  }
  const levelSentence = rng.pick(LEVEL_SENTENCES[level]);
  const who = [`Modul ini cocok untuk ${audience}.`, typeof levelSentence === 'function' ? levelSentence(label) : levelSentence];
  if (rng.chance(0.5)) who.push(`Jika Anda ${cat.goal}, modul ini bisa menjadi langkah awal.`);
  parts.push('## Untuk siapa', who.join(' '));
  if (certificate) parts.push('## Sertifikat', rng.pick(CERTIFICATE_SENTENCES));
  const description = parts.join('\n\n');

  return {
    contributor: contributor.key,
    title,
    summary,
    description,
    categorySlug,
    skills: finalSkills,
    level,
    language,
    deliveryMode,
    priceIdr,
    certificate,
    publishedDaysAgo: rng.int(1, 540),
    lessons,
  };
}

/** "video, bacaan, dan kuis" for the kinds of lesson a module has. */
function contentsOf(lessons) {
  const names = { VIDEO: 'video', ARTICLE: 'bacaan', LIVE_SESSION: 'sesi langsung', DOWNLOAD: 'lembar kerja', QUIZ: 'kuis' };
  const list = ['VIDEO', 'LIVE_SESSION', 'ARTICLE', 'DOWNLOAD', 'QUIZ'].filter((k) => lessons.some((l) => l.kind === k)).map((k) => names[k]);
  if (list.length > 2) return `${list.slice(0, -1).join(', ')}, dan ${list[list.length - 1]}`;
  return list.join(' dan ');
}

function articleBody(lessonTitle, label, cat, main, rng) {
  const p = lessonTitle.charAt(0).toLowerCase() + lessonTitle.slice(1);
  const tips = rng.sample(cat.tips, rng.int(3, 4));
  const lines = [rng.pick(ARTICLE_OPENERS)(p, label), '', ...tips.map((t) => `- ${t}`), '', '### Latihan', '', rng.pick(ARTICLE_TASKS)(lessonTitle), '', rng.pick(ARTICLE_CLOSERS)];
  return lines.join('\n');
}

function quizBody(label, categorySlug, cat, points, audience, rng) {
  const correct = points.length ? rng.pick(points) : capFirst(label);
  const others = TOPICS.filter((t) => t.cat !== categorySlug);
  const distractors = [];
  while (distractors.length < 2) {
    const d = rng.pick(rng.pick(others).points);
    if (!distractors.includes(d) && d !== correct) distractors.push(d);
  }
  const options = [correct, ...distractors];
  for (let i = options.length - 1; i > 0; i--) {
    const j = Math.floor(rng.next() * (i + 1));
    [options[i], options[j]] = [options[j], options[i]];
  }
  const letter = 'ABC'[options.indexOf(correct)];
  const p = points.length ? rng.pick(points) : label;
  const open = rng.pick([
    () => `Jelaskan dengan kata-kata Anda sendiri mengapa materi "${p}" penting dalam pekerjaan sehari-hari.`,
    () => `Sebutkan dua kesalahan yang sering terjadi pada tahap "${p}" dan cara menghindarinya.`,
    () => `Urutkan langkah-langkah ${label} yang sudah Anda pelajari, dari persiapan sampai selesai.`,
    () => `Bayangkan Anda baru mulai bekerja di bidang ini. Bagian mana dari materi "${p}" yang akan Anda terapkan lebih dulu, dan mengapa?`,
  ])();
  const truthy = rng.chance(0.5);
  const statement = truthy ? rng.pick(cat.tips) : rng.pick(FALSE_STATEMENTS)(label);
  const body = [
    `Jawab tiga pertanyaan berikut untuk menguji pemahaman Anda tentang ${label}.`,
    '',
    '1. Manakah yang termasuk materi modul ini?',
    ...options.map((o, i) => `   - ${'ABC'[i]}. ${o}`),
    `2. ${open}`,
    `3. Benar atau salah: ${statement}`,
    '',
    `**Kunci:** 1) ${letter} · 3) ${truthy ? 'Benar' : 'Salah'}. Soal nomor 2 tidak punya satu jawaban baku; bandingkan jawaban Anda dengan materi.`,
  ].join('\n');
  // The same questions graded on the server: the body keeps only the open question (no key: learners read it).
  const graded = {
    body: [`Jawab dua pertanyaan pilihan di bawah ini untuk menyelesaikan pelajaran ini tentang ${label}.`, '', `Untuk direnungkan (tidak dinilai): ${open}`].join('\n'),
    questions: [
      { prompt: 'Manakah yang termasuk materi modul ini?', options, correctOptions: [options.indexOf(correct)] },
      { prompt: `Benar atau salah: ${statement}`, options: ['Benar', 'Salah'], correctOptions: [truthy ? 0 : 1] },
    ],
  };
  return { body, graded };
}

/**
 * Every third module (by a hash of its title, so no other module's content
 * moves) carries its quiz graded on the server; the others keep the quiz in
 * the body with its key, as before quizzes were graded.
 */
function quizLesson(title, { body, graded }) {
  if (hash32(`graded-quiz:${title}`) % 3 !== 0) return { body };
  return { body: graded.body, questions: graded.questions };
}

function buildEnglishModule(spec, contributor, rng) {
  const e = ENGLISH_MODULES[spec.english];
  if (!e) throw new Error(`unknown English module ${spec.english}`);
  const base = `${contributor.key}/${urlSlug(spec.title)}`;
  const lessons = e.lessons.map(([title, kind, durationMinutes], i) => {
    const l = { title, kind, durationMinutes, contentUrl: null, body: null };
    const slug = urlSlug(title, 50);
    if (kind === 'VIDEO') l.contentUrl = `https://video.contoh-pelatihan.id/${base}/${i + 1}-${slug}`;
    if (kind === 'DOWNLOAD') {
      l.contentUrl = `https://unduh.contoh-pelatihan.id/${base}/${slug}.pdf`;
      l.body = 'A PDF with ready-to-use templates. Copy them into your email program and adapt the details.';
    }
    if (kind === 'ARTICLE') l.body = [`Key points for this lesson:`, '', ...e.tips.map((t) => `- ${t}`), '', 'Practise each phrase aloud or write it down twice before moving on.'].join('\n');
    if (kind === 'QUIZ') l.body = ['Answer the three questions below.', '', ...e.quiz.map((q, j) => `${j + 1}. ${q}`), '', `**Answers:** ${e.key}. Question 2 has no single right answer; compare yours with the lesson.`].join('\n');
    return l;
  });
  const learn = lessons.filter((l) => l.kind !== 'QUIZ').map((l) => `- ${l.title}`);
  const description = [`${e.intro} ${contributor.displayName} wrote this module from everyday work experience.`, '## What you will learn', learn.join('\n'), '## Who it is for', e.audience].join('\n\n');
  return {
    contributor: contributor.key,
    title: spec.title,
    summary: e.summary,
    description,
    categorySlug: spec.cat,
    skills: e.skills,
    level: e.level,
    language: 'en',
    deliveryMode: 'SELF_PACED',
    priceIdr: rng.chance(0.6) ? 0 : 1,
    certificate: rng.chance(0.5),
    publishedDaysAgo: rng.int(1, 540),
    lessons,
  };
}

// ------------------------------------------------------------------ main
function orgBio(name, cats, rng) {
  const names = cats.map((slug) => lowerPhrase(CATEGORIES.find((c) => c.slug === slug).name));
  const fields = names.length > 1 ? `${names.slice(0, -1).join(', ')} serta ${names[names.length - 1]}` : names[0];
  const first = rng.pick([
    `Penyedia pelatihan dengan materi di bidang ${fields}.`,
    `Lembaga pelatihan yang menawarkan kelas ${fields}.`,
    `Penyedia kursus daring untuk ${fields}.`,
  ]);
  return `${first} Profil demo: judul modulnya berasal dari daftar pelatihan publik Kartu Prakerja (Indonesia Skills Week 2023), isi modulnya adalah contoh.`;
}

export function generate(csvText) {
  const rows = parse(csvText, { columns: true, trim: true, skip_empty_lines: true });
  const contributors = new Map(); // key -> { variants, cats }
  const modules = [];
  const seen = new Set();

  for (const row of rows) {
    const provider = row.provider.replace(/\s+/g, ' ').trim();
    const key = slugify(provider.replace(/['’]/g, ''));
    if (!contributors.has(key)) contributors.set(key, { key, variants: new Set(), cats: [] });
    const c = contributors.get(key);
    c.variants.add(provider);
    for (const title of splitTitle(row.title)) {
      const k = title.toLowerCase();
      if (seen.has(k)) continue;
      seen.add(k);
      const categorySlug = categoryFor(title, row.category);
      c.cats.push(categorySlug);
      const rng = rngFor(`csv:${title}`);
      const free = /^gratis$/i.test(row.price.trim());
      modules.push(
        buildModule(
          {
            title,
            categorySlug,
            contributor: { key, individual: false },
            deliveryMode: /webinar/i.test(row.type) ? 'WEBINAR' : 'SELF_PACED',
            priceIdr: free ? 0 : rng.chance(0.5) ? 1 : 0,
            certificate: rng.chance(0.85),
          },
          rng,
        ),
      );
    }
  }

  const orgs = [...contributors.values()].map((c) => {
    const displayName = chooseDisplayName(c.variants);
    const counts = {};
    for (const s of c.cats) counts[s] = (counts[s] ?? 0) + 1;
    const top = Object.entries(counts).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 2).map(([s]) => s);
    return { key: c.key, displayName, kind: 'ORGANIZATION', organizationName: displayName, bio: orgBio(displayName, top, rngFor(`org:${c.key}`)) };
  });

  const people = [];
  for (const v of VOLUNTEERS) {
    if (contributors.has(v.key)) throw new Error(`volunteer key ${v.key} clashes with a provider`);
    people.push({ key: v.key, displayName: v.displayName, kind: 'INDIVIDUAL', organizationName: null, bio: v.bio });
    for (const spec of v.modules) {
      if (seen.has(spec.title.toLowerCase())) throw new Error(`volunteer title duplicates another module: ${spec.title}`);
      seen.add(spec.title.toLowerCase());
      const rng = rngFor(`vol:${spec.title}`);
      const contributor = { key: v.key, individual: true, displayName: v.displayName, role: v.role };
      if (spec.english) {
        modules.push(buildEnglishModule(spec, contributor, rng));
        continue;
      }
      modules.push(
        buildModule(
          {
            title: spec.title,
            categorySlug: spec.cat,
            contributor,
            topicIds: spec.topic ? [spec.topic] : [],
            phrase: spec.phrase,
            audience: spec.audience,
            level: spec.level,
            deliveryMode: spec.delivery ?? 'SELF_PACED',
            language: spec.language ?? 'id',
            priceIdr: rng.chance(0.62) ? 0 : 1,
            certificate: rng.chance(0.55),
          },
          rng,
        ),
      );
    }
  }

  return { contributors: [...orgs, ...people], modules };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const catalogue = generate(readFileSync(CSV_PATH));
  const result = checkCatalogue(catalogue);
  printReport(result);
  if (result.errors.length) {
    console.error('not writing the file: fix the errors above');
    process.exit(1);
  }
  const json = `${JSON.stringify(catalogue, null, 2)}\n`;
  if (process.argv.includes('--check-only')) {
    let same = false;
    try {
      same = readFileSync(OUT_PATH, 'utf8') === json;
    } catch {}
    console.log(same ? `${OUT_PATH} is up to date` : `${OUT_PATH} is OUT OF DATE: regenerate it`);
    process.exit(same ? 0 : 1);
  }
  mkdirSync(dirname(OUT_PATH), { recursive: true });
  writeFileSync(OUT_PATH, json);
  console.log(`wrote ${OUT_PATH}`);
}
