import { confidenceRating } from '../ratings/rating-score';
import type { PublishedState } from './module-documents';
import type { ContributorKind, ModuleDocument } from './search-engine.port';

/** What an index snapshot needs to equal the database's PUBLISHED modules. */
export interface CatchUpPlan {
  /** In the snapshot, no longer PUBLISHED: removed before anything is served. */
  gone: string[];
  /** PUBLISHED, but their documents differ from the database: read again. */
  stale: string[];
  /** PUBLISHED since the snapshot: read. */
  added: string[];
  /** Current but for the rating mean their RATING sort key was computed with: the key recomputed, nothing read. */
  rescored: ModuleDocument[];
}

export type ContributorNames = Map<string, { name: string; displayName: string; kind: ContributorKind }>;

/**
 * Compares the snapshot's documents with what the database holds now. A
 * document is current when its version (every content change bumps it), its
 * counters and its category's and contributor's names are the database's.
 */
export function planCatchUp(documents: readonly ModuleDocument[], state: PublishedState, contributors: ContributorNames): CatchUpPlan {
  const plan: CatchUpPlan = { gone: [], stale: [], added: [], rescored: [] };
  const seen = new Set<string>();
  for (const document of documents) {
    seen.add(document.id);
    const module = state.modules.get(document.id);
    if (!module) {
      plan.gone.push(document.id);
      continue;
    }
    const category = state.categories.get(module.categoryId);
    const contributor = contributors.get(module.contributorId);
    const current =
      document.version === module.version &&
      document.enrollmentCount === module.enrollmentCount &&
      document.completionCount === module.completionCount &&
      document.ratingSum === module.ratingSum &&
      document.ratingCount === module.ratingCount &&
      document.categoryId === module.categoryId &&
      document.categorySlug === category?.slug &&
      document.categoryName === category?.name &&
      document.contributorId === module.contributorId &&
      document.contributorName === contributor?.name &&
      document.contributorDisplayName === contributor?.displayName &&
      document.contributorKind === contributor?.kind;
    if (!current) {
      plan.stale.push(document.id);
      continue;
    }
    const ratingScore = confidenceRating(module.ratingSum, module.ratingCount, state.ratingMean);
    if (ratingScore !== document.ratingScore) plan.rescored.push({ ...document, ratingScore });
  }
  for (const id of state.modules.keys()) if (!seen.has(id)) plan.added.push(id);
  return plan;
}
