import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { emptyFacets } from '../facet-names';
import type { ModuleDocument, SearchEngine, SearchRequest, SearchResponse } from '../search-engine.port';
import { createWordMatcher, cropAndHighlight, highlightText } from '../text/highlight';
import { analyzeQuery } from '../text/query-analysis';
import { loadSearchLanguage, type SearchLanguage } from '../text/search-language';
import { FacetCounter, FilterPlan } from './filter-plan';
import { ModuleIndex, type IndexState } from './module-index';
import { firstInOrder, slotOrder } from './ranking';
import { TurnBudget } from './turn-budget';

export interface InProcessSearchEngineOptions {
  /** Stop words, synonyms and stemmer; loaded from src/search/data when omitted. */
  language?: SearchLanguage;
  /** CPU time searches may take per event-loop turn before the rest wait for the next (see TurnBudget). */
  searchBudgetPerTurnMs?: number;
}

const SEARCH_BUDGET_PER_TURN_MS = 8;
const ASCII_ONLY = /^[\x00-\x7F]*$/;

/** What a snapshot's catch-up may do to the index being restored. */
export interface IndexWriter {
  upsert(documents: ModuleDocument[]): void;
  delete(ids: string[]): void;
  /** The documents the restored index holds now. */
  documents(): ModuleDocument[];
}

/**
 * The zero-setup engine: an inverted index in this process's memory (about
 * 100,000 modules), with Meilisearch's semantics. Searches run synchronously
 * on the current index object; rebuild fills a new one and swaps the reference.
 */
export class InProcessSearchEngine implements SearchEngine {
  readonly name = 'in-process';
  private readonly language: SearchLanguage;
  private index: ModuleIndex;
  /**
   * While a rebuild or a restore runs, writes go to the index being built too,
   * so the swap loses none; the ids they touched are not overwritten by it.
   */
  private pending?: { index: ModuleIndex; deletedIds: Set<string>; writtenIds: Set<string> };
  private readonly turns: TurnBudget;
  private changes = 0;

  constructor(options: InProcessSearchEngineOptions = {}) {
    this.language = options.language ?? loadSearchLanguage();
    this.turns = new TurnBudget(options.searchBudgetPerTurnMs ?? SEARCH_BUDGET_PER_TURN_MS);
    this.index = new ModuleIndex(this.language);
  }

  async applySettings(): Promise<void> {}

  async upsert(documents: ModuleDocument[]): Promise<void> {
    this.changes++;
    for (const document of documents) {
      this.index.upsert(document);
      if (this.pending) {
        this.pending.index.upsert(document);
        this.pending.deletedIds.delete(document.id);
        this.pending.writtenIds.add(document.id);
      }
    }
  }

  async delete(ids: string[]): Promise<void> {
    this.changes++;
    for (const id of ids) {
      this.index.remove(id);
      if (this.pending) {
        this.pending.index.remove(id);
        this.pending.deletedIds.add(id);
        this.pending.writtenIds.add(id);
      }
    }
  }

  /** Grows with every write, rebuild and restore: a snapshot taken at one value is current until it moves. */
  get changeCount(): number {
    return this.changes;
  }

  search(request: SearchRequest): Promise<SearchResponse> {
    return this.turns.run(() => this.searchNow(request));
  }

