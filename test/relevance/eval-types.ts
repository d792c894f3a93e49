import type { ModuleDocument, SearchEngine } from '../../src/search/search-engine.port';

/**
 * Shared between the relevance runner (run-relevance.ts) and the
 * free-options evaluation (free-options-eval.ts, optional: the runner calls
 * it when the file exists).
 */

/** One real listing (a row of ../shared/data/prakerja-isw2023/courses.csv) published as a module. */
export interface Listing {
  /** 1-based data row of courses.csv (the header is row 0). */
  rowId: number;
  title: string;
  /** The Prakerja category as written in the CSV. */
  category: string;
  provider: string;
  /** 0 for "Gratis". */
  priceIdr: number;
  /** Its index document, built by the app's own code path. */
  document: ModuleDocument;
}

/** The published catalogue the evaluation runs over. */
export interface RelevanceCatalogue {
  listings: Listing[];
  /** Every engine holds every listing's document: in-process always, Meilisearch when MEILI_URL is set. */
  engines: SearchEngine[];
}

/** The free-options figures of one engine. */
export interface FreeOptionsEvaluation {
  /** SearchEngine.name. */
  engine: string;
  profiles: number;
  /** Mean over the profiles of (relevant options among the first five) / 5. */
  precisionAt5: number;
  /** Optional extra figures, printed as they are (name → value). */
  extra?: Record<string, number>;
}

/** What test/relevance/free-options-eval.ts exports as `evaluateFreeOptions` (one result per engine of the catalogue). */
export type EvaluateFreeOptions = (catalogue: RelevanceCatalogue) => Promise<FreeOptionsEvaluation[]>;
