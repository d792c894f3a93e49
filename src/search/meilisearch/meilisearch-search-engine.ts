import {
  MeilisearchApiError,
  MeilisearchRequestError,
  MeilisearchRequestTimeOutError,
  type EnqueuedTaskPromise,
  type Meilisearch,
  type MultiSearchQuery,
  type Task,
} from 'meilisearch';
import { FACET_ATTRIBUTES, FACET_NAMES, emptyFacets, sortFacetCounts } from '../facet-names';
import {
  SearchUnavailableError,
  type FacetCount,
  type ModuleDocument,
  type SearchEngine,
  type SearchRequest,
  type SearchResponse,
} from '../search-engine.port';
import { createWordMatcher, cropAndHighlight, highlightText } from '../text/highlight';
import { analyzeQuery, typedWords, type QueryClause } from '../text/query-analysis';
import type { SearchLanguage } from '../text/search-language';
import { filterExpressions, filteredFacets, quoteFilterValue } from './meilisearch-filters';
import { DOCUMENT_ATTRIBUTES, meilisearchSort, moduleIndexSettings, toMeilisearchDocument } from './meilisearch-settings';

export interface MeilisearchSearchEngineOptions {
  client: Meilisearch;
  language: SearchLanguage;
  /** Default 'modules'. */
  indexUid?: string;
  /** Documents per write request. Default 1,000. */
  batchSize?: number;
  /** How long to wait for one task. Default 60 s. */
  taskTimeoutMs?: number;
  /** Task polling interval. Default 50 ms. */
  taskPollIntervalMs?: number;
  /** Meilisearch counts hits exactly up to this many. Default 100,000. */
  maxTotalHits?: number;
}

/** A Meilisearch task that ended failed or canceled; the message is the task's. */
export class SearchTaskFailedError extends Error {
  constructor(readonly task: Task) {
    super(`Meilisearch task ${task.uid} (${task.type}) ${task.status}: ${task.error?.message ?? 'no error message'}`);
    this.name = 'SearchTaskFailedError';
  }
}

type ModuleHit = ModuleDocument;

/**
 * The production engine: Meilisearch through the official client. Writes are
 * enqueued tasks, so every write waits for its task and raises a failed one.
 * Facet counts are disjunctive: one multi-search with the hits query plus one
 * query per filtered facet, without that facet's own filter.
 */
export class MeilisearchSearchEngine implements SearchEngine {
  readonly name = 'meilisearch';
  readonly indexUid: string;
  private readonly client: Meilisearch;
  private readonly language: SearchLanguage;
  private readonly batchSize: number;
  private readonly taskTimeoutMs: number;
  private readonly taskPollIntervalMs: number;
  private readonly maxTotalHits: number;
  /** The index a running rebuild fills; writes meanwhile go there too, so the swap loses none. */
  private rebuildingUid?: string;

  constructor(options: MeilisearchSearchEngineOptions) {
    this.client = options.client;
    this.language = options.language;
    this.indexUid = options.indexUid ?? 'modules';
    this.batchSize = options.batchSize ?? 1_000;
    this.taskTimeoutMs = options.taskTimeoutMs ?? 60_000;
    this.taskPollIntervalMs = options.taskPollIntervalMs ?? 50;
    this.maxTotalHits = options.maxTotalHits ?? 100_000;
  }

  applySettings(): Promise<void> {
    return this.guard(() => this.prepareIndex(this.indexUid));
  }

  upsert(documents: ModuleDocument[]): Promise<void> {
    return this.guard(async () => {
      for (const batch of chunks(newestPerId(documents), this.batchSize)) {
        const current = await this.withoutStaleVersions(batch);
        if (current.length === 0) continue;
        for (const uid of this.writeTargets()) {
          await this.runTask(this.client.index(uid).addDocuments(current.map(toMeilisearchDocument), { primaryKey: 'id' }));
        }
      }
    });
  }

  delete(ids: string[]): Promise<void> {
    return this.guard(async () => {
      for (const batch of chunks(ids, this.batchSize)) {
        for (const uid of this.writeTargets()) await this.runTask(this.client.index(uid).deleteDocuments(batch));
      }
    });
  }

