import type { FacetCount, FacetName, ModuleDocument } from './search-engine.port';

export const FACET_NAMES: readonly FacetName[] = ['category', 'level', 'language', 'deliveryMode', 'priceIdr', 'certificate'];

/** The document attribute behind each facet; a facet value is that attribute as a string. */
export const FACET_ATTRIBUTES: Record<FacetName, keyof ModuleDocument> = {
  category: 'categorySlug',
  level: 'level',
  language: 'language',
  deliveryMode: 'deliveryMode',
  priceIdr: 'priceIdr',
  certificate: 'certificate',
};

/** Count descending, then value: the order both engines return facet values in. */
export function sortFacetCounts(counts: FacetCount[]): FacetCount[] {
  return counts.sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
}

export function emptyFacets(): Record<FacetName, FacetCount[]> {
  return Object.fromEntries(FACET_NAMES.map((facet) => [facet, []])) as unknown as Record<FacetName, FacetCount[]>;
}
