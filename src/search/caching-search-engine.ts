import { LRUCache } from 'lru-cache';
import type { ModuleDocument, SearchEngine, SearchRequest, SearchResponse } from './search-engine.port';
import { searchCacheKey } from './search-cache-key';

export interface SearchCacheOptions {
  /** Most answers kept; 0 (or maxBytes 0) turns the cache off. */
  maxEntries: number;
  /** Bound on the answers' estimated size (searchResponseBytes). */
  maxBytes: number;
  /**
   * Longest an answer is served. Unset: until the next write through this
   * object, for an engine only this process writes (in-process). Set for
   * Meilisearch, which other processes (a worker, other API replicas) write.
   */
  ttlMs?: number;
  /** The TTL's clock (tests); performance.now by default. */
  clock?: { now(): number };
}

export interface SearchCacheStats {
  hits: number;
  misses: number;
  entries: number;
  bytes: number;
}

/**
 * The search port with a bounded LRU of answers in front, keyed by the
 * normalised request (searchCacheKey). Every write through it (upsert,
 * delete, rebuild, settings) empties it once the write is done, and an
 * answer computed while a write ran is not kept: an answer is never older
 * than this process's last index change. Concurrent identical misses share
 * one engine search. Requests excluding ids (the free options of a
 * beneficiary with enrolments) are one person's and pass through uncached.
 *
 * Callers share cached answers: they must not modify them.
 */
export class CachingSearchEngine implements SearchEngine {
  readonly name: string;
  private readonly answers?: LRUCache<string, SearchResponse>;
  private readonly inFlight = new Map<string, Promise<SearchResponse>>();
  /** Bumped by every write; an answer is kept only if no write ended while it was computed. */
  private generation = 0;
  private hits = 0;
  private misses = 0;

  constructor(
    private readonly engine: SearchEngine,
    options: SearchCacheOptions,
  ) {
    this.name = engine.name;
    if (options.maxEntries > 0 && options.maxBytes > 0) {
      this.answers = new LRUCache<string, SearchResponse>({
        max: options.maxEntries,
        maxSize: options.maxBytes,
        sizeCalculation: searchResponseBytes,
        ttl: options.ttlMs,
        // Read the clock on every look-up (lru-cache otherwise reuses a reading for 1 ms by a timer).
        ttlResolution: 0,
        perf: options.clock,
      });
    }
  }

  search(request: SearchRequest): Promise<SearchResponse> {
    if (!this.answers || (request.filters.excludeIds?.length ?? 0) > 0) return this.engine.search(request);
    const key = searchCacheKey(request);
    const cached = this.answers.get(key);
    if (cached) {
      this.hits++;
      return Promise.resolve({ ...cached, processingTimeMs: 0 });
    }
    const running = this.inFlight.get(key);
    if (running) {
      this.hits++;
      return running;
    }
    this.misses++;
    const generation = this.generation;
    const answer = this.engine.search(request).then((response) => {
      if (this.generation === generation) this.answers!.set(key, response);
      return response;
    });
    this.inFlight.set(key, answer);
    const forget = () => {
      if (this.inFlight.get(key) === answer) this.inFlight.delete(key);
    };
    answer.then(forget, forget);
    return answer;
  }

  stats(): SearchCacheStats {
    return { hits: this.hits, misses: this.misses, entries: this.answers?.size ?? 0, bytes: this.answers?.calculatedSize ?? 0 };
  }

  applySettings(): Promise<void> {
    return this.writing(() => this.engine.applySettings());
  }

  upsert(documents: ModuleDocument[]): Promise<void> {
    return this.writing(() => this.engine.upsert(documents));
  }

  delete(ids: string[]): Promise<void> {
    return this.writing(() => this.engine.delete(ids));
  }

  async rebuild(batches: AsyncIterable<ModuleDocument[]>, onProgress?: (indexed: number) => void): Promise<number> {
    // Also at the start: the rebuild reloaded the curators' synonyms, which change answers at once.
    this.invalidate();
    return this.writing(() => this.engine.rebuild(batches, onProgress));
  }

  /** The engine behind the cache, for what the port does not cover (the in-process index's snapshot). */
  get uncached(): SearchEngine {
    return this.engine;
  }

  /** A write made on the uncached engine directly (restoring the in-process index): every answer forgotten after it. */
  writeThrough<T>(write: () => Promise<T>): Promise<T> {
    return this.writing(write);
  }

  indexedVersions(): Promise<Map<string, number>> {
    return this.engine.indexedVersions();
  }

  isHealthy(): Promise<boolean> {
    return this.engine.isHealthy();
  }

  /** The write, then (done or failed: it may have written part) every answer forgotten. */
  private async writing<T>(write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } finally {
      this.invalidate();
    }
  }

  private invalidate(): void {
    this.generation++;
    this.answers?.clear();
    // Searches already sent still answer their callers, but a request from now on waits for a fresh one.
    this.inFlight.clear();
  }
}

/** Per object and per string: a rough V8 overhead, so that many small answers also count. */
const OBJECT_BYTES = 64;
const STRING_BYTES = 16;

/**
 * An estimate of the memory an answer holds: string lengths (mostly one
 * byte a character in V8) plus a fixed overhead per object. Documents are
 * counted whole although the in-process engine shares them with its index,
 * so the bound holds for Meilisearch's parsed answers too.
 */
export function searchResponseBytes(response: SearchResponse): number {
  let bytes = OBJECT_BYTES * 2;
  for (const hit of response.hits) {
    bytes += OBJECT_BYTES * 2 + stringBytes(hit.id) + stringBytes(hit.highlight.title) + stringBytes(hit.highlight.summary) + documentBytes(hit.document);
  }
  for (const counts of Object.values(response.facets)) {
    bytes += OBJECT_BYTES;
    for (const count of counts) bytes += OBJECT_BYTES + stringBytes(count.value);
  }
  return bytes;
}

function documentBytes(document: ModuleDocument): number {
  let bytes = OBJECT_BYTES;
  for (const value of Object.values(document)) {
    if (typeof value === 'string') bytes += stringBytes(value);
    else if (Array.isArray(value)) bytes += OBJECT_BYTES + value.reduce((sum: number, item: unknown) => sum + (typeof item === 'string' ? stringBytes(item) : 8), 0);
    else bytes += 8;
  }
  return bytes;
}

function stringBytes(text: string): number {
  return STRING_BYTES + text.length;
}
