import SearchableMap from 'minisearch/SearchableMap';
import { FACET_NAMES } from '../facet-names';
import type { ModuleDocument } from '../search-engine.port';
import { allowedTypos } from '../text/edit-distance';
import { tokenize } from '../text/normalize';
import type { QueryAlternative, QueryClause, QueryWord } from '../text/query-analysis';
import type { SearchLanguage } from '../text/search-language';
import { FacetTuples } from './facet-tuples';
import { facetColumn } from './filter-plan';
import { Postings } from './postings';
import { SlotScratch, type ScoredSlots } from './scored-slots';
import { ValueColumn } from './value-column';

/** Searchable attributes in relevance order (title matches weigh most). */
const SEARCHABLE_FIELDS: readonly ((document: ModuleDocument) => string)[] = [
  (document) => document.title,
  (document) => document.skills.join(' '),
  (document) => document.summary,
  (document) => document.categoryName,
  (document) => document.contributorName,
  (document) => document.description,
];

/**
 * Costs of a match; lower ranks higher. The magnitudes make them
 * lexicographic, like Meilisearch's ranking rules: words (per query word
 * dropped), then typos, the attribute and exactness (stem, spelling, prefix
 * or synonym rather than the word itself), the last three summed over the
 * matched words. Ten words of two typos each stay below one WORDS_COST.
 */
export const WORDS_COST = 100_000_000;
export const TYPO_COST = 1_000_000;
export const FIELD_COST = 1_000;
export const INEXACT_COST = 1;

/**
 * Typo expansion is skipped for a word whose exact and match-key forms already
 * match this share of the documents (and at least MIN_COMMON_WORD_DOCUMENTS):
 * its exact matches rank first anyway, and its misspelled neighbours would
 * add little but cost a lot.
 */
const COMMON_WORD_SHARE = 0.05;
const MIN_COMMON_WORD_DOCUMENTS = 1_000;
/** At most this many misspelled-neighbour terms per word (closest, then most frequent, first). */
const MAX_TYPO_TERMS = 32;
/** Prefix expansion stops adding terms (most frequent first) beyond this many postings. */
const PREFIX_POSTINGS_BUDGET = 300_000;

/**
 * A ModuleIndex as plain arrays, for the snapshot on disk: the live documents
 * in slot order (slot = position) and, per term (term id = position), its
 * postings as a run of the concatenated slot and field arrays.
 */
export interface IndexState {
  documents: ModuleDocument[];
  terms: string[];
  postingLengths: Int32Array;
  postingSlots: Int32Array;
  postingFields: Uint8Array;
}

interface TermExpansion {
  term: number;
  cost: number;
}

/**
 * The in-process inverted index: documents in numbered slots with columns for
 * filters, facets and sorts, and per term the slots containing it. The term
 * dictionary is MiniSearch's radix tree (prefix and fuzzy look-ups).
 */
export class ModuleIndex {
  readonly documents: (ModuleDocument | undefined)[] = [];
  /** Ids per slot, kept apart from the documents for the tie-breaking comparisons. */
  readonly ids: string[] = [];
  readonly category = new ValueColumn();
  readonly level = new ValueColumn();
  readonly language = new ValueColumn();
  readonly deliveryMode = new ValueColumn();
  readonly price = new ValueColumn();
  readonly certificate = new ValueColumn();
  readonly contributorKind = new ValueColumn();
  /** The facet columns' codes of each slot as one combination, in FACET_NAMES order. */
  readonly facetTuples = new FacetTuples(FACET_NAMES.length);
  readonly durationMinutes: number[] = [];
  /** NaN when the module has no rating yet. */
  readonly ratingAverage: number[] = [];
  readonly ratingCount: number[] = [];
  /** NaN when the module has no rating yet. */
  readonly ratingScore: number[] = [];
  readonly hasQuiz: boolean[] = [];
  readonly enrollmentCount: number[] = [];
  readonly publishedAt: number[] = [];

