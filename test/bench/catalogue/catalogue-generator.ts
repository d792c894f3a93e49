import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { buildVocabulary, COURSES_CSV, seededRandom, slugOf, syntheticModules, type Vocabulary } from '../search/synthetic-corpus';

/**
 * The benchmark catalogue: synthetic modules (Zipf-distributed words from a
 * vocabulary built on the real Prakerja titles, see synthetic-corpus.ts),
 * a fifth of them titled after a real Prakerja training, as database rows.
 */

export interface ContributorRow {
  id: string;
  email: string;
  displayName: string;
  kind: 'INDIVIDUAL' | 'ORGANIZATION';
  organizationName: string | null;
}

export interface ModuleRow {
  id: string;
  slug: string;
  title: string;
  summary: string;
  description: string;
  categoryId: string;
  skills: string[];
  level: string;
  language: string;
  deliveryMode: string;
  durationMinutes: number;
  priceIdr: number;
  certificate: boolean;
  status: 'PUBLISHED' | 'IN_REVIEW';
  contributorId: string;
  ratingSum: number;
  ratingCount: number;
  enrollmentCount: number;
  submittedAt: Date;
  publishedAt: Date | null;
  version: number;
}

export interface LessonRow {
  moduleId: string;
  position: number;
  title: string;
  kind: string;
  durationMinutes: number;
  contentUrl: string | null;
  body: string | null;
  /** QUIZ lessons: graded questions, as a contributor writes them. */
  questions: QuizQuestion[] | null;
}

export interface QuizQuestion {
  prompt: string;
  options: string[];
  correctOptions: number[];
}

export interface CatalogueCorpus {
  vocabulary: Vocabulary;
  realTitles: string[];
  random: () => number;
}

export const BENCH_EMAIL_DOMAIN = 'bench.contoh-pelatihan.id';
/** A hash no password verifies against: catalogue accounts cannot log in. */
export const UNUSABLE_PASSWORD_HASH = '!bench-account-without-login';

const REAL_TITLE_SHARE = 0.2;
const TITLE_ENDINGS = ['untuk Pemula', 'bagi UMKM', 'Tingkat Lanjut', 'dari Nol', 'Praktis', 'untuk Pencari Kerja'];
const DAY_MS = 86_400_000;

export function loadCorpus(seed: number): CatalogueCorpus {
  const random = seededRandom(seed);
  const vocabulary = buildVocabulary(random);
  const rows = parse(readFileSync(COURSES_CSV), { columns: true }) as { title: string }[];
  return { vocabulary, realTitles: rows.map((row) => row.title.trim()), random };
}

/** One contributor per real provider (organisations) plus as many individual volunteers. */
export function contributorRows(corpus: CatalogueCorpus): ContributorRow[] {
  const organisations = corpus.vocabulary.providers.map((provider, i): ContributorRow => ({
    id: randomUUID(),
    email: `org-${i}@${BENCH_EMAIL_DOMAIN}`,
    displayName: `Tim ${provider}`.slice(0, 80),
    kind: 'ORGANIZATION',
    organizationName: provider,
  }));
  const individuals = corpus.vocabulary.providers.map((_, i): ContributorRow => {
    const name = `${capitalize(corpus.vocabulary.realWords[(i * 7) % 300])} ${capitalize(corpus.vocabulary.realWords[(i * 13 + 5) % 300])}`;
    return { id: randomUUID(), email: `relawan-${i}@${BENCH_EMAIL_DOMAIN}`, displayName: `Relawan ${name}`, kind: 'INDIVIDUAL', organizationName: null };
  });
  return [...organisations, ...individuals];
}

/**
 * `count` modules in batches of `batchSize`, each module with 1 to 3 lessons
 * whose durations add up to the module's.
 */