  search(request: SearchRequest): Promise<SearchResponse> {
    return this.guard(async () => {
      const started = performance.now();
      const clauses = analyzeQuery(request.query, this.language);
      const withFacets = request.facets !== false;
      const widenedFacets = withFacets ? filteredFacets(request.filters) : [];
      const searchFor = async (q: string) => {
        const common = { indexUid: this.indexUid, q, matchingStrategy: MATCHING_STRATEGY };
        const queries: MultiSearchQuery[] = [
          {
            ...common,
            filter: filterExpressions(request.filters),
            sort: meilisearchSort(request.sort, clauses.length > 0),
            page: request.page,
            hitsPerPage: request.pageSize,
            facets: withFacets ? FACET_NAMES.filter((facet) => !widenedFacets.includes(facet)).map((facet) => FACET_ATTRIBUTES[facet]) : undefined,
            attributesToRetrieve: DOCUMENT_ATTRIBUTES,
          },
          ...widenedFacets.map((facet) => ({
            ...common,
            filter: filterExpressions(request.filters, facet),
            page: 1,
            hitsPerPage: 0,
            facets: [FACET_ATTRIBUTES[facet]],
            attributesToRetrieve: ['id'],
          })),
        ];
        const { results } = await this.client.multiSearch<{ queries: MultiSearchQuery[] }, ModuleHit>({ queries });
        return results;
      };
      let [main, ...widened] = await searchFor(meilisearchQuery(clauses));
      if ((main.totalHits ?? main.hits.length) === 0 && clauses.length > 1) {
        // "frequency" keeps a word matching nothing to the end, emptying the answer: ask again without such words.
        const matching = await this.clausesWithMatches(clauses);
        if (matching.length > 0 && matching.length < clauses.length) [main, ...widened] = await searchFor(meilisearchQuery(matching));
      }

      const facets = emptyFacets();
      if (withFacets) {
        const distributions = { ...main.facetDistribution };
        for (const result of widened) Object.assign(distributions, result.facetDistribution);
        for (const facet of FACET_NAMES) facets[facet] = facetCounts(distributions[FACET_ATTRIBUTES[facet]]);
      }
      const matches = createWordMatcher(clauses, this.language.matchKey);
      return {
        hits: main.hits.map((hit) => ({
          id: hit.id,
          document: hit,
          highlight: { title: highlightText(hit.title, matches), summary: cropAndHighlight(hit.summary, matches) },
        })),
        totalHits: main.totalHits ?? main.estimatedTotalHits ?? main.hits.length,
        facets,
        processingTimeMs: Math.round(performance.now() - started),
      };
    });
  }

  /** The clauses matching at least one document on their own (one request, a count per clause). */
  private async clausesWithMatches(clauses: readonly QueryClause[]): Promise<QueryClause[]> {
    const queries: MultiSearchQuery[] = clauses.map((clause) => ({ indexUid: this.indexUid, q: meilisearchQuery([clause]), page: 1, hitsPerPage: 0, attributesToRetrieve: ['id'] }));
    const { results } = await this.client.multiSearch<{ queries: MultiSearchQuery[] }, ModuleHit>({ queries });
    return clauses.filter((_, index) => (results[index].totalHits ?? 0) > 0);
  }

  rebuild(batches: AsyncIterable<ModuleDocument[]>, onProgress?: (indexed: number) => void): Promise<number> {
    return this.guard(async () => {
      if (this.rebuildingUid) throw new Error('A rebuild of the Meilisearch index is already running');
      const freshUid = `${this.indexUid}_rebuild_${Date.now()}`;
      this.rebuildingUid = freshUid;
      try {
        await this.prepareIndex(freshUid);
        let indexed = 0;
        for await (const batch of batches) {
          for (const part of chunks(batch, this.batchSize)) {
            await this.runTask(this.client.index(freshUid).addDocuments(part.map(toMeilisearchDocument), { primaryKey: 'id' }));
          }
          indexed += batch.length;
          onProgress?.(indexed);
        }
        await this.prepareIndex(this.indexUid);
        await this.runTask(this.client.swapIndexes([{ indexes: [this.indexUid, freshUid], rename: false }]));
        // After the swap, freshUid holds the previous documents.
        await this.runTask(this.client.deleteIndex(freshUid));
        return indexed;
      } catch (error) {
        await this.client.deleteIndexIfExists(freshUid).catch(() => undefined);
        throw error;
      } finally {
        this.rebuildingUid = undefined;
      }
    });
  }

