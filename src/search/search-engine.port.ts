/**
 * The search port: the only way the rest of the service talks to a search
 * engine. Adapters: Meilisearch (production) and an in-process engine (the
 * zero-setup default). One contract test suite runs against both.
 */
import { ErrorCode } from '../common/domain-error';
import { UnavailableError } from '../common/unavailable-error';

export type Level = 'BEGINNER' | 'INTERMEDIATE' | 'ADVANCED';
export type DeliveryMode = 'SELF_PACED' | 'WEBINAR' | 'OFFLINE' | 'BLENDED';
export type ContributorKind = 'INDIVIDUAL' | 'ORGANIZATION';
export type SearchSort = 'RELEVANCE' | 'NEWEST' | 'RATING' | 'POPULARITY' | 'DURATION_ASC' | 'DURATION_DESC';

/** One PUBLISHED module as the index holds it. */
export interface ModuleDocument {
  id: string;
  /** The module's version; an upsert never replaces a document with a newer version. */
  version: number;
  slug: string;
  title: string;
  summary: string;
  description: string;
  skills: string[];
  categoryId: string;
  categorySlug: string;
  categoryName: string;
  contributorId: string;
  /** The organisation's name, else the person's (searchable). */
  contributorName: string;
  /** The contributor's own display name (User.displayName). */
  contributorDisplayName: string;
  contributorKind: ContributorKind;
  level: Level;
  language: string;
  deliveryMode: DeliveryMode;
  priceIdr: number;
  certificate: boolean;
  durationMinutes: number;
  ratingAverage: number | null;
  ratingCount: number;
  ratingSum: number;
  /**
   * Module.ratingScore with the mean of all ratings as it stood when the
   * document was written (the RATING sort's key); null while unrated.
   */
  ratingScore: number | null;
  /** At least one QUIZ lesson: completion verified by graded quizzes. */
  hasQuiz: boolean;
  enrollmentCount: number;
  completionCount: number;
  /** Epoch milliseconds. */
  publishedAt: number;
  /** The topics of job training its title and skills name (the topic lexicon): what the free options' filler is browsed by. */
  topics: string[];
}

export interface SearchFilters {
  categorySlugs?: string[];
  levels?: Level[];
  languages?: string[];
  deliveryModes?: DeliveryMode[];
  priceIdr?: number[];
  certificate?: boolean;
  minDurationMinutes?: number;
  maxDurationMinutes?: number;
  minRating?: number;
  contributorKinds?: ContributorKind[];
  hasQuiz?: boolean;
  /** Modules naming any of these topics (ModuleDocument.topics). */
  topics?: string[];
  /** Ids never returned (e.g. modules the beneficiary is enrolled in). */
  excludeIds?: string[];
}

export interface SearchRequest {
  /** Free text; empty browses. */
  query: string;
  filters: SearchFilters;
  sort: SearchSort;
  /** 1-based. */
  page: number;
  pageSize: number;
  /** Compute facet counts (each facet with every filter but its own). Default true. */
  facets?: boolean;
}

export type FacetName = 'category' | 'level' | 'language' | 'deliveryMode' | 'priceIdr' | 'certificate';

export interface FacetCount {
  value: string;
  count: number;
}

export interface SearchHit {
  id: string;
  /** The module as the index holds it: enough to answer a search result without reading the database. */
  document: ModuleDocument;
  /** Matched words wrapped in <mark></mark>; everything else HTML-escaped. */
  highlight: { title: string; summary: string };
}

export interface SearchResponse {
  hits: SearchHit[];
  totalHits: number;
  /** False when the engine stopped counting at its bound (Meilisearch's maxTotalHits): totalHits is then a lower bound. Absent means exact. */
  totalHitsExact?: boolean;
  facets: Record<FacetName, FacetCount[]>;
  processingTimeMs: number;
}

export interface SearchEngine {
  readonly name: string;
  /** Creates the index if needed and applies its settings; resolves once they are in force. */
  applySettings(): Promise<void>;
  upsert(documents: ModuleDocument[]): Promise<void>;
  delete(ids: string[]): Promise<void>;
  search(request: SearchRequest): Promise<SearchResponse>;
  /**
   * Builds a fresh index from the batches and swaps it in atomically; searches
   * keep answering from the old index meanwhile. Returns the number indexed.
   */
  rebuild(batches: AsyncIterable<ModuleDocument[]>, onProgress?: (indexed: number) => void): Promise<number>;
  /** Every indexed id with its version, for reconciliation with the database. */
  indexedVersions(): Promise<Map<string, number>>;
  /** True when the engine can serve requests. */
  isHealthy(): Promise<boolean>;
}

/** Thrown by adapters when the engine cannot be reached; clients get SEARCH_UNAVAILABLE, the message stays in the logs. */
export class SearchUnavailableError extends UnavailableError {
  constructor(message = 'The search engine cannot be reached', options?: { cause?: unknown }) {
    super(ErrorCode.SEARCH_UNAVAILABLE, 'Search is temporarily unavailable; retry later', message, options);
    this.name = 'SearchUnavailableError';
  }
}

export const SEARCH_ENGINE = Symbol('SEARCH_ENGINE');