  private readonly slotById = new Map<string, number>();
  /** Exact look-ups go to the Map (fast); prefix and fuzzy look-ups to the radix tree. */
  private readonly termIds = new Map<string, number>();
  private readonly termTree = new SearchableMap<number>();
  private readonly postings: Postings[] = [];
  /** Terms by match key (stem, spelling folded). */
  private readonly termsByKey = new Map<string, number[]>();
  /** Each term's text, by term id. */
  private readonly termTexts: string[] = [];
  private stopWordsByKey?: Map<string, string[]>;
  private readonly scratch = new SlotScratch();
  private liveSlotCache?: Int32Array;
  private denseCosts = new Float64Array(0);

  constructor(private readonly text: SearchLanguage) {}

  /**
   * The index from a state exportState() gave: no tokenising, so far faster
   * than adding the documents. The match keys are computed again with this
   * language; the terms are trusted (see matchesTokenising).
   */
  static fromState(text: SearchLanguage, state: IndexState): ModuleIndex {
    const index = new ModuleIndex(text);
    for (const document of state.documents) index.place(document);
    let offset = 0;
    state.terms.forEach((term, position) => {
      const end = offset + state.postingLengths[position];
      index.termId(term, Postings.over(state.postingSlots.subarray(offset, end), state.postingFields.subarray(offset, end)));
      offset = end;
    });
    return index;
  }

  /** The live documents and postings, slots renumbered without the gaps removals left; terms without documents dropped. */
  exportState(): IndexState {
    const newSlots = new Int32Array(this.documents.length).fill(-1);
    const documents: ModuleDocument[] = [];
    this.documents.forEach((document, slot) => {
      if (document) newSlots[slot] = documents.push(document) - 1;
    });
    const terms: string[] = [];
    const lengths: number[] = [];
    let total = 0;
    for (const [term, id] of this.termIds) {
      const length = this.postings[id].length;
      if (length === 0) continue;
      terms.push(term);
      lengths.push(length);
      total += length;
    }
    const postingSlots = new Int32Array(total);
    const postingFields = new Uint8Array(total);
    let offset = 0;
    for (const term of terms) {
      const { slots, fields, length } = this.postings[this.termIds.get(term)!];
      for (let i = 0; i < length; i++) postingSlots[offset + i] = newSlots[slots[i]];
      postingFields.set(fields.subarray(0, length), offset);
      offset += length;
    }
    return { documents, terms, postingLengths: Int32Array.from(lengths), postingSlots, postingFields };
  }

  /**
   * Whether the document in `slot` is in the postings of every term this
   * code's tokenising gives it, with the same field: a snapshot written by
   * code that tokenised differently fails this on a sample of documents.
   */
  matchesTokenising(slot: number): boolean {
    const document = this.documents[slot];
    if (!document) return false;
    for (const [term, field] of this.termFields(document)) {
      const id = this.termIds.get(term);
      if (id === undefined || !this.postings[id].has(slot, field)) return false;
    }
    return true;
  }

  get size(): number {
    return this.slotById.size;
  }

  get slotCount(): number {
    return this.documents.length;
  }

  /** Adds or replaces a document; returns false (and changes nothing) when the stored version is newer. */
  upsert(document: ModuleDocument): boolean {
    const slot = this.slotById.get(document.id);
    if (slot === undefined) {
      this.add(document);
      return true;
    }
    const stored = this.documents[slot]!;
    if (document.version < stored.version) return false;
    if (searchableText(stored) === searchableText(document)) {
      // Ratings and enrollments change often; the postings need not.
      this.documents[slot] = document;
      this.setColumns(slot, document);
    } else {
      this.remove(document.id);
      this.add(document);
    }
    return true;
  }

  remove(id: string): boolean {
    const slot = this.slotById.get(id);
    if (slot === undefined) return false;
    for (const term of this.termFields(this.documents[slot]!).keys()) {
      this.postings[this.termIds.get(term)!].remove(slot);
    }
    this.documents[slot] = undefined;
    this.slotById.delete(id);
    this.liveSlotCache = undefined;
    return true;
  }

  versions(): Map<string, number> {
    const versions = new Map<string, number>();
    for (const [id, slot] of this.slotById) versions.set(id, this.documents[slot]!.version);
    return versions;
  }

  /** Every live slot, ascending (cached until the next add or remove). */
  liveSlots(): Int32Array {
    if (!this.liveSlotCache) {
      const slots = new Int32Array(this.size);
      let count = 0;
      for (let slot = 0; slot < this.documents.length; slot++) if (this.documents[slot]) slots[count++] = slot;
      this.liveSlotCache = slots;
    }
    return this.liveSlotCache;
  }

