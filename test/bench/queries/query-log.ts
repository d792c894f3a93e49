import type { Level, SearchFilters, SearchRequest, SearchSort } from '../../../src/search/search-engine.port';
import { tokenize } from '../../../src/search/text/normalize';
import { zipfSampler } from '../../loadtest/zipf';
import { misspell, type Vocabulary } from '../search/synthetic-corpus';
import { searchRequest } from './search-queries';

/**
 * A realistic search log: distinct queries typed the way people type them
 * (phrases out of real Prakerja titles, topical words, the catalogue's own
 * vocabulary; 1–4 words, typos, cut-off last words, some filters and sorts),
 * requested with a Zipf-like popularity: a head of popular queries that a
 * cache can serve and a tail of queries seen once that it cannot.
 */

export interface QueryLogSource {
  vocabulary: Vocabulary;
  /** Titles of the real Prakerja trainings (courses.csv). */
  realTitles: string[];
  categorySlugs: string[];
  random: () => number;
}

export interface QueryLogOptions {
  /** Distinct queries to draw from. */
  distinct: number;
  /** Requests in the log. */
  requests: number;
  /** Wanted share of requests whose query appears once in the log. */
  singletonShare: number;
}

export interface QueryLog {
  requests: SearchRequest[];
  /** The Zipf exponent that gives the wanted singleton share for this length. */
  exponent: number;
  distinctQueries: number;
  distinctInLog: number;
  /** Measured on the log: requests whose query appears exactly once in it, over all requests. */
  singletonShare: number;
}

const LEVELS: Level[] = ['BEGINNER', 'INTERMEDIATE', 'ADVANCED'];
const SORTS: SearchSort[] = ['NEWEST', 'RATING', 'POPULARITY', 'DURATION_ASC', 'DURATION_DESC'];
/** Words nobody starts or ends a search with. */
const FILLER = new Set(['dan', 'untuk', 'di', 'yang', 'dengan', 'bagi', 'dari', 'ke', 'pada', 'sebagai', 'dalam', 'atau', 'the', 'and', 'of', 'for', 'in']);
const TOPICAL_WORDS = 300;
/** Words per query: 1 to 4, short queries most often. */
const LENGTHS: [number, number][] = [
  [1, 0.3],
  [2, 0.37],
  [3, 0.2],
  [4, 0.13],
];
const SHARES = { titlePhrase: 0.5, topical: 0.25, typo: 0.2, cutLastWord: 0.08, filters: 0.2, sort: 0.15, browse: 0.03, secondPage: 0.05 };
const MAX_ATTEMPTS_PER_QUERY = 50;

export function buildQueryLog(source: QueryLogSource, options: QueryLogOptions): QueryLog {
  const queries = distinctQueries(source, options.distinct);
  const exponent = exponentForSingletonShare(queries.length, options.requests, options.singletonShare);
  const draw = zipfSampler(queries.length, source.random, exponent);
  const ranks = Array.from({ length: options.requests }, draw);
  return {
    requests: ranks.map((rank) => queries[rank]),
    exponent,
    distinctQueries: queries.length,
    distinctInLog: new Set(ranks).size,
    singletonShare: singletonShare(ranks),
  };
}

/**
 * `count` distinct requests, most popular first: plain short queries head the
 * list, typos, filters and sorts (which fewer people share) come later.
 */
