import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { ContributorKind, DeliveryMode, Level, ModuleDocument } from '../../../src/search/search-engine.port';
import { confidenceRating } from '../../../src/ratings/rating-score';
import { tokenize } from '../../../src/search/text/normalize';

/** Titles and categories of real Prakerja trainings, used as vocabulary. */
export const COURSES_CSV = '/work/shared/data/prakerja-isw2023/courses.csv';

interface CourseRow {
  provider: string;
  title: string;
  category: string;
}

/** Seeded PRNG (mulberry32): the same corpus and queries on every run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Vocabulary {
  /** Most frequent first. */
  words: string[];
  /** Real title words (of the CSV), most frequent first. */
  realWords: string[];
  categories: string[];
  providers: string[];
  /** Draws a word with probability ∝ 1 / rank (Zipf, s = 1). */
  draw(random: () => number): string;
}

const SYLLABLES = ['ba', 'ka', 'ma', 'na', 'ra', 'sa', 'ta', 'li', 'ri', 'ti', 'ku', 'lu', 'mu', 'pu', 'ge', 'de', 'jo', 'wo', 'ng', 'an'];
const PREFIXES = ['me', 'mem', 'pe', 'pem', 'ber', 'di', 'ke'];
const SUFFIXES = ['an', 'kan', 'nya', 'i'];

/**
 * Real title words ranked by their frequency in the CSV, then affixed variants
 * of them, then pseudo-words: a vocabulary of tens of thousands of terms with
 * a long Zipf tail, like a real catalogue's.
 */
export function buildVocabulary(random: () => number, pseudoWords = 30_000): Vocabulary {
  const rows = parse(readFileSync(COURSES_CSV), { columns: true }) as CourseRow[];
  const counts = new Map<string, number>();
  for (const row of rows) for (const word of tokenize(row.title)) counts.set(word, (counts.get(word) ?? 0) + 1);
  const realWords = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([word]) => word);
  const words = new Set(realWords);
  for (const word of realWords) {
    if (word.length < 4) continue;
    words.add(PREFIXES[Math.floor(random() * PREFIXES.length)] + word);
    words.add(word + SUFFIXES[Math.floor(random() * SUFFIXES.length)]);
  }
  while (words.size < realWords.length * 3 + pseudoWords) {
    const syllables = 2 + Math.floor(random() * 3);
    let word = '';
    for (let i = 0; i < syllables; i++) word += SYLLABLES[Math.floor(random() * SYLLABLES.length)];
    words.add(word);
  }
  const ranked = [...words];
  const cumulative = new Float64Array(ranked.length);
  let total = 0;
  ranked.forEach((_, rank) => {
    total += 1 / (rank + 1);
    cumulative[rank] = total;
  });
  return {
    words: ranked,
    realWords,
    categories: [...new Set(rows.map((row) => row.category))].sort(),
    providers: [...new Set(rows.map((row) => row.provider))].sort(),
    draw(random) {
      const target = random() * total;
      let low = 0;
      let high = cumulative.length - 1;
      while (low < high) {
        const middle = (low + high) >>> 1;
        if (cumulative[middle] < target) low = middle + 1;
        else high = middle;
      }
      return ranked[low];
    },
  };
}

const LEVELS: Level[] = ['BEGINNER', 'INTERMEDIATE', 'ADVANCED'];
const DELIVERY_MODES: DeliveryMode[] = ['SELF_PACED', 'WEBINAR', 'OFFLINE', 'BLENDED'];
const CONTRIBUTOR_KINDS: ContributorKind[] = ['INDIVIDUAL', 'ORGANIZATION'];
const LANGUAGES = ['id', 'id', 'id', 'id', 'en', 'jv'];

/** One typo: a letter dropped, two swapped or one replaced (never the first letter). */
export function misspell(word: string, random: () => number): string {
  const position = 1 + Math.floor(random() * (word.length - 2));
  const edits = [
    () => word.slice(0, position) + word.slice(position + 1),
    () => word.slice(0, position) + word[position + 1] + word[position] + word.slice(position + 2),
    () => word.slice(0, position) + 'x' + word.slice(position + 1),
  ];
  return edits[Math.floor(random() * edits.length)]();
}

export function slugOf(text: string): string {
  return tokenize(text).join('-');
}

export function* syntheticModules(count: number, vocabulary: Vocabulary, random: () => number): Generator<ModuleDocument> {
  const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)];
  const sentence = (min: number, max: number) => {
    const length = min + Math.floor(random() * (max - min + 1));
    return Array.from({ length }, () => vocabulary.draw(random)).join(' ');
  };
  for (let i = 0; i < count; i++) {
    const title = `${sentence(3, 8)}`;
    const category = pick(vocabulary.categories);
    const rated = random() < 0.8;
    const document: Omit<ModuleDocument, 'categoryId' | 'contributorId' | 'contributorDisplayName'> = {
      id: `m${String(i).padStart(6, '0')}`,
      version: 1,
      slug: slugOf(title),
      title: title.charAt(0).toUpperCase() + title.slice(1),
      summary: sentence(15, 35),
      description: sentence(60, 160),
      skills: Array.from({ length: 2 + Math.floor(random() * 4) }, () => sentence(1, 2)),
      categorySlug: slugOf(category),
      categoryName: category,
      contributorName: pick(vocabulary.providers),
      contributorKind: pick(CONTRIBUTOR_KINDS),
      level: pick(LEVELS),
      language: pick(LANGUAGES),
      deliveryMode: pick(DELIVERY_MODES),
      priceIdr: random() < 0.7 ? 0 : 1,
      certificate: random() < 0.6,
      durationMinutes: 30 + Math.floor(random() * 40) * 15,
      ratingAverage: rated ? Math.round((1 + random() * 4) * 10) / 10 : null,
      ratingCount: rated ? 1 + Math.floor(random() * 500) : 0,
      ratingSum: 0,
      ratingScore: null,
      hasQuiz: random() < 0.3,
      enrollmentCount: Math.floor(1 / (random() + 0.001)) * 10,
      completionCount: 0,
      publishedAt: Date.UTC(2024, 0, 1) + Math.floor(random() * 700 * 86_400_000),
      topics: [],
    };
    document.ratingSum = Math.round((document.ratingAverage ?? 0) * document.ratingCount);
    document.ratingScore = confidenceRating(document.ratingSum, document.ratingCount, 4);
    const contributorId = `contributor-${slugOf(document.contributorName)}`;
    yield { ...document, categoryId: `category-${document.categorySlug}`, contributorId, contributorDisplayName: document.contributorName };
  }
}
