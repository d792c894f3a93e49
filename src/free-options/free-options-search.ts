import type { ModuleDocument, SearchEngine, SearchFilters } from '../search/search-engine.port';
import type { SearchLanguage } from '../search/text/search-language';
import { browseFits, compareOptions, fuseSignals, nearDuplicatesLast, RankableModule, relevanceRanking, Signal } from './free-options-ranking';
import { relevanceClauses, titleWords } from './relevance-terms';

/** How many hits of each search take part in the ranking. */
export const POOL_SIZE = 50;

export interface FreeOptionsQuery {
  signals: Signal[];
  /** Rp0, and Rp1 too once the credit is exhausted (its fee is waived). */
  priceIdr: number[];
  /** Modules the beneficiary is enrolled in. */
  excludeIds: string[];
  /** At least this many candidates are gathered when the shelf has them. */
  first: number;
}

export interface FreeOptionCandidates {
  /** Fused fit of every related candidate; popular modules that no signal found are candidates without a score. */
  scores: Map<string, number>;
  /** The candidates' index documents: related ones by fit, then the popular fill, at most twice the page size. */
  documents: ModuleDocument[];
}

/**
 * Runs the searches of a free-options ranking on one engine: each distinct
 * term of the text signals once (the same filters everywhere), each category
 * browse, and a popularity browse that fills up and sizes the shelf for the
 * terms' idf. Both engines answer single terms the same way, so OR semantics
 * and term weights need nothing more from the search port.
 */
export async function gatherFreeOptions(engine: SearchEngine, language: SearchLanguage, query: FreeOptionsQuery): Promise<FreeOptionCandidates> {
  const filters: SearchFilters = { priceIdr: query.priceIdr, excludeIds: query.excludeIds };
  const pageSize = Math.max(POOL_SIZE, query.first);
  const search = (text: string, categorySlugs?: string[]) =>
    engine.search({ query: text, filters: { ...filters, categorySlugs }, sort: text ? 'RELEVANCE' : 'POPULARITY', page: 1, pageSize, facets: false });

  const clausesOf = new Map(query.signals.filter((signal) => !signal.categorySlugs).map((signal) => [signal, relevanceClauses(signal.query, language)]));
  const distinctTerms = [...new Set([...clausesOf.values()].flat().flatMap((clause) => [...clause.words, ...(clause.phrase ? [clause.phrase] : [])]))];
  const categorySignals = query.signals.filter((signal) => signal.categorySlugs);
  const [popular, termResponses, categoryResponses] = await Promise.all([
    search(''),
    Promise.all(distinctTerms.map((term) => search(term))),
    Promise.all(categorySignals.map((signal) => search('', signal.categorySlugs))),
  ]);

  const documents = new Map<string, ModuleDocument>();
  const remember = (hits: { id: string; document: ModuleDocument }[]) => hits.map((hit) => (documents.set(hit.id, hit.document), hit.id));
  const hitsOfTerm = new Map(distinctTerms.map((term, i) => [term, { ids: remember(termResponses[i].hits), totalHits: termResponses[i].totalHits }]));
  const scores = fuseSignals([
    ...[...clausesOf].map(([signal, clauses]) => ({
      weight: signal.weight,
      fits: relevanceRanking(
        clauses.map((clause) => ({ weight: clause.weight, words: clause.words.map((word) => hitsOfTerm.get(word)!), phrase: clause.phrase ? hitsOfTerm.get(clause.phrase) : undefined })),
        popular.totalHits,
      ),
    })),
    ...categorySignals.map((signal, i) => ({ weight: signal.weight, fits: browseFits(remember(categoryResponses[i].hits)) })),
  ]);
  remember(popular.hits);
  const popularIds = popular.hits.map((hit) => hit.id).filter((id) => !scores.has(id));
  const related = [...scores.keys()].sort((a, b) => scores.get(b)! - scores.get(a)! || (a < b ? -1 : 1));
  // Related first, then the popular fill; bounded, since the caller re-checks these rows in the database.
  const documentsInOrder = [...related, ...popularIds].slice(0, 2 * pageSize).map((id) => documents.get(id)!);
  return { scores, documents: documentsInOrder };
}

/** The first `first` options in order of fit (popularity and rating break ties), near-identical titles after the rest. */
export function orderOptions<T extends RankableModule & { title: string }>(modules: T[], scores: Map<string, number>, language: SearchLanguage, first: number): T[] {
  const ordered = [...modules].sort(compareOptions(scores));
  return nearDuplicatesLast(ordered, (module) => titleWords(module.title, language)).slice(0, first);
}
