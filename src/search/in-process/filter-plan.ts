import { FACET_NAMES, sortFacetCounts } from '../facet-names';
import type { FacetCount, FacetName, SearchFilters } from '../search-engine.port';
import type { FacetTuples } from './facet-tuples';
import type { ModuleIndex } from './module-index';
import type { ValueColumn } from './value-column';

/** Bit i: the facet FACET_NAMES[i] rejected the document; OTHER_FILTERS_BIT: a non-facet filter did. */
const OTHER_FILTERS_BIT = 1 << FACET_NAMES.length;

export function facetColumn(index: ModuleIndex, facet: FacetName): ValueColumn {
  switch (facet) {
    case 'category':
      return index.category;
    case 'level':
      return index.level;
    case 'language':
      return index.language;
    case 'deliveryMode':
      return index.deliveryMode;
    case 'priceIdr':
      return index.price;
    case 'certificate':
      return index.certificate;
  }
}

function facetFilter(filters: SearchFilters, facet: FacetName): string[] | undefined {
  switch (facet) {
    case 'category':
      return filters.categorySlugs;
    case 'level':
      return filters.levels;
    case 'language':
      return filters.languages;
    case 'deliveryMode':
      return filters.deliveryModes;
    case 'priceIdr':
      return filters.priceIdr?.map(String);
    case 'certificate':
      return filters.certificate === undefined ? undefined : [String(filters.certificate)];
  }
}

/**
 * The filters compiled against one index. `rejections(slot)` returns a bit
 * set of the filters the document fails, so one pass over the candidates gives
 * both the hits (no bit) and every facet's counts (no bit but the facet's own):
 * list filters are OR within a field and AND across fields.
 */
export class FilterPlan {
  private readonly facetChecks: { bit: number; facet: number; accepted: Uint8Array }[] = [];
  /** The facet filters' bits per facet combination (FacetTuples): one look-up per slot decides them all. */
  private readonly tupleRejections: Int32Array;
  private readonly tupleBySlot: number[];
  private readonly contributorKinds?: Uint8Array;
  private readonly excludedSlots: Set<number>;
  private readonly topics?: ReadonlySet<string>;
  private readonly hasOtherFilters: boolean;

  constructor(
    private readonly index: ModuleIndex,
    private readonly filters: SearchFilters,
  ) {
    FACET_NAMES.forEach((facet, bitIndex) => {
      const accepted = facetFilter(filters, facet);
      if (accepted && accepted.length > 0) {
        const column = facetColumn(index, facet);
        this.facetChecks.push({ bit: 1 << bitIndex, facet: bitIndex, accepted: column.acceptedCodes(accepted) });
      }
    });
    const tuples = index.facetTuples;
    this.tupleBySlot = tuples.bySlot;
    this.tupleRejections = new Int32Array(this.facetChecks.length > 0 ? tuples.count : 0);
    for (let tuple = 0; tuple < this.tupleRejections.length; tuple++) {
      for (const { bit, facet, accepted } of this.facetChecks) {
        if (accepted[tuples.codes[tuple * tuples.width + facet]] !== 1) this.tupleRejections[tuple] |= bit;
      }
    }
    if (filters.contributorKinds && filters.contributorKinds.length > 0) {
      this.contributorKinds = index.contributorKind.acceptedCodes(filters.contributorKinds);
    }
    this.excludedSlots = new Set(
      (filters.excludeIds ?? []).map((id) => index.slotOf(id)).filter((slot): slot is number => slot !== undefined),
    );
    if (filters.topics && filters.topics.length > 0) this.topics = new Set(filters.topics);
    this.hasOtherFilters =
      this.contributorKinds !== undefined ||
      this.topics !== undefined ||
      this.excludedSlots.size > 0 ||
      filters.minDurationMinutes !== undefined ||
      filters.maxDurationMinutes !== undefined ||
      filters.minRating !== undefined ||
      filters.hasQuiz !== undefined;
  }

