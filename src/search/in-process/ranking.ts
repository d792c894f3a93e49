import type { SearchSort } from '../search-engine.port';
import { compareStrings } from './filter-plan';
import { WORDS_COST, type ModuleIndex } from './module-index';

/** Negative when slot a ranks before slot b. */
export type SlotComparator = (a: number, b: number) => number;

/** A ranking: `compare`, and when set, `leading`: compare orders by it first (ascending), so a larger value ranks after. */
export interface SlotOrder {
  compare: SlotComparator;
  leading?: Float64Array;
}

/**
 * The order of a sort; every order ends with the id so equal documents always
 * come out the same way. With a query, `cost` holds the text costs by slot:
 * RELEVANCE orders by the whole cost, then popularity; an explicit sort comes
 * right after the words rule (Meilisearch's "sort" placed after "words"): by
 * the number of query words matched, then the sort. Browsing: popularity.
 */
export function slotOrder(index: ModuleIndex, sort: SearchSort, cost: Float64Array | undefined): SlotOrder {
  const explicit = explicitComparator(index, sort);
  if (sort === 'RELEVANCE') return cost ? { compare: (a, b) => cost[a] - cost[b] || explicit(a, b), leading: cost } : { compare: explicit };
  if (!cost) return { compare: explicit };
  return { compare: (a, b) => Math.floor(cost[a] / WORDS_COST) - Math.floor(cost[b] / WORDS_COST) || explicit(a, b) };
}

/** The order of a sort alone (RELEVANCE without text: popularity). */
function explicitComparator(index: ModuleIndex, sort: SearchSort): SlotComparator {
  const { enrollmentCount, publishedAt, ratingScore, ratingCount, durationMinutes, ids } = index;
  const byId: SlotComparator = (a, b) => compareStrings(ids[a], ids[b]);
  const byPopularity: SlotComparator = (a, b) => enrollmentCount[b] - enrollmentCount[a] || byId(a, b);
  switch (sort) {
    case 'RELEVANCE':
    case 'POPULARITY':
      return byPopularity;
    case 'NEWEST':
      return (a, b) => publishedAt[b] - publishedAt[a] || byId(a, b);
    case 'RATING':
      return (a, b) => compareRatings(ratingScore[a], ratingScore[b]) || ratingCount[b] - ratingCount[a] || byId(a, b);
    case 'DURATION_ASC':
      return (a, b) => durationMinutes[a] - durationMinutes[b] || byId(a, b);
    case 'DURATION_DESC':
      return (a, b) => durationMinutes[b] - durationMinutes[a] || byId(a, b);
  }
}

/** Higher rating first; NaN (unrated) last. */
function compareRatings(a: number, b: number): number {
  if (Number.isNaN(a)) return Number.isNaN(b) ? 0 : 1;
  if (Number.isNaN(b)) return -1;
  return b - a;
}

/**
 * The first `count` slots in order, without sorting the whole set: a bounded
 * max-heap keeps the best `count` seen (O(n log count)). A slot whose leading
 * value is above the worst kept one's is passed over without a comparison.
 */
export function firstInOrder(slots: ArrayLike<number>, length: number, count: number, { compare, leading }: SlotOrder): number[] {
  if (count <= 0) return [];
  if (count >= length) return Array.from({ length }, (_, i) => slots[i]).sort(compare);
  const heap: number[] = [];
  const worseThan = (a: number, b: number) => compare(heap[a], heap[b]) > 0;
  const siftUp = (position: number) => {
    while (position > 0) {
      const parent = (position - 1) >> 1;
      if (!worseThan(position, parent)) return;
      [heap[position], heap[parent]] = [heap[parent], heap[position]];
      position = parent;
    }
  };
  const siftDown = (position: number) => {
    for (;;) {
      const left = 2 * position + 1;
      const right = left + 1;
      let worst = position;
      if (left < heap.length && worseThan(left, worst)) worst = left;
      if (right < heap.length && worseThan(right, worst)) worst = right;
      if (worst === position) return;
      [heap[position], heap[worst]] = [heap[worst], heap[position]];
      position = worst;
    }
  };
  for (let i = 0; i < length; i++) {
    const slot = slots[i];
    if (heap.length < count) {
      heap.push(slot);
      siftUp(heap.length - 1);
    } else if (leading !== undefined && leading[slot] > leading[heap[0]]) {
      continue;
    } else if (compare(slot, heap[0]) < 0) {
      heap[0] = slot;
      siftDown(0);
    }
  }
  return heap.sort(compare);
}