export function* moduleBatches(
  corpus: CatalogueCorpus,
  options: { count: number; batchSize: number; categoryIds: string[]; contributors: ContributorRow[]; firstIndex?: number },
): Generator<{ modules: ModuleRow[]; lessons: LessonRow[] }> {
  const { random, realTitles } = corpus;
  const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)];
  let modules: ModuleRow[] = [];
  let lessons: LessonRow[] = [];
  let index = options.firstIndex ?? 0;
  for (const document of syntheticModules(options.count, corpus.vocabulary, random)) {
    const title = random() < REAL_TITLE_SHARE ? `${pick(realTitles)} ${pick(TITLE_ENDINGS)}` : document.title;
    const id = randomUUID();
    const publishedAt = new Date(document.publishedAt);
    const ratingCount = document.ratingCount;
    modules.push({
      id,
      slug: `${slugOf(title).slice(0, 70)}-${index.toString(36)}`,
      title: title.slice(0, 120),
      summary: capitalize(document.summary).slice(0, 300),
      description: `${capitalize(document.description)}.`,
      categoryId: pick(options.categoryIds),
      skills: [...new Set(document.skills.map((skill) => skill.toLowerCase().slice(0, 40)))],
      level: document.level,
      language: document.language,
      deliveryMode: document.deliveryMode,
      durationMinutes: document.durationMinutes,
      priceIdr: document.priceIdr,
      certificate: document.certificate,
      status: 'PUBLISHED',
      contributorId: pick(options.contributors).id,
      ratingSum: document.ratingAverage === null ? 0 : Math.round(document.ratingAverage * ratingCount),
      ratingCount,
      enrollmentCount: document.enrollmentCount,
      submittedAt: new Date(publishedAt.getTime() - DAY_MS),
      publishedAt,
      version: 3,
    });
    lessons.push(...lessonsOf(id, document.durationMinutes, title, random));
    index += 1;
    if (modules.length === options.batchSize) {
      yield { modules, lessons };
      modules = [];
      lessons = [];
    }
  }
  if (modules.length > 0) yield { modules, lessons };
}

function lessonsOf(moduleId: string, totalMinutes: number, moduleTitle: string, random: () => number): LessonRow[] {
  const count = Math.max(Math.ceil(totalMinutes / 600), 1 + Math.floor(random() * 3));
  const base = Math.floor(totalMinutes / count);
  const topic = moduleTitle.split(' ').slice(0, 4).join(' ');
  return Array.from({ length: count }, (_, i): LessonRow => {
    const kind = i === count - 1 && count > 1 ? 'QUIZ' : i % 2 === 0 ? 'VIDEO' : 'ARTICLE';
    return {
      moduleId,
      position: i + 1,
      title: `${i + 1}. ${kind === 'QUIZ' ? 'Kuis' : 'Materi'} ${topic}`.slice(0, 120),
      kind,
      durationMinutes: i === count - 1 ? totalMinutes - base * (count - 1) : base,
      contentUrl: kind === 'VIDEO' ? `https://video.contoh-pelatihan.id/${moduleId}/${i + 1}.mp4` : null,
      body: kind === 'VIDEO' ? null : `Bacaan dan latihan untuk ${topic.toLowerCase()}.`,
      questions: kind === 'QUIZ' ? quizAbout(topic) : null,
    };
  });
}

function quizAbout(topic: string): QuizQuestion[] {
  return [
    { prompt: `Apa tujuan utama materi ${topic.toLowerCase()}?`.slice(0, 500), options: ['Menerapkan keterampilan di tempat kerja', 'Menghafal istilah saja'], correctOptions: [0] },
    { prompt: 'Langkah mana yang termasuk praktik yang baik?', options: ['Mencatat hasil kerja', 'Melewati pemeriksaan', 'Meminta umpan balik'], correctOptions: [0, 2] },
  ];
}

/** A word that no other module contains and no typo of another word reaches, to find one module by search. */
export function uniqueWord(random: () => number): string {
  const consonants = 'bcdfghjklmnprstvwz';
  const vowels = 'aeiou';
  let word = 'sinkron';
  for (let i = 0; i < 4; i++) word += consonants[Math.floor(random() * consonants.length)] + vowels[Math.floor(random() * vowels.length)];
  return word;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