  /** No filter at all: every candidate is a hit. */
  get isEmpty(): boolean {
    return this.facetChecks.length === 0 && !this.hasOtherFilters;
  }

  rejections(slot: number): number {
    let rejected = this.facetChecks.length > 0 ? this.tupleRejections[this.tupleBySlot[slot]] : 0;
    if (this.hasOtherFilters && !this.passesOtherFilters(slot)) rejected |= OTHER_FILTERS_BIT;
    return rejected;
  }

  private passesOtherFilters(slot: number): boolean {
    const { index, filters } = this;
    if (this.contributorKinds && this.contributorKinds[index.contributorKind.codes[slot]] !== 1) return false;
    if (this.excludedSlots.has(slot)) return false;
    const duration = index.durationMinutes[slot];
    if (filters.minDurationMinutes !== undefined && duration < filters.minDurationMinutes) return false;
    if (filters.maxDurationMinutes !== undefined && duration > filters.maxDurationMinutes) return false;
    // NaN (no rating) fails every comparison, so unrated modules never pass a minRating.
    if (filters.minRating !== undefined && !(index.ratingAverage[slot] >= filters.minRating)) return false;
    if (filters.hasQuiz !== undefined && index.hasQuiz[slot] !== filters.hasQuiz) return false;
    if (this.topics && !index.documents[slot]!.topics.some((topic) => this.topics!.has(topic))) return false;
    return true;
  }
}

/**
 * Per facet, the count per value code of documents passing every filter but
 * the facet's own. Documents passing every filter are counted per facet
 * combination (FacetTuples: one increment, not one per facet) and spread
 * over the facets in result().
 */
export class FacetCounter {
  private readonly counts: Int32Array[];
  private readonly columns: ValueColumn[];
  private readonly tuples: FacetTuples;
  private readonly tupleCounts: Int32Array;

  constructor(index: ModuleIndex) {
    this.columns = FACET_NAMES.map((facet) => facetColumn(index, facet));
    this.counts = this.columns.map((column) => new Int32Array(column.values.length));
    this.tuples = index.facetTuples;
    this.tupleCounts = new Int32Array(this.tuples.count);
  }

  /** Counts slots that pass every filter. */
  addPassing(slots: Int32Array, count: number): void {
    const { tupleCounts } = this;
    const { bySlot } = this.tuples;
    for (let i = 0; i < count; i++) tupleCounts[bySlot[slots[i]]]++;
  }

  add(slot: number, rejected: number): void {
    if (rejected === 0) {
      this.tupleCounts[this.tuples.bySlot[slot]]++;
      return;
    }
    // Exactly one bit set, and it is a facet's: that facet alone is widened.
    if ((rejected & (rejected - 1)) === 0 && rejected !== OTHER_FILTERS_BIT) {
      const facet = 31 - Math.clz32(rejected);
      this.counts[facet][this.columns[facet].codes[slot]]++;
    }
  }

  /** Non-zero counts, by count descending then value. */
  result(): Record<FacetName, FacetCount[]> {
    this.spreadTuples();
    const entries = FACET_NAMES.map((facet, facetIndex) => {
      const values = this.columns[facetIndex].values;
      const counts = [...this.counts[facetIndex]].map((count, code) => ({ value: values[code], count })).filter((entry) => entry.count > 0);
      return [facet, sortFacetCounts(counts)] as const;
    });
    return Object.fromEntries(entries) as Record<FacetName, FacetCount[]>;
  }

  private spreadTuples(): void {
    const { tupleCounts, counts } = this;
    const { codes, width } = this.tuples;
    for (let tuple = 0; tuple < tupleCounts.length; tuple++) {
      const count = tupleCounts[tuple];
      if (count === 0) continue;
      for (let facet = 0; facet < width; facet++) counts[facet][codes[tuple * width + facet]] += count;
    }
    tupleCounts.fill(0);
  }
}

export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