  indexedVersions(): Promise<Map<string, number>> {
    return this.guard(async () => {
      const versions = new Map<string, number>();
      const pageSize = 1_000;
      for (let offset = 0; ; offset += pageSize) {
        const page = await this.client.index(this.indexUid).getDocuments<Pick<ModuleDocument, 'id' | 'version'>>({ fields: ['id', 'version'], limit: pageSize, offset });
        for (const document of page.results) versions.set(document.id, document.version);
        if (page.results.length < pageSize) return versions;
      }
    });
  }

  isHealthy(): Promise<boolean> {
    return this.client.isHealthy();
  }

  /** Creates the index if missing and applies the settings, waiting for both tasks. */
  private async prepareIndex(uid: string): Promise<void> {
    await this.runTask(this.client.createIndex(uid, { primaryKey: 'id' }), ['index_already_exists']);
    await this.runTask(this.client.index(uid).updateSettings(moduleIndexSettings(this.language, this.maxTotalHits)));
  }

  private writeTargets(): string[] {
    return this.rebuildingUid ? [this.indexUid, this.rebuildingUid] : [this.indexUid];
  }

  /** Drops documents whose stored version is newer (the index has no conditional write). */
  private async withoutStaleVersions(documents: ModuleDocument[]): Promise<ModuleDocument[]> {
    const stored = await this.client.index(this.indexUid).getDocuments<Pick<ModuleDocument, 'id' | 'version'>>({
      filter: [`id IN [${documents.map((document) => quoteFilterValue(document.id)).join(', ')}]`],
      fields: ['id', 'version'],
      limit: documents.length,
    });
    const storedVersions = new Map(stored.results.map((document) => [document.id, document.version]));
    return documents.filter((document) => document.version >= (storedVersions.get(document.id) ?? -Infinity));
  }

  private async runTask(enqueued: EnqueuedTaskPromise, ignoredErrorCodes: string[] = []): Promise<Task> {
    const task = await enqueued.waitTask({ timeout: this.taskTimeoutMs, interval: this.taskPollIntervalMs });
    if (task.status === 'succeeded') return task;
    if (task.status === 'failed' && task.error && ignoredErrorCodes.includes(task.error.code)) return task;
    throw new SearchTaskFailedError(task);
  }

  /** Unreachable Meilisearch (network error, timeout, 5xx) becomes SearchUnavailableError. */
  private async guard<T>(operation: () => Promise<T>): Promise<T> {
    try {
      return await operation();
    } catch (error) {
      const unreachable =
        error instanceof MeilisearchRequestError ||
        error instanceof MeilisearchRequestTimeOutError ||
        (error instanceof MeilisearchApiError && error.response.status >= 500);
      if (unreachable) throw new SearchUnavailableError(undefined, { cause: error });
      throw error;
    }
  }
}

/**
 * Meilisearch's matchingStrategy: every word first, then the most frequent
 * words dropped first, as the in-process engine does (docs/search.md).
 */
export const MATCHING_STRATEGY = 'frequency' as const;

/**
 * The typed words, each replaced by its match key (stem, spelling folded) when
 * that differs: the key finds every inflection and spelling through the keys attribute, and Meilisearch adds typo
 * tolerance, prefix matching on the last word and the (stem-aware) synonyms.
 */
export function meilisearchQuery(clauses: readonly QueryClause[]): string {
  return typedWords(clauses)
    .map((word) => word.key)
    .join(' ');
}

function facetCounts(distribution: Record<string, number> | undefined): FacetCount[] {
  return sortFacetCounts(Object.entries(distribution ?? {}).map(([value, count]) => ({ value, count })));
}

function newestPerId(documents: ModuleDocument[]): ModuleDocument[] {
  const newest = new Map<string, ModuleDocument>();
  for (const document of documents) {
    const kept = newest.get(document.id);
    if (!kept || document.version >= kept.version) newest.set(document.id, document);
  }
  return [...newest.values()];
}

function chunks<T>(items: T[], size: number): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < items.length; start += size) result.push(items.slice(start, start + size));
  return result;
}
