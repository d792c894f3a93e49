import { matchesFilter, filterAttributes } from './filter-evaluation';
import { parseFilterParameter, FilterSyntaxError } from './filter-grammar';
import type { IndexSettings } from './index-settings';

/**
 * The strict double's search: Meilisearch's documented behaviour in small —
 * first 10 query words, stop words, synonyms (up to three-word keys), typo
 * budget by word length, prefix on the last word, matchingStrategy
 * (all/last/frequency), the index's ranking rules in order (proximity is
 * treated as a tie), the sort parameter, filters in Meilisearch's grammar,
 * facet counts ordered and cut as the faceting settings say, and totals
 * bounded by pagination.maxTotalHits. Its relevance is not Meilisearch's;
 * what it checks strictly is the request.
 */

type Document = Record<string, unknown> & { id: string };

export class SearchRequestError extends Error {
  constructor(readonly code: string, message: string) {
    super(message);
  }
}

export const MAX_QUERY_WORDS = 10;
const SEARCH_PARAMETERS = new Set([
  'q', 'offset', 'limit', 'page', 'hitsPerPage', 'attributesToRetrieve', 'retrieveVectors', 'attributesToCrop', 'cropLength', 'cropMarker',
  'attributesToHighlight', 'highlightPreTag', 'highlightPostTag', 'showMatchesPosition', 'showRankingScore', 'showRankingScoreDetails', 'filter', 'sort',
  'distinct', 'facets', 'matchingStrategy', 'attributesToSearchOn', 'rankingScoreThreshold', 'locales', 'vector', 'hybrid',
]);

interface WordMatch {
  typos: number;
  attribute: number;
  exact: boolean;
}

interface Clause {
  words: string[];
  /** Synonym phrases: every word present, exactly. */
  alternatives: string[][];
  prefix: boolean;
}

export function tokenize(text: string): string[] {
  return text.toLowerCase().normalize('NFKD').replace(/\p{M}/gu, '').split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

export function searchDocuments(documents: Document[], settings: IndexSettings, query: Record<string, unknown>, where: string): Record<string, unknown> {
  for (const parameter of Object.keys(query)) {
    if (!SEARCH_PARAMETERS.has(parameter)) throw new SearchRequestError('bad_request', `Unknown field \`${parameter}\`${where}: expected one of ${[...SEARCH_PARAMETERS].map((known) => `\`${known}\``).join(', ')}`);
  }
  const strategy = query.matchingStrategy ?? 'last';
  if (!['last', 'all', 'frequency'].includes(strategy as string)) {
    throw new SearchRequestError('invalid_search_matching_strategy', `Unknown value \`${String(strategy)}\` at \`.matchingStrategy\`${where}: expected one of \`last\`, \`all\`, \`frequency\``);
  }
  const filter = parsedFilter(query.filter, settings, where);
  const sort = sortCriteria(query.sort, settings, where);
  const facets = (query.facets as string[] | undefined) ?? [];
  for (const facet of facets) {
    if (!settings.filterableAttributes.includes(facet)) throw new SearchRequestError('invalid_search_facets', `Invalid facet distribution${where}: Attribute \`${facet}\` is not filterable.`);
  }

  const q = typeof query.q === 'string' ? query.q : '';
  const clauses = queryClauses(q, settings);
  const candidates = documents.filter((document) => !filter || matchesFilter(document, filter));
  const scored = rankedMatches(candidates, clauses, settings, strategy as string, sort);
  const maxTotalHits = settings.pagination.maxTotalHits;
  const retrieve = (document: Document) => pick(document, query.attributesToRetrieve as string[] | undefined);
  const answer: Record<string, unknown> = { query: q, processingTimeMs: 0 };
  if (query.page !== undefined || query.hitsPerPage !== undefined) {
    const page = (query.page as number | undefined) ?? 1;
    const hitsPerPage = (query.hitsPerPage as number | undefined) ?? 20;
    const totalHits = Math.min(scored.length, maxTotalHits);
    const start = Math.min((page - 1) * hitsPerPage, totalHits);
    Object.assign(answer, { hits: scored.slice(start, Math.min(start + hitsPerPage, totalHits)).map(retrieve), page, hitsPerPage, totalHits, totalPages: hitsPerPage === 0 ? 0 : Math.ceil(totalHits / hitsPerPage) });
  } else {
    const offset = (query.offset as number | undefined) ?? 0;
    const limit = (query.limit as number | undefined) ?? 20;
    Object.assign(answer, { hits: scored.slice(offset, Math.min(offset + limit, maxTotalHits)).map(retrieve), offset, limit, estimatedTotalHits: Math.min(scored.length, maxTotalHits) });
  }
  if (facets.length > 0) answer.facetDistribution = Object.fromEntries(facets.map((facet) => [facet, facetDistribution(scored, facet, settings)]));
  return answer;
}

