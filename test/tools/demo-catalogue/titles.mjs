// Cleaning of the real Prakerja titles and provider names from courses.csv:
// whitespace, typos, Indonesian title case, acronyms and brand spellings.

/** Known misspellings in the source titles (matched case-insensitively, whole word). */
const TYPO_FIXES = [
  [/\bexcell\b/gi, 'Excel'],
  [/\bmircrosoft\b/gi, 'Microsoft'],
  [/\biluustration\b/gi, 'Illustration'],
  [/\btehnik\b/gi, 'Teknik'],
  [/\bpemograman\b/gi, 'Pemrograman'],
  [/\bdesign grafis\b/gi, 'Desain Grafis'],
  [/\boperational\b/gi, 'Operasional'],
  [/\belegant\b/gi, 'Elegan'],
  [/\bgoogle docs\b/gi, 'Google Docs'],
  [/\btraditional\b/gi, 'Tradisional'],
  [/\bmembalikan\b/gi, 'Membalikkan'],
  [/\binstall ulang\b/gi, 'Instal Ulang'],
  [/\bperkantoran-microsoft\b/gi, 'Perkantoran - Microsoft'],
];

/** Words written with a fixed spelling whatever the source casing. */
export const FIXED_CASE = new Map(
  [
    'Adobe', 'Photoshop', 'CorelDraw', 'WordPress', 'CodeIgniter', 'TikTok', 'Tiktoker', 'YouTube', 'WhatsApp',
    'JavaScript', 'DaVinci', 'PowerPoint', 'Excel', 'Android', 'Golang', 'DevOps', 'Figma', 'Canva', 'Knime',
    'Flutter', 'React', 'Instagram', 'Facebook', 'Google', 'Microsoft', 'AutoCAD', 'Scrum', 'Agile',
    'UI/UX', 'OSIS', 'UMKM', 'K3', 'CV', 'ATS', 'HR', 'SDM', 'SQL', 'PHP', 'AWS', 'AI', '2D', '3D', 'CCNA',
    'CEO', 'TV', 'MUA', 'CMS', 'SEO', 'HP', 'PC', 'AC', 'UI', 'UX', 'A/B', 'F&B', 'Ms.', 'FullStack', 'Back-End',
    'Front-End', 'CAD', 'Baileys', 'Indonesia', 'Inggris', 'Jepang', 'Korea', 'China', 'Sunda', 'Jawa', 'Paes', 'Ageng',
  ].map((w) => [w.toLowerCase(), w]),
);

/** Conjunctions and prepositions kept in lower case inside a title. */
const SMALL_WORDS = new Set([
  'dan', 'atau', 'untuk', 'bagi', 'di', 'ke', 'dari', 'dengan', 'yang', 'pada', 'dalam', 'sebagai', 'ala',
  'hingga', 'sampai', 'melalui', 'tentang', 'tapi', 'secara', 'serta', 'oleh', 'bersama', 'tanpa', 'agar',
  'the', 'and', 'for', 'with', 'of', 'to', 'by', 'in', 'on', 'a', 'an',
]);

function capitalise(word) {
  // "dasar-dasar" -> "Dasar-Dasar", "roti/kue" -> "Roti/Kue"
  return word
    .split(/([-/])/)
    .map((p) => p.charAt(0).toUpperCase() + p.slice(1).toLowerCase())
    .join('');
}

function caseWord(token, index, allCaps) {
  const m = /^([^A-Za-z0-9]*)([A-Za-z0-9][A-Za-z0-9'’&/.-]*?)([^A-Za-z0-9]*)$/.exec(token);
  if (!m) return token;
  const [, pre, core, post] = m;
  const lower = core.toLowerCase();
  let out;
  if (FIXED_CASE.has(lower)) out = FIXED_CASE.get(lower);
  else if (FIXED_CASE.has(lower + post.charAt(0))) out = FIXED_CASE.get(lower + post.charAt(0)).slice(0, -1);
  else if (!allCaps && /[a-z]/.test(core) && /[A-Z]/.test(core.slice(1).replace(/-[A-Z]/g, ''))) out = core; // FullStack
  else if (index > 0 && SMALL_WORDS.has(lower) && !pre.includes('(')) out = lower;
  else out = capitalise(core);
  return pre + out + post;
}

/** Clean one title: whitespace, punctuation spacing, typos, title case. */
export function cleanTitle(raw) {
  let t = String(raw).replace(/\s+/g, ' ').trim().replace(/[.\s]+$/, '');
  t = t.replace(/\s+:\s*/g, ': ').replace(/\(\s+/g, '(').replace(/\s+\)/g, ')').replace(/\s*&\s*/g, ' & ');
  for (const [re, fix] of TYPO_FIXES) t = t.replace(re, fix);
  const letters = t.replace(/[^A-Za-z]/g, '');
  const allCaps = letters.length > 0 && letters.replace(/[^A-Z]/g, '').length / letters.length > 0.8;
  const words = t.split(' ');
  let afterColon = false;
  return words
    .map((w, i) => {
      const out = caseWord(w, afterColon ? 0 : i, allCaps);
      afterColon = w.endsWith(':');
      return out;
    })
    .join(' ');
}

/**
 * Some source rows bundle several trainings in one title, separated by commas,
 * and one title lists a whole menu in parentheses. Returns one or more titles
 * that fit the 120-character limit.
 */
export function splitTitle(raw) {
  let t = cleanTitle(raw);
  if (t.length <= 120) return [t];
  const noParens = t.replace(/\s*\([^)]*\)\s*/g, ' ').trim();
  if (noParens.length <= 120 && noParens.length >= 8) return [noParens];
  return t
    .split(/,\s*/)
    .map((p) => cleanTitle(p))
    .filter((p) => p.length >= 8 && p.length <= 120);
}

/** Provider display name: merge case variants, prefer the conventionally cased one. */
const DISPLAY_NAME_OVERRIDES = { 'ori computer': 'Ori Computer' };

export function chooseDisplayName(variants) {
  const override = DISPLAY_NAME_OVERRIDES[[...variants][0].toLowerCase()];
  if (override) return override;
  const score = (v) => (v.match(/\b[A-Z][a-z]/g) || []).length * 2 + (v.match(/[a-z]/g) ? 1 : 0);
  const best = [...variants].sort((a, b) => score(b) - score(a) || a.localeCompare(b))[0];
  if (best === best.toLowerCase()) return best.split(' ').map((w) => capitalise(w)).join(' ');
  return best;
}

export function slugify(s) {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' dan ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
