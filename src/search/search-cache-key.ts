import type { SearchFilters, SearchRequest } from './search-engine.port';
import { tokenize } from './text/normalize';

const TRAILING_SEPARATOR = /[^\p{L}\p{N}]$/u;

/**
 * The cache key of a search: two requests with one key get the same answer
 * from either engine. Both engines read the query only through analyzeQuery,
 * which sees its normalised words and whether it ends with a separator (the
 * last word then is no prefix), so "Pemasaran  DIGITAL" and "pemasaran
 * digital" share a key but "digital" and "digital " do not.
 */
export function searchCacheKey(request: SearchRequest): string {
  const words = tokenize(request.query);
  const query = words.length > 0 && TRAILING_SEPARATOR.test(request.query) ? `${words.join(' ')} ` : words.join(' ');
  return JSON.stringify([query, request.sort, request.page, request.pageSize, request.facets !== false, filterParts(request.filters)]);
}

/**
 * Every filter set, by name (so a filter added to SearchFilters is keyed
 * without a change here). Every list filter is a set of accepted values, so
 * order and repeats do not matter, and an empty list filters nothing in
 * either engine, like an absent one.
 */
function filterParts(filters: SearchFilters): [string, unknown][] {
  const parts: [string, unknown][] = [];
  for (const name of Object.keys(filters).sort()) {
    const value: unknown = filters[name as keyof SearchFilters];
    if (value === undefined || value === null) continue;
    if (!Array.isArray(value)) parts.push([name, value]);
    else if (value.length > 0) parts.push([name, [...new Set(value)].sort()]);
  }
  return parts;
}