function parsedFilter(filter: unknown, settings: IndexSettings, where: string) {
  try {
    const node = parseFilterParameter(filter);
    for (const attribute of node ? filterAttributes(node) : []) {
      if (!settings.filterableAttributes.includes(attribute)) {
        throw new SearchRequestError('invalid_search_filter', `Attribute \`${attribute}\` is not filterable${where}. Available filterable attribute patterns are: ${settings.filterableAttributes.map((name) => `\`${name}\``).join(', ')}.`);
      }
    }
    return node;
  } catch (error) {
    if (error instanceof FilterSyntaxError) throw new SearchRequestError('invalid_search_filter', error.message);
    throw error;
  }
}

function sortCriteria(sort: unknown, settings: IndexSettings, where: string): { attribute: string; descending: boolean }[] {
  if (sort === undefined || sort === null) return [];
  if (!Array.isArray(sort)) throw new SearchRequestError('invalid_search_sort', `Invalid value type at \`.sort\`${where}: expected an array`);
  if (!settings.rankingRules.includes('sort')) throw new SearchRequestError('invalid_search_sort', 'You must specify where `sort` is listed in the rankingRules setting to use the sort parameter at search time.');
  return sort.map((criterion: string) => {
    const [, attribute, direction] = /^([^:]+):(asc|desc)$/.exec(criterion) ?? [];
    if (!attribute) throw new SearchRequestError('invalid_search_sort', `Invalid syntax for the sort parameter: expected expression ending by \`:asc\` or \`:desc\`, found \`${criterion}\`.`);
    if (!settings.sortableAttributes.includes(attribute)) throw new SearchRequestError('invalid_search_sort', `Attribute \`${attribute}\` is not sortable.`);
    return { attribute, descending: direction === 'desc' };
  });
}

function queryClauses(q: string, settings: IndexSettings): Clause[] {
  const stopWords = new Set(settings.stopWords.map((word) => tokenize(word).join(' ')));
  const endsWithSeparator = /[^\p{L}\p{N}]$/u.test(q);
  const words = tokenize(q).filter((word) => !stopWords.has(word)).slice(0, MAX_QUERY_WORDS);
  const synonyms = new Map(Object.entries(settings.synonyms).map(([key, values]) => [tokenize(key).join(' '), values.map(tokenize)]));
  const clauses: Clause[] = [];
  for (let start = 0; start < words.length; ) {
    let length = Math.min(3, words.length - start);
    while (length > 1 && !synonyms.has(words.slice(start, start + length).join(' '))) length--;
    const key = words.slice(start, start + length);
    clauses.push({ words: key, alternatives: synonyms.get(key.join(' ')) ?? [], prefix: start + length === words.length && !endsWithSeparator });
    start += length;
  }
  return clauses;
}

function attributeTokens(document: Document, settings: IndexSettings): string[][] {
  const attributes = settings.searchableAttributes.includes('*') ? Object.keys(document) : settings.searchableAttributes;
  return attributes.map((attribute) => tokenize([document[attribute] ?? ''].flat().filter((value) => typeof value === 'string').join(' ')));
}

function matchWord(word: string, prefix: boolean, tokens: string[][], settings: IndexSettings): WordMatch | undefined {
  const { enabled, minWordSizeForTypos } = settings.typoTolerance;
  const budget = !enabled ? 0 : word.length >= minWordSizeForTypos.twoTypos ? 2 : word.length >= minWordSizeForTypos.oneTypo ? 1 : 0;
  let best: WordMatch | undefined;
  tokens.forEach((attributeWords, attribute) => {
    for (const token of attributeWords) {
      const candidate: WordMatch | undefined =
        token === word ? { typos: 0, attribute, exact: true }
        : prefix && token.startsWith(word) ? { typos: 0, attribute, exact: false }
        : budget > 0 ? withinTypos(word, token, prefix, budget, attribute) : undefined;
      if (candidate && (!best || candidate.typos < best.typos || (candidate.typos === best.typos && (candidate.attribute < best.attribute || (candidate.attribute === best.attribute && candidate.exact && !best.exact))))) best = candidate;
    }
  });
  return best;
}

/** Meilisearch counts a typo on the first letter as two; the last word may also be a prefix within the budget. */
function withinTypos(word: string, token: string, prefix: boolean, budget: number, attribute: number): WordMatch | undefined {
  const distance = prefix ? Math.min(editDistance(word, token.slice(0, word.length)), editDistance(word, token)) : editDistance(word, token);
  const typos = distance + (word[0] === token[0] ? 0 : 1);
  return typos <= budget ? { typos, attribute, exact: false } : undefined;
}

/** Damerau–Levenshtein (optimal string alignment). */
function editDistance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) rows[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      rows[i][j] = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) rows[i][j] = Math.min(rows[i][j], rows[i - 2][j - 2] + 1);
    }
  }
  return rows[a.length][b.length];
}

