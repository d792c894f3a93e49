import {
  MeilisearchApiError,
  MeilisearchRequestError,
  MeilisearchRequestTimeOutError,
  type EnqueuedTaskPromise,
  type Meilisearch,
  type MultiSearchQuery,
  type Task,
} from 'meilisearch';
import { Logger } from '@nestjs/common';
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
import { meilisearchErrorCode, RebuildJournal, type JournalEntry } from './meilisearch-rebuild-journal';
import { DOCUMENT_ATTRIBUTES, meilisearchSort, moduleIndexSettings, toMeilisearchDocument, type MeilisearchModuleDocument } from './meilisearch-settings';
import { checkMeilisearchVersion } from './meilisearch-version';

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
  /**
   * pagination.maxTotalHits: Meilisearch counts and pages hits up to this
   * many; past it totalHits is this bound, marked not exact. Default 1,000
   * (Meilisearch's own default: 50 pages of 20).
   */
  maxTotalHits?: number;
  /** A rebuild journal older than this belongs to a rebuild that died; a new rebuild removes it. Default 6 h. */
  rebuildStaleAfterMs?: number;
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
  private readonly rebuildStaleAfterMs: number;
  private readonly journal: RebuildJournal;
  private readonly logger = new Logger(MeilisearchSearchEngine.name);
  /** Set once GET /version answered a supported version. */
  private versionChecked = false;
  /** The recreation of a missing index under way, shared by the requests that found it missing. */
  private healing?: Promise<void>;

  constructor(options: MeilisearchSearchEngineOptions) {
    this.client = options.client;
    this.language = options.language;
    this.indexUid = options.indexUid ?? 'modules';
    this.batchSize = options.batchSize ?? 1_000;
    this.taskTimeoutMs = options.taskTimeoutMs ?? 60_000;
    this.taskPollIntervalMs = options.taskPollIntervalMs ?? 50;
    this.maxTotalHits = options.maxTotalHits ?? 1_000;
    this.rebuildStaleAfterMs = options.rebuildStaleAfterMs ?? 6 * 3_600_000;
    this.journal = new RebuildJournal(this.client, this.indexUid, (enqueued, ignored) => this.runTask(enqueued, ignored));
  }

  /** Checks the server's version (refusing one too old), creates the index if missing and applies the settings. */
  applySettings(): Promise<void> {
    return this.guard(async () => {
      await this.checkVersion();
      await this.prepareIndex(this.indexUid);
    });
  }

  /**
   * While a rebuild runs (in any process), each batch is first recorded in
   * its journal, then written to the live index and to the fresh one.
   */
  upsert(documents: ModuleDocument[]): Promise<void> {
    return this.guard(async () => {
      for (const batch of chunks(newestPerId(documents), this.batchSize)) {
        const rebuild = await this.journal.current();
        const recorded = rebuild !== undefined && (await this.journal.record(batch.map((document) => ({ id: document.id, version: document.version, deleted: false, document: toMeilisearchDocument(document) }))));
        await this.withHealing(() => this.writeNewer(this.indexUid, batch.map(toMeilisearchDocument)));
        if (recorded) await this.writeToFreshIndex(rebuild.freshUid, (uid) => this.writeNewer(uid, batch.map(toMeilisearchDocument)));
      }
    });
  }

  delete(ids: string[]): Promise<void> {
    return this.guard(async () => {
      for (const batch of chunks(ids, this.batchSize)) {
        const rebuild = await this.journal.current();
        const recorded = rebuild !== undefined && (await this.journal.record(batch.map((id) => ({ id, version: 0, deleted: true }))));
        await this.withHealing(() => this.runTask(this.client.index(this.indexUid).deleteDocuments(batch)));
        if (recorded) await this.writeToFreshIndex(rebuild.freshUid, (uid) => this.runTask(this.client.index(uid).deleteDocuments(batch), ['index_not_found']));
      }
    });
  }

  search(request: SearchRequest): Promise<SearchResponse> {
    return this.answerSearch(async () => {
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
        // Meilisearch stops counting at maxTotalHits: a total there may be larger.
        totalHitsExact: (main.totalHits ?? 0) < this.maxTotalHits,
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

  /**
   * Fills `<uid>_rebuild_<ms>` from the batches and swaps it in. Its journal
   * (meilisearch-rebuild-journal.ts) tells every process to write there too;
   * batches never replace a newer document, and the journal is replayed after
   * the last batch, so writes and deletions made meanwhile survive the swap.
   */
  rebuild(batches: AsyncIterable<ModuleDocument[]>, onProgress?: (indexed: number) => void): Promise<number> {
    return this.guard(async () => {
      await this.checkVersion();
      await this.removeDeadRebuild();
      const freshUid = `${this.indexUid}_rebuild_${Date.now()}`;
      await this.prepareIndex(freshUid);
      await this.journal.begin(freshUid);
      try {
        let indexed = 0;
        for await (const batch of batches) {
          for (const part of chunks(batch, this.batchSize)) await this.writeNewer(freshUid, part.map(toMeilisearchDocument));
          indexed += batch.length;
          onProgress?.(indexed);
        }
        await this.replayJournal(freshUid, await this.journal.entries());
        await this.withHealing(() => this.checkIndexExists(this.indexUid));
        await this.journal.assertOwnedBy(freshUid);
        // No `rename` field: servers before 1.18 refuse it, and every version swaps without it.
        await this.runTask(this.client.swapIndexes([{ indexes: [this.indexUid, freshUid] } as Parameters<Meilisearch['swapIndexes']>[0][number]]));
        // The journal goes before the old documents (now under freshUid): a late writer that finds no journal deletes what it recreated.
        await this.journal.remove();
        await this.deleteIndex(freshUid);
        return indexed;
      } catch (error) {
        const owned = await this.journal.current().then((marker) => marker?.freshUid === freshUid, () => false);
        if (owned) await this.journal.remove().catch(() => undefined);
        await this.deleteIndex(freshUid).catch(() => undefined);
        throw error;
      }
    });
  }

  indexedVersions(): Promise<Map<string, number>> {
    return this.guard(() =>
      this.withHealing(async () => {
        const versions = new Map<string, number>();
        const pageSize = 1_000;
        for (let offset = 0; ; offset += pageSize) {
          const page = await this.client.index(this.indexUid).getDocuments<Pick<ModuleDocument, 'id' | 'version'>>({ fields: ['id', 'version'], limit: pageSize, offset });
          for (const document of page.results) versions.set(document.id, document.version);
          if (page.results.length < pageSize) return versions;
        }
      }),
    );
  }

  isHealthy(): Promise<boolean> {
    return this.client.isHealthy();
  }

  private async checkVersion(): Promise<void> {
    if (this.versionChecked) return;
    checkMeilisearchVersion((await this.client.getVersion()).pkgVersion);
    this.versionChecked = true;
  }

  /** Creates the index if missing and applies the settings, waiting for both tasks. */
  private async prepareIndex(uid: string): Promise<void> {
    await this.runTask(this.client.createIndex(uid, { primaryKey: 'id' }), ['index_already_exists']);
    await this.runTask(this.client.index(uid).updateSettings(moduleIndexSettings(this.language, this.maxTotalHits)));
  }

  private async checkIndexExists(uid: string): Promise<void> {
    await this.client.index(uid).getRawInfo();
  }

  private async deleteIndex(uid: string): Promise<void> {
    await this.runTask(this.client.deleteIndex(uid), ['index_not_found']);
  }

  /**
   * Runs an operation on the live index; if the index is missing (Meilisearch
   * was empty at start or lost its data), recreates it with its settings and
   * runs the operation once more.
   */
  private async withHealing<T>(operation: () => Promise<T>): Promise<T> {
    try {
      return await operation();
    } catch (error) {
      if (meilisearchErrorCode(error) !== 'index_not_found') throw error;
      this.logger.warn(`Meilisearch index ${this.indexUid} is missing: recreating it with its settings`);
      this.healing ??= (async () => {
        await this.checkVersion();
        await this.prepareIndex(this.indexUid);
      })().finally(() => (this.healing = undefined));
      await this.healing;
      return operation();
    }
  }

  /**
   * A write to a rebuild's fresh index. Meilisearch creates an index on any
   * document write, so a write landing after the rebuild deleted the index
   * recreates it: when no rebuild owns it any more, it is deleted again.
   */
  private async writeToFreshIndex(freshUid: string, write: (uid: string) => Promise<unknown>): Promise<void> {
    try {
      await write(freshUid);
    } catch (error) {
      // Gone: the rebuild ended (swapped or failed) since the journal was read.
      if (meilisearchErrorCode(error) !== 'index_not_found') throw error;
    }
    if ((await this.journal.current())?.freshUid !== freshUid) await this.deleteIndex(freshUid);
  }

  /** Applies the journal to the fresh index: deletions, and documents newer than the batches wrote. */
  private async replayJournal(freshUid: string, entries: JournalEntry[]): Promise<void> {
    const deleted = entries.filter((entry) => entry.deleted).map((entry) => entry.id);
    const written = entries.flatMap((entry) => (entry.deleted || !entry.document ? [] : [entry.document]));
    for (const batch of chunks(deleted, this.batchSize)) await this.runTask(this.client.index(freshUid).deleteDocuments(batch));
    for (const batch of chunks(written, this.batchSize)) await this.writeNewer(freshUid, batch);
  }

  /** A journal left by a rebuild that died is removed with its fresh index; a live one refuses a second rebuild. */
  private async removeDeadRebuild(): Promise<void> {
    const running = await this.journal.current();
    if (!running) return;
    if (Date.now() - running.startedAt < this.rebuildStaleAfterMs) {
      throw new Error(`A rebuild of the Meilisearch index is already running (into ${running.freshUid}, since ${new Date(running.startedAt).toISOString()})`);
    }
    await this.journal.remove();
    await this.deleteIndex(running.freshUid);
  }

  /**
   * Writes the documents not older than the stored ones (Meilisearch has no
   * conditional write: read, then write). Skips a fresh index that is gone
   * rather than recreating it.
   */
  private async writeNewer(uid: string, documents: MeilisearchModuleDocument[]): Promise<void> {
    const stored = await this.client.index(uid).getDocuments<Pick<ModuleDocument, 'id' | 'version'>>({
      filter: [`id IN [${documents.map((document) => quoteFilterValue(document.id)).join(', ')}]`],
      fields: ['id', 'version'],
      limit: documents.length,
    });
    const storedVersions = new Map(stored.results.map((document) => [document.id, document.version]));
    const current = documents.filter((document) => document.version >= (storedVersions.get(document.id) ?? -Infinity));
    if (current.length > 0) await this.runTask(this.client.index(uid).addDocuments(current, { primaryKey: 'id' }));
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

  /**
   * A search heals a missing index; any other refusal by Meilisearch is
   * logged and answered as SEARCH_UNAVAILABLE, never as an internal error.
   */
  private async answerSearch<T>(operation: () => Promise<T>): Promise<T> {
    try {
      return await this.guard(() => this.withHealing(operation));
    } catch (error) {
      if (error instanceof SearchUnavailableError) throw error;
      this.logger.error(`Meilisearch refused a search: ${error instanceof Error ? error.message : String(error)}`);
      throw new SearchUnavailableError('The search engine refused the request', { cause: error });
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
 * that differs: the key finds every inflection and spelling through the keys
 * attribute, and Meilisearch adds typo tolerance, prefix matching on the last
 * word and the (key-aware) synonyms. A trailing space when the last word is
 * no prefix (typed before a space, cut by the word limit, or not the query's
 * last), as Meilisearch reads it.
 */
export function meilisearchQuery(clauses: readonly QueryClause[]): string {
  const words = typedWords(clauses);
  const q = words.map((word) => word.key).join(' ');
  return words.length > 0 && !words[words.length - 1].prefix ? `${q} ` : q;
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
