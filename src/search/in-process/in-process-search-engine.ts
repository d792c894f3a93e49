import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { emptyFacets } from '../facet-names';
import type { ModuleDocument, SearchEngine, SearchRequest, SearchResponse } from '../search-engine.port';
import { createWordMatcher, cropAndHighlight, highlightText } from '../text/highlight';
import { analyzeQuery } from '../text/query-analysis';
import { loadSearchLanguage, type SearchLanguage } from '../text/search-language';
import { FacetCounter, FilterPlan } from './filter-plan';
import { ModuleIndex } from './module-index';
import { firstInOrder, slotComparator } from './ranking';
import { TurnBudget } from './turn-budget';

export interface InProcessSearchEngineOptions {
  /** Stop words, synonyms and stemmer; loaded from src/search/data when omitted. */
  language?: SearchLanguage;
  /** CPU time searches may take per event-loop turn before the rest wait for the next (see TurnBudget). */
  searchBudgetPerTurnMs?: number;
}

const SEARCH_BUDGET_PER_TURN_MS = 8;

/**
 * The zero-setup engine: an inverted index in this process's memory (about
 * 100,000 modules), with Meilisearch's semantics. Searches run synchronously
 * on the current index object; rebuild fills a new one and swaps the reference.
 */
export class InProcessSearchEngine implements SearchEngine {
  readonly name = 'in-process';
  private readonly language: SearchLanguage;
  private index: ModuleIndex;
  /** While a rebuild runs, writes go to the index being built too, so the swap loses none. */
  private pending?: { index: ModuleIndex; deletedIds: Set<string> };
  private readonly turns: TurnBudget;

  constructor(options: InProcessSearchEngineOptions = {}) {
    this.language = options.language ?? loadSearchLanguage();
    this.turns = new TurnBudget(options.searchBudgetPerTurnMs ?? SEARCH_BUDGET_PER_TURN_MS);
    this.index = new ModuleIndex(this.language);
  }

  async applySettings(): Promise<void> {}

  async upsert(documents: ModuleDocument[]): Promise<void> {
    for (const document of documents) {
      this.index.upsert(document);
      if (this.pending) {
        this.pending.index.upsert(document);
        this.pending.deletedIds.delete(document.id);
      }
    }
  }

  async delete(ids: string[]): Promise<void> {
    for (const id of ids) {
      this.index.remove(id);
      if (this.pending) {
        this.pending.index.remove(id);
        this.pending.deletedIds.add(id);
      }
    }
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
    const ranked = firstInOrder(hits, hitCount, pageStart + request.pageSize, slotComparator(index, request.sort, cost));

    const matches = createWordMatcher(clauses, this.language.matchKey);
    return {
      hits: ranked.slice(pageStart).map((slot) => {
        const document = index.documents[slot]!;
        return {
          id: document.id,
          document,
          highlight: { title: highlightText(document.title, matches), summary: cropAndHighlight(document.summary, matches) },
        };
      }),
      totalHits: hitCount,
      facets: facets ? facets.result() : emptyFacets(),
      processingTimeMs: Math.round(performance.now() - started),
    };
  }

  async rebuild(batches: AsyncIterable<ModuleDocument[]>, onProgress?: (indexed: number) => void): Promise<number> {
    if (this.pending) throw new Error('A rebuild of the in-process search index is already running');
    const pending = { index: new ModuleIndex(this.language), deletedIds: new Set<string>() };
    this.pending = pending;
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
      this.index = pending.index;
      return pending.index.size;
    } finally {
      this.pending = undefined;
    }
  }

  async indexedVersions(): Promise<Map<string, number>> {
    return this.index.versions();
  }

  async isHealthy(): Promise<boolean> {
    return true;
  }
}