function matchClause(clause: Clause, tokens: string[][], settings: IndexSettings): WordMatch | undefined {
  const typed = clause.words.map((word, index) => matchWord(word, clause.prefix && index === clause.words.length - 1, tokens, settings));
  const candidates: WordMatch[] = [];
  if (typed.every(Boolean)) {
    const matches = typed as WordMatch[];
    candidates.push({ typos: matches.reduce((sum, match) => sum + match.typos, 0), attribute: Math.min(...matches.map((match) => match.attribute)), exact: matches.every((match) => match.exact) });
  }
  for (const phrase of clause.alternatives) {
    const matches = phrase.map((word) => matchWord(word, false, tokens, { ...settings, typoTolerance: { ...settings.typoTolerance, enabled: false } }));
    if (matches.every(Boolean)) candidates.push({ typos: 0, attribute: Math.min(...matches.map((match) => match!.attribute)), exact: false });
  }
  return candidates.sort((a, b) => a.typos - b.typos || a.attribute - b.attribute)[0];
}

interface Scored {
  document: Document;
  order: number;
  words: number;
  typos: number;
  attribute: number;
  exactness: number;
}

function rankedMatches(documents: Document[], clauses: Clause[], settings: IndexSettings, strategy: string, sort: { attribute: string; descending: boolean }[]): Document[] {
  const perDocument = documents.map((document) => clauses.map((clause) => matchClause(clause, attributeTokens(document, settings), settings)));
  // The order in which words are given up: none ("all"), from the end ("last"), most frequent first ("frequency").
  const removal = clauses.map((_, index) => index);
  if (strategy === 'last') removal.reverse();
  if (strategy === 'frequency') removal.sort((a, b) => perDocument.filter((matches) => matches[b]).length - perDocument.filter((matches) => matches[a]).length);
  const maxRemoved = strategy === 'all' || clauses.length === 0 ? 0 : clauses.length - 1;

  const scored: Scored[] = [];
  documents.forEach((document, order) => {
    for (let removed = 0; removed <= maxRemoved; removed++) {
      const kept = removal.slice(removed);
      const matches = kept.map((index) => perDocument[order][index]);
      if (!matches.every(Boolean)) continue;
      const found = matches as WordMatch[];
      scored.push({
        document, order, words: kept.length,
        typos: found.reduce((sum, match) => sum + match.typos, 0),
        attribute: found.reduce((sum, match) => sum + match.attribute, 0),
        exactness: found.filter((match) => match.exact).length,
      });
      return;
    }
  });
  const hasQuery = clauses.length > 0;
  const comparators = settings.rankingRules.map((rule): ((a: Scored, b: Scored) => number) => {
    if (!hasQuery && ['words', 'typo', 'proximity', 'attribute', 'exactness'].includes(rule)) return () => 0;
    if (rule === 'words') return (a, b) => b.words - a.words;
    if (rule === 'typo') return (a, b) => a.typos - b.typos;
    if (rule === 'attribute') return (a, b) => a.attribute - b.attribute;
    if (rule === 'exactness') return (a, b) => b.exactness - a.exactness;
    if (rule === 'sort') return (a, b) => sort.reduce((result, { attribute, descending }) => result || compareValues(a.document[attribute], b.document[attribute], descending), 0);
    const [, attribute, direction] = /^(.+):(asc|desc)$/.exec(rule) ?? [];
    return attribute ? (a, b) => compareValues(a.document[attribute], b.document[attribute], direction === 'desc') : () => 0;
  });
  return scored.sort((a, b) => comparators.reduce((result, compare) => result || compare(a, b), 0) || a.order - b.order).map((entry) => entry.document);
}

/** Missing and null values come last whichever the direction. */
function compareValues(a: unknown, b: unknown, descending: boolean): number {
  const missingA = a === undefined || a === null;
  const missingB = b === undefined || b === null;
  if (missingA || missingB) return Number(missingA) - Number(missingB);
  const order = typeof a === 'number' && typeof b === 'number' ? a - b : String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0;
  return descending ? -order : order;
}

function facetDistribution(documents: Document[], facet: string, settings: IndexSettings): Record<string, number> {
  const counts = new Map<string, number>();
  for (const document of documents) {
    for (const value of [document[facet]].flat()) {
      if (value === undefined || value === null) continue;
      counts.set(String(value), (counts.get(String(value)) ?? 0) + 1);
    }
  }
  const byCount = (settings.faceting.sortFacetValuesBy[facet] ?? settings.faceting.sortFacetValuesBy['*'] ?? 'alpha') === 'count';
  const ordered = [...counts].sort(([valueA, countA], [valueB, countB]) => (byCount ? countB - countA : 0) || (valueA < valueB ? -1 : valueA > valueB ? 1 : 0));
  return Object.fromEntries(ordered.slice(0, settings.faceting.maxValuesPerFacet));
}

function pick(document: Document, attributes: string[] | undefined): Record<string, unknown> {
  if (!attributes || attributes.includes('*')) return { ...document };
  return Object.fromEntries(attributes.filter((attribute) => attribute in document).map((attribute) => [attribute, document[attribute]]));
}