export function distinctQueries(source: QueryLogSource, count: number): SearchRequest[] {
  const { random } = source;
  const chance = (share: number) => random() < share;
  const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)];
  const titles = source.realTitles.map((title) => tokenize(title).filter((word) => !FILLER.has(word))).filter((words) => words.length > 0);
  const topical = source.vocabulary.realWords.filter((word) => !FILLER.has(word)).slice(0, TOPICAL_WORDS);
  const length = () => {
    let left = random();
    return (LENGTHS.find(([, share]) => (left -= share) < 0) ?? LENGTHS[0])[0];
  };
  const words = (): string[] => {
    const wanted = length();
    const kind = random();
    if (kind < SHARES.titlePhrase) {
      const title = pick(titles);
      const start = Math.floor(random() * Math.max(1, title.length - wanted + 1));
      return title.slice(start, start + wanted);
    }
    if (kind < SHARES.titlePhrase + SHARES.topical) return Array.from({ length: wanted }, () => pick(topical));
    return Array.from({ length: wanted }, () => source.vocabulary.draw(random));
  };
  const filters = (): SearchFilters => {
    const chosen: SearchFilters = {};
    if (chance(0.6)) chosen.categorySlugs = [pick(source.categorySlugs)];
    if (chance(0.3)) chosen.levels = [pick(LEVELS)];
    if (chance(0.3)) chosen.priceIdr = [0];
    if (chance(0.2)) chosen.certificate = true;
    if (chance(0.2)) chosen.minRating = 4;
    if (Object.keys(chosen).length === 0) chosen.categorySlugs = [pick(source.categorySlugs)];
    return chosen;
  };

  const made: { request: SearchRequest; rarity: number }[] = [];
  const seen = new Set<string>();
  for (let attempts = 0; made.length < count; attempts++) {
    if (attempts > count * MAX_ATTEMPTS_PER_QUERY) throw new Error(`Only ${made.length} distinct queries out of ${count} wanted: the vocabulary is too small`);
    let rarity = 0;
    let query = '';
    let filtered = chance(SHARES.filters);
    if (chance(SHARES.browse)) {
      filtered = true;
      rarity += 1;
    } else {
      const typed = words();
      if (chance(SHARES.typo)) {
        const long = typed.findIndex((word) => word.length >= 5);
        if (long >= 0) {
          typed[long] = misspell(typed[long], random);
          rarity += 2;
        }
      }
      const last = typed.length - 1;
      if (chance(SHARES.cutLastWord) && typed[last].length >= 6) {
        typed[last] = typed[last].slice(0, 3 + Math.floor(random() * 3));
        rarity += 1;
      }
      query = typed.join(' ');
      rarity += typed.length;
    }
    const partial: Partial<SearchRequest> = { query };
    if (filtered) {
      partial.filters = filters();
      rarity += 1;
    }
    if (chance(SHARES.sort)) {
      partial.sort = pick(SORTS);
      rarity += 1;
    }
    if (chance(SHARES.secondPage)) {
      partial.page = 2;
      rarity += 1;
    }
    const request = searchRequest(partial);
    const key = JSON.stringify(request);
    if (seen.has(key)) continue;
    seen.add(key);
    made.push({ request, rarity });
  }
  // A stable sort: equally rare queries keep their (random) order.
  return made.sort((a, b) => a.rarity - b.rarity).map(({ request }) => request);
}

/** Share of draws whose value is drawn exactly once. */
export function singletonShare(draws: ArrayLike<number | string>): number {
  if (draws.length === 0) return Number.NaN;
  const counts = new Map<number | string, number>();
  for (let i = 0; i < draws.length; i++) counts.set(draws[i], (counts.get(draws[i]) ?? 0) + 1);
  let once = 0;
  for (const count of counts.values()) if (count === 1) once += 1;
  return once / draws.length;
}

/**
 * Expected share of `requests` draws (weights 1/rank^s over `distinct`
 * values) that are the only draw of their value: Σ p_i (1 − p_i)^(requests − 1).
 */
export function expectedSingletonShare(distinct: number, requests: number, exponent: number): number {
  let total = 0;
  for (let rank = 1; rank <= distinct; rank++) total += rank ** -exponent;
  let share = 0;
  for (let rank = 1; rank <= distinct; rank++) {
    const p = rank ** -exponent / total;
    share += p * Math.exp((requests - 1) * Math.log1p(-p));
  }
  return share;
}

/**
 * The Zipf exponent in [0, 3] whose expected singleton share is `target`
 * (the share falls as the exponent grows; bisection). A target above what
 * uniform popularity gives (exponent 0) cannot be met: more distinct queries
 * or a shorter log are needed.
 */
export function exponentForSingletonShare(distinct: number, requests: number, target: number): number {
  if (expectedSingletonShare(distinct, requests, 0) < target) {
    throw new Error(`${requests} requests over ${distinct} distinct queries cannot have ${target} of them seen once: use more distinct queries`);
  }
  let low = 0;
  let high = 3;
  for (let i = 0; i < 30; i++) {
    const middle = (low + high) / 2;
    if (expectedSingletonShare(distinct, requests, middle) > target) low = middle;
    else high = middle;
  }
  return (low + high) / 2;
}