  private searchNow(request: SearchRequest): SearchResponse {
    const started = performance.now();
    const index = this.index;
    const clauses = analyzeQuery(request.query, this.language);
    const matched = clauses.length > 0 ? index.matchClauses(clauses) : undefined;

    const plan = new FilterPlan(index, request.filters);
    const facets = request.facets !== false ? new FacetCounter(index) : undefined;
    const candidates = matched ? matched.slots : index.liveSlots();
    const candidateCount = matched ? matched.length : candidates.length;
    let hits = candidates;
    let hitCount = candidateCount;
    if (plan.isEmpty) {
      facets?.addPassing(candidates, candidateCount);
    } else {
      hits = new Int32Array(candidateCount);
      hitCount = 0;
      for (let i = 0; i < candidateCount; i++) {
        const slot = candidates[i];
        const rejected = plan.rejections(slot);
        if (rejected === 0) hits[hitCount++] = slot;
        facets?.add(slot, rejected);
      }
    }

    const cost = matched ? index.costsBySlot(matched) : undefined;
    const pageStart = (Math.max(1, request.page) - 1) * request.pageSize;
    const ranked = firstInOrder(hits, hitCount, pageStart + request.pageSize, slotOrder(index, request.sort, cost));

    const matches = createWordMatcher(clauses, this.language.matchKey);
    const queryKeys = clauses.flatMap((clause) => clause.alternatives.flatMap((alternative) => alternative.words.map((word) => word.key)));
    const asciiMatches = createWordMatcher(clauses, this.language.matchKey, index.wordsWithKeys(queryKeys));
    const matcherFor = (text: string) => (ASCII_ONLY.test(text) ? asciiMatches : matches);
    return {
      hits: ranked.slice(pageStart).map((slot) => {
        const document = index.documents[slot]!;
        const { title, summary } = document;
        return {
          id: document.id,
          document,
          highlight: { title: highlightText(title, matcherFor(title)), summary: cropAndHighlight(summary, matcherFor(summary)) },
        };
      }),
      totalHits: hitCount,
      facets: facets ? facets.result() : emptyFacets(),
      processingTimeMs: Math.round(performance.now() - started),
    };
  }

  async rebuild(batches: AsyncIterable<ModuleDocument[]>, onProgress?: (indexed: number) => void): Promise<number> {
    const pending = this.startPending(new ModuleIndex(this.language));
    try {
      let indexed = 0;
      for await (const batch of batches) {
        for (const document of batch) {
          if (!pending.deletedIds.has(document.id)) pending.index.upsert(document);
        }
        indexed += batch.length;
        onProgress?.(indexed);
        // Let searches and writes in between batches.
        await yieldToEventLoop();
      }
      this.swapIn(pending.index);
      return pending.index.size;
    } finally {
      this.pending = undefined;
    }
  }

  /** The current index as plain arrays, for a snapshot (synchronous: a consistent copy). */
  exportState(): IndexState {
    return this.index.exportState();
  }

  /**
   * Serves the index of a snapshot once `catchUp` has brought it in line
   * with the database through the writer it is given; searches keep the
   * current index meanwhile. Writes made meanwhile reach the restored index
   * too, and the catch-up leaves the ids they touched alone (theirs is the
   * newer state). Throws, serving nothing of it, when the snapshot's postings
   * are not what this code's tokenising gives (`sample` documents checked).
   */
  async restore(state: IndexState, catchUp: (writer: IndexWriter) => Promise<void>, sample = 64): Promise<number> {
    const index = ModuleIndex.fromState(this.language, state);
    const step = Math.max(1, Math.floor(index.slotCount / sample));
    for (let slot = 0; slot < index.slotCount; slot += step) {
      if (!index.matchesTokenising(slot)) throw new Error(`the snapshot's terms of module ${index.ids[slot]} differ from this code's tokenising`);
    }
    const pending = this.startPending(index);
    try {
      await catchUp({
        upsert: (documents) => {
          for (const document of documents) {
            if (pending.writtenIds.has(document.id)) continue;
            // The database is the truth, also when it holds an older version than the snapshot (a restored backup).
            const slot = index.slotOf(document.id);
            if (slot !== undefined && index.documents[slot]!.version > document.version) index.remove(document.id);
            index.upsert(document);
          }
        },
        delete: (ids) => {
          for (const id of ids) if (!pending.writtenIds.has(id)) index.remove(id);
        },
        documents: () => index.documents.filter((document): document is ModuleDocument => document !== undefined),
      });
      this.swapIn(index);
      return index.size;
    } finally {
      this.pending = undefined;
    }
  }

  private startPending(index: ModuleIndex) {
    if (this.pending) throw new Error('A rebuild of the in-process search index is already running');
    this.pending = { index, deletedIds: new Set<string>(), writtenIds: new Set<string>() };
    return this.pending;
  }

  private swapIn(index: ModuleIndex): void {
    this.index = index;
    this.changes++;
  }

  async indexedVersions(): Promise<Map<string, number>> {
    return this.index.versions();
  }

  async isHealthy(): Promise<boolean> {
    return true;
  }
}
