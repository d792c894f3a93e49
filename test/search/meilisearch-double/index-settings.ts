/**
 * Index settings as the strict double keeps them: Meilisearch's defaults, and
 * the synchronous checks of PATCH /indexes/:uid/settings (deserr in
 * Meilisearch: an unknown field is `bad_request`, a bad value of a known one
 * is `invalid_settings_<field>`, both 400 before any task is enqueued).
 */

export interface IndexSettings {
  searchableAttributes: string[];
  filterableAttributes: string[];
  sortableAttributes: string[];
  rankingRules: string[];
  stopWords: string[];
  synonyms: Record<string, string[]>;
  typoTolerance: { enabled: boolean; minWordSizeForTypos: { oneTypo: number; twoTypos: number } };
  pagination: { maxTotalHits: number };
  faceting: { maxValuesPerFacet: number; sortFacetValuesBy: Record<string, 'alpha' | 'count'> };
}

export function defaultSettings(): IndexSettings {
  return {
    searchableAttributes: ['*'],
    filterableAttributes: [],
    sortableAttributes: [],
    rankingRules: ['words', 'typo', 'proximity', 'attribute', 'sort', 'exactness'],
    stopWords: [],
    synonyms: {},
    typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 } },
    pagination: { maxTotalHits: 1000 },
    faceting: { maxValuesPerFacet: 100, sortFacetValuesBy: { '*': 'alpha' } },
  };
}

export class SettingsError extends Error {
  constructor(readonly code: string, message: string) {
    super(message);
  }
}

const KNOWN_FIELDS = [
  'displayedAttributes', 'searchableAttributes', 'filterableAttributes', 'sortableAttributes', 'rankingRules', 'stopWords', 'nonSeparatorTokens',
  'separatorTokens', 'dictionary', 'synonyms', 'distinctAttribute', 'proximityPrecision', 'typoTolerance', 'faceting', 'pagination', 'embedders',
  'searchCutoffMs', 'localizedAttributes', 'facetSearch', 'prefixSearch',
];
const BUILT_IN_RULES = new Set(['words', 'typo', 'proximity', 'attribute', 'sort', 'exactness', 'attributeRank', 'wordPosition']);
const snake = (field: string) => field.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
const isStringArray = (value: unknown): value is string[] => Array.isArray(value) && value.every((item) => typeof item === 'string');
const isCount = (value: unknown, min: number): value is number => Number.isInteger(value) && (value as number) >= min;

/** Checks a settings body and returns the settings after it is applied; throws SettingsError (a 400). */
export function validatedSettings(current: IndexSettings, body: unknown): IndexSettings {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new SettingsError('bad_request', 'Invalid value type: expected an object');
  const next: IndexSettings = structuredClone(current);
  for (const [field, value] of Object.entries(body)) {
    if (!KNOWN_FIELDS.includes(field)) throw new SettingsError('bad_request', `Unknown field \`${field}\`: expected one of ${KNOWN_FIELDS.map((known) => `\`${known}\``).join(', ')}`);
    const invalid = (detail: string) => new SettingsError(`invalid_settings_${snake(field)}`, `Invalid value at \`.${field}\`: ${detail}`);
    switch (field) {
      case 'searchableAttributes':
      case 'filterableAttributes':
      case 'sortableAttributes':
      case 'stopWords':
        if (!isStringArray(value)) throw invalid('expected an array of strings');
        next[field] = value;
        break;
      case 'rankingRules':
        if (!isStringArray(value)) throw invalid('expected an array of strings');
        for (const rule of value) {
          if (!BUILT_IN_RULES.has(rule) && !/^[^:\s]+:(asc|desc)$/.test(rule)) {
            throw invalid(`\`${rule}\` ranking rule is invalid. Valid ranking rules are words, typo, sort, proximity, attribute, exactness and custom ranking rules.`);
          }
        }
        next.rankingRules = value;
        break;
      case 'synonyms':
        if (typeof value !== 'object' || value === null || Array.isArray(value) || !Object.values(value).every(isStringArray)) throw invalid('expected a map of strings to arrays of strings');
        next.synonyms = value as Record<string, string[]>;
        break;
      case 'typoTolerance': {
        const typo = value as { enabled?: unknown; minWordSizeForTypos?: { oneTypo?: unknown; twoTypos?: unknown } };
        const sizes = typo?.minWordSizeForTypos ?? {};
        if (typeof typo !== 'object' || (typo.enabled !== undefined && typeof typo.enabled !== 'boolean')) throw invalid('expected an object with a boolean `enabled`');
        for (const size of [sizes.oneTypo, sizes.twoTypos]) if (size !== undefined && !(isCount(size, 0) && size <= 255)) throw invalid('a word size must be an integer from 0 to 255');
        next.typoTolerance = {
          enabled: (typo.enabled as boolean | undefined) ?? next.typoTolerance.enabled,
          minWordSizeForTypos: { oneTypo: (sizes.oneTypo as number | undefined) ?? next.typoTolerance.minWordSizeForTypos.oneTypo, twoTypos: (sizes.twoTypos as number | undefined) ?? next.typoTolerance.minWordSizeForTypos.twoTypos },
        };
        break;
      }
      case 'pagination': {
        const maxTotalHits = (value as { maxTotalHits?: unknown })?.maxTotalHits;
        if (maxTotalHits !== undefined && !isCount(maxTotalHits, 1)) throw invalid('`maxTotalHits` must be a positive integer');
        next.pagination = { maxTotalHits: (maxTotalHits as number | undefined) ?? next.pagination.maxTotalHits };
        break;
      }
      case 'faceting': {
        const faceting = value as { maxValuesPerFacet?: unknown; sortFacetValuesBy?: unknown };
        if (faceting.maxValuesPerFacet !== undefined && !isCount(faceting.maxValuesPerFacet, 0)) throw invalid('`maxValuesPerFacet` must be a non-negative integer');
        const order = faceting.sortFacetValuesBy;
        if (order !== undefined && (typeof order !== 'object' || order === null || !Object.values(order).every((by) => by === 'alpha' || by === 'count'))) {
          throw invalid('`sortFacetValuesBy` values must be `alpha` or `count`');
        }
        next.faceting = {
          maxValuesPerFacet: (faceting.maxValuesPerFacet as number | undefined) ?? next.faceting.maxValuesPerFacet,
          sortFacetValuesBy: { ...next.faceting.sortFacetValuesBy, ...(order as Record<string, 'alpha' | 'count'> | undefined) },
        };
        break;
      }
    }
  }
  return next;
}

/** Checks Meilisearch makes when the settings task is processed (a failed task, not a 400). */
export function settingsTaskError(settings: IndexSettings): SettingsError | undefined {
  const { oneTypo, twoTypos } = settings.typoTolerance.minWordSizeForTypos;
  if (oneTypo > twoTypos) return new SettingsError('invalid_settings_typo_tolerance', '`minWordSizeForTypos` setting is invalid. `oneTypo` and `twoTypos` fields should be between `0` and `255`, and `twoTypos` should be greater or equals to `oneTypo` but found `oneTypo: ' + oneTypo + '` and twoTypos: `' + twoTypos + '`.');
  return undefined;
}
