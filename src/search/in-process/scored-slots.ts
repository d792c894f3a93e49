/** A posting list (slots ascending, each with a per-slot number) and the cost of matching it. */
export interface CostedPostings {
  postings: { slots: Int32Array; fields: ArrayLike<number>; length: number };
  cost: number;
}

/** A set of document slots, each with a cost (lower ranks higher). */
export interface ScoredSlots {
  slots: Int32Array;
  costs: Float64Array;
  length: number;
}

/**
 * Dense per-slot scratch space reused by every query (search is synchronous,
 * so one scratch per index is enough). A slot's entry is valid only when its
 * stamp equals the current generation, which spares clearing arrays.
 * The sets it returns are views into arrays it reuses too: they are valid
 * until the next startQuery().
 */
export class SlotScratch {
  private stamps = new Int32Array(0);
  private costs = new Float64Array(0);
  private positions = new Int32Array(0);
  private levels = new Int32Array(0);
  private generation = 0;
  private resultSlots = new Int32Array(0);
  private resultCosts = new Float64Array(0);
  private resultsUsed = 0;

  /** Frees the sets returned so far: a query's sets need not be allocated (nor collected) one by one. */
  startQuery(): void {
    this.resultsUsed = 0;
  }

  /**
   * Union of posting lists, each slot with its minimum cost over the lists:
   * the list's cost plus fieldCost per rank of the field the term occurs in.
   */
  unionPostings(capacity: number, lists: readonly CostedPostings[], fieldCost: number): ScoredSlots {
    this.reserve(capacity);
    const generation = this.nextGeneration();
    const { stamps, positions } = this;
    let total = 0;
    for (const { postings } of lists) total += postings.length;
    // Written in place, each slot at its first appearance; the arrays past `length` go unused.
    const result = this.allocate(total);
    const { slots: resultSlots, costs: resultCosts } = result;
    let count = 0;
    if (lists.length > 0) {
      // The first list meets no slot of this generation (a list holds a slot once): no checks.
      const { postings, cost } = lists[0];
      const { slots, fields, length } = postings;
      for (let i = 0; i < length; i++) {
        const slot = slots[i];
        stamps[slot] = generation;
        positions[slot] = count;
        resultSlots[count] = slot;
        resultCosts[count++] = cost + fields[i] * fieldCost;
      }
    }
    for (let list = 1; list < lists.length; list++) {
      const { postings, cost } = lists[list];
      const { slots, fields, length } = postings;
      for (let i = 0; i < length; i++) {
        const slot = slots[i];
        const slotCost = cost + fields[i] * fieldCost;
        if (stamps[slot] !== generation) {
          stamps[slot] = generation;
          positions[slot] = count;
          resultSlots[count] = slot;
          resultCosts[count++] = slotCost;
        } else if (slotCost < resultCosts[positions[slot]]) {
          resultCosts[positions[slot]] = slotCost;
        }
      }
    }
    result.length = count;
    return result;
  }

  /** Slots in both sets, costs added. */
  intersect(capacity: number, left: ScoredSlots, right: ScoredSlots): ScoredSlots {
    const [small, large] = left.length <= right.length ? [left, right] : [right, left];
    this.reserve(capacity);
    const generation = this.nextGeneration();
    const { stamps, positions } = this;
    for (let i = 0; i < small.length; i++) {
      stamps[small.slots[i]] = generation;
      positions[small.slots[i]] = i;
    }
    const result = this.allocate(small.length);
    result.length = 0;
    for (let i = 0; i < large.length; i++) {
      const slot = large.slots[i];
      if (stamps[slot] !== generation) continue;
      result.slots[result.length] = slot;
      result.costs[result.length] = large.costs[i] + small.costs[positions[slot]];
      result.length++;
    }
    return result;
  }

  /**
   * The slots of the first set (the rarest clause), each with how many of the
   * following sets it is in without a gap: a slot in sets 0..k costs
   * (sets.length - 1 - k) × droppedCost plus its costs in sets 0..k.
   */
  droppingFrequent(capacity: number, sets: readonly ScoredSlots[], droppedCost: number): ScoredSlots {
    if (sets.length === 1) return sets[0];
    this.reserve(capacity);
    const generation = this.nextGeneration();
    const { stamps, costs, levels } = this;
    const [first] = sets;
    if (sets.length === 2) {
      // Two clauses (the usual query): the second marked first, then the result in one pass over the first.
      const second = sets[1];
      for (let i = 0; i < second.length; i++) {
        stamps[second.slots[i]] = generation;
        costs[second.slots[i]] = second.costs[i];
      }
      const result = this.allocate(first.length);
      for (let i = 0; i < first.length; i++) {
        const slot = first.slots[i];
        result.slots[i] = slot;
        result.costs[i] = stamps[slot] === generation ? first.costs[i] + costs[slot] : droppedCost + first.costs[i];
      }
      return result;
    }
    for (let i = 0; i < first.length; i++) {
      const slot = first.slots[i];
      stamps[slot] = generation;
      levels[slot] = 0;
      costs[slot] = first.costs[i];
    }
    for (let level = 1; level < sets.length; level++) {
      const set = sets[level];
      for (let i = 0; i < set.length; i++) {
        const slot = set.slots[i];
        if (stamps[slot] !== generation || levels[slot] !== level - 1) continue;
        levels[slot] = level;
        costs[slot] += set.costs[i];
      }
    }
    const last = sets.length - 1;
    const result = this.allocate(first.length);
    for (let i = 0; i < first.length; i++) {
      const slot = first.slots[i];
      result.slots[i] = slot;
      result.costs[i] = (last - levels[slot]) * droppedCost + costs[slot];
    }
    return result;
  }

  /** Slots in either set, the lower cost kept. */
  union(capacity: number, sets: readonly ScoredSlots[]): ScoredSlots {
    if (sets.length === 1) return sets[0];
    const asPostings = sets.map((set) => ({ postings: { slots: set.slots, fields: set.costs, length: set.length }, cost: 0 }));
    return this.unionPostings(capacity, asPostings, 1);
  }

  /** A set of `length` entries (to be filled) from the query's result arrays; a full array is replaced, not overwritten. */
  private allocate(length: number): ScoredSlots {
    if (this.resultsUsed + length > this.resultSlots.length) {
      const size = Math.max(length, this.resultSlots.length * 2, 1024);
      this.resultSlots = new Int32Array(size);
      this.resultCosts = new Float64Array(size);
      this.resultsUsed = 0;
    }
    const start = this.resultsUsed;
    this.resultsUsed += length;
    return { slots: this.resultSlots.subarray(start, start + length), costs: this.resultCosts.subarray(start, start + length), length };
  }

  private reserve(capacity: number): void {
    if (this.stamps.length >= capacity) return;
    const size = Math.max(capacity, this.stamps.length * 2, 1024);
    this.stamps = new Int32Array(size);
    this.costs = new Float64Array(size);
    this.positions = new Int32Array(size);
    this.levels = new Int32Array(size);
    this.generation = 0;
  }

  private nextGeneration(): number {
    if (this.generation === 0x7fffffff) {
      this.stamps.fill(0);
      this.generation = 0;
    }
    return ++this.generation;
  }
}