  /** The costs of `matched` by slot, in an array reused by the next call. */
  costsBySlot(matched: ScoredSlots): Float64Array {
    if (this.denseCosts.length < this.slotCount) this.denseCosts = new Float64Array(Math.max(this.slotCount, this.denseCosts.length * 2));
    for (let i = 0; i < matched.length; i++) this.denseCosts[matched.slots[i]] = matched.costs[i];
    return this.denseCosts;
  }

  slotOf(id: string): number | undefined {
    return this.slotById.get(id);
  }

  /**
   * Meilisearch's matchingStrategy "frequency": documents matching every
   * clause first; then, dropping the clause matching the most documents
   * first, those matching the clauses left. The rarest matching clause is
   * never dropped. A clause matching nothing is dropped before the others,
   * so a query returns hits whenever one of its words matches. Costs:
   * WORDS_COST per dropped clause plus the costs of the clauses kept.
   * The set returned is valid until the next call (its arrays are reused).
   */
  matchClauses(clauses: readonly QueryClause[]): ScoredSlots {
    this.scratch.startQuery();
    const matching = clauses.map((clause) => this.matchClause(clause)).filter((slots) => slots.length > 0);
    if (matching.length === 0) return { slots: new Int32Array(0), costs: new Float64Array(0), length: 0 };
    // Between equally frequent clauses the earlier one is dropped first (Meilisearch sorts the query's terms stably).
    const rarestFirst = matching
      .map((slots, position) => ({ slots, position }))
      .sort((a, b) => a.slots.length - b.slots.length || b.position - a.position)
      .map(({ slots }) => slots);
    return this.scratch.droppingFrequent(this.slotCount, rarestFirst, WORDS_COST);
  }

  /**
   * The slots matching any alternative of the clause. Like typos, the other
   * alternatives (synonyms, joined words) are skipped when the typed words
   * alone match a common share of the catalogue: they would add little but
   * cost a union of large posting lists.
   */
  private matchClause(clause: QueryClause): ScoredSlots {
    const matchAlternative = (alternative: QueryAlternative) => {
      let words: ScoredSlots | undefined;
      for (const word of alternative.words) {
        const slots = this.matchWord(word, alternative.synonym ? INEXACT_COST : 0);
        words = words ? this.scratch.intersect(this.slotCount, words, slots) : slots;
      }
      return words!;
    };
    const [first, ...others] = clause.alternatives;
    const typed = matchAlternative(first);
    if (!first.synonym && typed.length >= this.commonWordDocuments()) return typed;
    return this.scratch.union(this.slotCount, [typed, ...others.map(matchAlternative)]);
  }

  /**
   * The terms and stop words whose match key is one of `keys`: a word of an
   * indexed document's ASCII title or summary is one of the two (tokenize and
   * tokenizeWithOffsets split ASCII alike), so for such a word membership here
   * is the same as its key being one of `keys`.
   */
  wordsWithKeys(keys: Iterable<string>): Set<string> {
    if (!this.stopWordsByKey) {
      this.stopWordsByKey = new Map();
      for (const word of this.text.stopWords) {
        const key = this.text.matchKey(word);
        this.stopWordsByKey.set(key, [...(this.stopWordsByKey.get(key) ?? []), word]);
      }
    }
    const words = new Set<string>();
    for (const key of keys) {
      for (const term of this.termsByKey.get(key) ?? []) words.add(this.termTexts[term]);
      for (const word of this.stopWordsByKey.get(key) ?? []) words.add(word);
    }
    return words;
  }

  private commonWordDocuments(): number {
    return Math.max(COMMON_WORD_SHARE * this.size, MIN_COMMON_WORD_DOCUMENTS);
  }

  private matchWord(word: QueryWord, extraCost: number): ScoredSlots {
    const lists = this.expand(word).map(({ term, cost }) => ({ postings: this.postings[term], cost: cost + extraCost }));
    return this.scratch.unionPostings(this.slotCount, lists, FIELD_COST);
  }

