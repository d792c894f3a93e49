import type { Level, SearchFilters, SearchRequest, SearchSort } from '../../../src/search/search-engine.port';
import { misspell, type Vocabulary } from '../search/synthetic-corpus';

/**
 * Search requests drawn from the catalogue's vocabulary. The same requests
 * go to the API through GraphQL and to the in-process engine directly.
 */

export interface QueryClass {
  name: string;
  make(): Partial<SearchRequest>;
}

export interface QueryVocabulary {
  vocabulary: Vocabulary;
  categorySlugs: string[];
  random: () => number;
}

const LEVELS: Level[] = ['BEGINNER', 'INTERMEDIATE', 'ADVANCED'];
const SORTS: SearchSort[] = ['NEWEST', 'RATING', 'POPULARITY', 'DURATION_ASC', 'DURATION_DESC'];
/** Words users type are the topical ones: the most frequent real title words. */
const TOPICAL_WORDS = 300;
const COMMON_WORDS = 10;

export function queryClasses({ vocabulary, categorySlugs, random }: QueryVocabulary): QueryClass[] {
  const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)];
  const topical = vocabulary.realWords.slice(0, TOPICAL_WORDS);
  const word = (minLength = 1) => {
    for (;;) {
      const candidate = pick(topical);
      if (candidate.length >= minLength) return candidate;
    }
  };
  const common = vocabulary.words.slice(0, COMMON_WORDS);
  const filters = (): SearchFilters => ({
    categorySlugs: random() < 0.7 ? [pick(categorySlugs), pick(categorySlugs)] : undefined,
    levels: random() < 0.5 ? [pick(LEVELS)] : undefined,
    certificate: random() < 0.3 ? true : undefined,
    minRating: random() < 0.4 ? 4 : undefined,
    maxDurationMinutes: random() < 0.3 ? 240 : undefined,
    priceIdr: random() < 0.3 ? [0] : undefined,
  });
  return [
    { name: 'exact (2 words)', make: () => ({ query: `${word()} ${word()}` }) },
    { name: 'typo (2 words, one typo)', make: () => ({ query: `${word()} ${misspell(word(6), random)}` }) },
    { name: 'prefix (last word cut)', make: () => ({ query: `${word()} ${word(7).slice(0, 4 + Math.floor(random() * 2))}` }) },
    { name: 'filters + text', make: () => ({ query: `${word()} ${word()}`, filters: filters() }) },
    { name: 'facets, browse with filters', make: () => ({ query: '', filters: filters() }) },
    { name: 'sort + text', make: () => ({ query: `${word()} ${word()}`, sort: pick(SORTS) }) },
    { name: 'filters + sort + text', make: () => ({ query: `${word()} ${word()}`, filters: filters(), sort: pick(SORTS) }) },
    { name: 'very common words', make: () => ({ query: random() < 0.5 ? pick(common) : `${pick(common)} ${pick(common)}` }) },
    { name: 'very common word, misspelled', make: () => ({ query: misspell(pick(common.filter((w) => w.length >= 5).concat(['pelatihan'])), random) }) },
    { name: 'browse, page 50', make: () => ({ query: '', page: 50 }) },
  ];
}

/** A complete engine request: RELEVANCE, page 1 of 20, facets on, unless the class says otherwise. */
export function searchRequest(partial: Partial<SearchRequest>): SearchRequest {
  return { query: '', filters: {}, sort: 'RELEVANCE', page: 1, pageSize: 20, facets: true, ...partial };
}

/**
 * The search load: 2-word queries, 40 % exact, 30 % with one typo, 30 % with
 * filters and a sort; facets always.
 */
export function searchLoadMix(source: QueryVocabulary, count: number): SearchRequest[] {
  const classes = new Map(queryClasses(source).map((queryClass) => [queryClass.name, queryClass]));
  const mix: [string, number][] = [
    ['exact (2 words)', 0.4],
    ['typo (2 words, one typo)', 0.3],
    ['filters + sort + text', 0.3],
  ];
  return Array.from({ length: count }, () => {
    let draw = source.random();
    const [name] = mix.find(([, share]) => (draw -= share) < 0) ?? mix[0];
    return searchRequest(classes.get(name)!.make());
  });
}

export const SEARCH_QUERY = `query Search($input: SearchModulesInput!) {
  searchModules(input: $input) {
    totalHits page totalPages processingTimeMs
    hits {
      module { id slug title summary priceIdr level durationMinutes ratingAverage enrollmentCount category { slug name } contributor { displayName } }
      highlight { title summary }
    }
    facets {
      category { value count } level { value count } language { value count }
      deliveryMode { value count } priceIdr { value count } certificate { value count }
    }
  }
}`;

/** searchModules variables for an engine request (the API always computes facets). */
export function searchVariables(request: SearchRequest): { input: Record<string, unknown> } {
  const { query, filters, sort, page, pageSize } = request;
  const input: Record<string, unknown> = { query, sort, page, pageSize };
  for (const [key, value] of Object.entries(filters)) if (value !== undefined) input[key] = value;
  return { input };
}
