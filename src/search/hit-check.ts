import { ModuleStatus } from '../catalog/module-status';
import { FACET_ATTRIBUTES, FACET_NAMES, sortFacetCounts } from './facet-names';
import type { FacetCount, FacetName, SearchHit, SearchResponse } from './search-engine.port';

/** What the database holds of a hit's module right now. */
export interface ModuleState {
  status: ModuleStatus;
  version: number;
}

/**
 * A hit checked against the database:
 * - CURRENT: PUBLISHED at the version its document holds, so the document may answer;
 * - OUTDATED: PUBLISHED, but the document holds another version (content approved since, or
 *   content a curator took down and a later approval replaced): only the row may answer;
 * - GONE: no longer PUBLISHED (or deleted): never listed.
 */
export type HitVerdict = 'CURRENT' | 'OUTDATED' | 'GONE';

export function judgeHit(hit: SearchHit, state: ModuleState | undefined): HitVerdict {
  if (!state || state.status !== ModuleStatus.PUBLISHED) return 'GONE';
  return state.version === hit.document.version ? 'CURRENT' : 'OUTDATED';
}

/**
 * The engine's counts without the hits found GONE on this page: each such
 * document matched the query and every filter, so it was counted once in
 * totalHits and once in every facet, at its own value.
 */
export function withoutGoneHits(response: Pick<SearchResponse, 'totalHits' | 'facets'>, gone: SearchHit[]): Pick<SearchResponse, 'totalHits' | 'facets'> {
  if (gone.length === 0) return response;
  const facets = Object.fromEntries(
    FACET_NAMES.map((facet) => {
      const counts = new Map(response.facets[facet].map((entry) => [entry.value, entry.count]));
      if (counts.size > 0) {
        for (const hit of gone) {
          const value = String(hit.document[FACET_ATTRIBUTES[facet]]);
          const count = counts.get(value);
          if (count !== undefined) counts.set(value, count - 1);
        }
      }
      const kept: FacetCount[] = [...counts].filter(([, count]) => count > 0).map(([value, count]) => ({ value, count }));
      return [facet, sortFacetCounts(kept)];
    }),
  ) as Record<FacetName, FacetCount[]>;
  return { totalHits: Math.max(0, response.totalHits - gone.length), facets };
}