  /** The terms a query word matches and the cost of each: itself, same match key (stem, spelling), prefix, typos. */
  private expand(word: QueryWord): TermExpansion[] {
    const costs = new Map<number, number>();
    const offer = (term: number, cost: number) => {
      if (cost < (costs.get(term) ?? Infinity)) costs.set(term, cost);
    };
    const exact = this.termIds.get(word.text);
    if (exact !== undefined) offer(exact, 0);
    for (const term of this.termsByKey.get(word.key) ?? []) offer(term, INEXACT_COST);

    if (word.prefix) {
      const prefixed = [...this.termTree.atPrefix(word.text).values()].sort((a, b) => this.frequency(b) - this.frequency(a));
      let postingsBudget = PREFIX_POSTINGS_BUDGET;
      for (const term of prefixed) {
        if (postingsBudget <= 0) break;
        offer(term, INEXACT_COST);
        postingsBudget -= this.frequency(term);
      }
    }

    const typos = word.typed ? allowedTypos(word.text) : 0;
    if (typos > 0 && this.coverage(costs.keys()) < this.commonWordDocuments()) {
      const neighbours = [...this.termTree.fuzzyGet(word.text, typos).values()]
        .filter(([, distance]) => distance > 0)
        .sort(([termA, distanceA], [termB, distanceB]) => distanceA - distanceB || this.frequency(termB) - this.frequency(termA))
        .slice(0, MAX_TYPO_TERMS);
      for (const [term, distance] of neighbours) offer(term, distance * TYPO_COST);
    }
    return [...costs].map(([term, cost]) => ({ term, cost }));
  }

  private frequency(term: number): number {
    return this.postings[term].length;
  }

  private coverage(terms: Iterable<number>): number {
    let total = 0;
    for (const term of terms) total += this.frequency(term);
    return total;
  }

  private add(document: ModuleDocument): void {
    const slot = this.place(document);
    for (const [term, field] of this.termFields(document)) this.postings[this.termId(term)].append(slot, field);
  }

  /** Puts the document in the next slot, with its columns; its postings are the caller's. */
  private place(document: ModuleDocument): number {
    const slot = this.documents.length;
    this.documents.push(document);
    this.ids.push(document.id);
    this.slotById.set(document.id, slot);
    this.liveSlotCache = undefined;
    this.setColumns(slot, document);
    return slot;
  }

  /** Each indexed term of a document with the first (most important) field it occurs in. */
  private termFields(document: ModuleDocument): Map<string, number> {
    const fields = new Map<string, number>();
    SEARCHABLE_FIELDS.forEach((field, fieldIndex) => {
      for (const word of tokenize(field(document))) {
        if (!fields.has(word) && !this.text.stopWords.has(word)) fields.set(word, fieldIndex);
      }
    });
    return fields;
  }

  private termId(term: string, postings?: Postings): number {
    let id = this.termIds.get(term);
    if (id === undefined) {
      id = this.postings.length;
      this.postings.push(postings ?? new Postings());
      this.termTexts.push(term);
      this.termIds.set(term, id);
      this.termTree.set(term, id);
      const key = this.text.matchKey(term);
      const sameKey = this.termsByKey.get(key);
      if (sameKey) sameKey.push(id);
      else this.termsByKey.set(key, [id]);
    }
    return id;
  }

  private setColumns(slot: number, document: ModuleDocument): void {
    this.category.set(slot, document.categorySlug);
    this.level.set(slot, document.level);
    this.language.set(slot, document.language);
    this.deliveryMode.set(slot, document.deliveryMode);
    this.price.set(slot, String(document.priceIdr));
    this.certificate.set(slot, String(document.certificate));
    this.contributorKind.set(slot, document.contributorKind);
    this.facetTuples.set(slot, FACET_NAMES.map((facet) => facetColumn(this, facet).codes[slot]));
    this.durationMinutes[slot] = document.durationMinutes;
    this.ratingAverage[slot] = document.ratingAverage ?? NaN;
    this.ratingCount[slot] = document.ratingCount;
    this.ratingScore[slot] = document.ratingScore ?? NaN;
    this.hasQuiz[slot] = document.hasQuiz;
    this.enrollmentCount[slot] = document.enrollmentCount;
    this.publishedAt[slot] = document.publishedAt;
  }
}

function searchableText(document: ModuleDocument): string {
  return SEARCHABLE_FIELDS.map((field) => field(document)).join('\u0000');
}
