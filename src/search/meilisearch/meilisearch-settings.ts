import type { Settings } from 'meilisearch';
import { FACET_ATTRIBUTES } from '../facet-names';
import type { ModuleDocument, SearchSort } from '../search-engine.port';
import { matchKeyText } from '../text/match-key';
import type { SearchLanguage } from '../text/search-language';

/** The extra searchable attribute holding the match keys (stem, spelling folded) of the searchable text (searched last). */
export const STEMS_ATTRIBUTE = 'searchStems';

const SEARCHABLE_ATTRIBUTES = ['title', 'skills', 'summary', 'categoryName', 'contributorName', 'description'] as const;

/** Every attribute of a ModuleDocument (a Record so the compiler finds one left out). */
const DOCUMENT_ATTRIBUTE_SET: Record<keyof ModuleDocument, true> = {
  id: true, version: true, slug: true, title: true, summary: true, description: true, skills: true,
  categoryId: true, categorySlug: true, categoryName: true, contributorId: true, contributorName: true, contributorDisplayName: true, contributorKind: true,
  level: true, language: true, deliveryMode: true, priceIdr: true, certificate: true, durationMinutes: true,
  ratingAverage: true, ratingCount: true, ratingSum: true, ratingScore: true, hasQuiz: true, enrollmentCount: true, completionCount: true, publishedAt: true, topics: true,
};

/** What a search retrieves of each hit: the ModuleDocument, without the stems. */
export const DOCUMENT_ATTRIBUTES = Object.keys(DOCUMENT_ATTRIBUTE_SET) as (keyof ModuleDocument)[];

export type MeilisearchModuleDocument = ModuleDocument & { [STEMS_ATTRIBUTE]: string };

export function toMeilisearchDocument(document: ModuleDocument): MeilisearchModuleDocument {
  return { ...document, [STEMS_ATTRIBUTE]: matchKeyText(SEARCHABLE_ATTRIBUTES.map((attribute) => [document[attribute]].flat().join(' '))) };
}

/**
 * The index settings (product.md, "Search"). "sort" right after "words" makes
 * an explicit sort strict, like the in-process engine; the custom rules after
 * the built-in ones break relevance ties by popularity, then id.
 */
export function moduleIndexSettings(language: SearchLanguage, maxTotalHits: number): Settings {
  return {
    searchableAttributes: [...SEARCHABLE_ATTRIBUTES, STEMS_ATTRIBUTE],
    filterableAttributes: [...Object.values(FACET_ATTRIBUTES), 'durationMinutes', 'ratingAverage', 'contributorKind', 'hasQuiz', 'topics', 'id'],
    sortableAttributes: ['publishedAt', 'ratingAverage', 'ratingScore', 'ratingCount', 'enrollmentCount', 'durationMinutes', 'id'],
    rankingRules: ['words', 'sort', 'typo', 'proximity', 'attribute', 'exactness', 'enrollmentCount:desc', 'id:asc'],
    stopWords: [...language.stopWords].sort(),
    synonyms: language.synonyms.toMeilisearchSynonyms(language.stopWords),
    typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 } },
    pagination: { maxTotalHits },
    // By count, so the cut at maxValuesPerFacet drops the rarest values, not the alphabetically last.
    faceting: { maxValuesPerFacet: 200, sortFacetValuesBy: { '*': 'count' } },
  };
}

/** The sort parameter of each sort; every one ends with the id so ties are deterministic. */
export function meilisearchSort(sort: SearchSort, hasQuery: boolean): string[] | undefined {
  switch (sort) {
    case 'RELEVANCE':
      // With a query the ranking rules apply; browsing falls back to popularity.
      return hasQuery ? undefined : ['enrollmentCount:desc', 'id:asc'];
    case 'POPULARITY':
      return ['enrollmentCount:desc', 'id:asc'];
    case 'NEWEST':
      return ['publishedAt:desc', 'id:asc'];
    case 'RATING':
      return ['ratingScore:desc', 'ratingCount:desc', 'id:asc'];
    case 'DURATION_ASC':
      return ['durationMinutes:asc', 'id:asc'];
    case 'DURATION_DESC':
      return ['durationMinutes:desc', 'id:asc'];
  }
}
