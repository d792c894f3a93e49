import { FACET_ATTRIBUTES } from '../facet-names';
import type { FacetName, SearchFilters } from '../search-engine.port';

/**
 * A string literal of Meilisearch's filter syntax: double-quoted, with \ and "
 * escaped. Meilisearch (since 1.3.3) unescapes quoted values (`\\` → `\`), so
 * a backslash needs escaping too: unescaped, `a\` would escape the closing quote.
 */
export function quoteFilterValue(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

function finite(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`Search filter value must be a finite number, got ${value}`);
  return String(value);
}

function inList(attribute: string, values: readonly string[] | undefined, negate = false): string | undefined {
  if (!values || values.length === 0) return undefined;
  return `${attribute} ${negate ? 'NOT IN' : 'IN'} [${values.join(', ')}]`;
}

/**
 * The filters as Meilisearch expressions, ANDed (the array form). One field's
 * list is an IN (OR within the field). `omitFacet` leaves that facet's own
 * filter out, for its disjunctive facet counts.
 */
export function filterExpressions(filters: SearchFilters, omitFacet?: FacetName): string[] {
  const facetExpressions: Record<FacetName, string | undefined> = {
    category: inList(FACET_ATTRIBUTES.category, filters.categorySlugs?.map(quoteFilterValue)),
    level: inList(FACET_ATTRIBUTES.level, filters.levels?.map(quoteFilterValue)),
    language: inList(FACET_ATTRIBUTES.language, filters.languages?.map(quoteFilterValue)),
    deliveryMode: inList(FACET_ATTRIBUTES.deliveryMode, filters.deliveryModes?.map(quoteFilterValue)),
    priceIdr: inList(FACET_ATTRIBUTES.priceIdr, filters.priceIdr?.map(finite)),
    certificate: filters.certificate === undefined ? undefined : `${FACET_ATTRIBUTES.certificate} = ${filters.certificate}`,
  };
  const expressions = (Object.keys(facetExpressions) as FacetName[])
    .filter((facet) => facet !== omitFacet)
    .map((facet) => facetExpressions[facet]);
  expressions.push(
    filters.minDurationMinutes === undefined ? undefined : `durationMinutes >= ${finite(filters.minDurationMinutes)}`,
    filters.maxDurationMinutes === undefined ? undefined : `durationMinutes <= ${finite(filters.maxDurationMinutes)}`,
    // Meilisearch never matches null in a comparison, so unrated modules fail a minRating.
    filters.minRating === undefined ? undefined : `ratingAverage >= ${finite(filters.minRating)}`,
    inList('contributorKind', filters.contributorKinds?.map(quoteFilterValue)),
    filters.hasQuiz === undefined ? undefined : `hasQuiz = ${filters.hasQuiz}`,
    // An array attribute: IN holds when any of its values is listed.
    inList('topics', filters.topics?.map(quoteFilterValue)),
    inList('id', filters.excludeIds?.map(quoteFilterValue), true),
  );
  return expressions.filter((expression): expression is string => expression !== undefined);
}

/** The facets whose own filter is set: each needs its own query for disjunctive counts. */
export function filteredFacets(filters: SearchFilters): FacetName[] {
  const active: Record<FacetName, boolean> = {
    category: (filters.categorySlugs?.length ?? 0) > 0,
    level: (filters.levels?.length ?? 0) > 0,
    language: (filters.languages?.length ?? 0) > 0,
    deliveryMode: (filters.deliveryModes?.length ?? 0) > 0,
    priceIdr: (filters.priceIdr?.length ?? 0) > 0,
    certificate: filters.certificate !== undefined,
  };
  return (Object.keys(active) as FacetName[]).filter((facet) => active[facet]);
}
