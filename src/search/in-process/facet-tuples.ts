/**
 * The facet values of each slot as one code per distinct combination (a
 * catalogue has a few thousand at most), so counting a candidate for every
 * facet is one increment; the counts per combination are spread over the
 * facets once per search (FacetCounter).
 */
export class FacetTuples {
  /** The combination of each slot. */
  readonly bySlot: number[] = [];
  /** The value codes of combination t, one per facet, at [t × width, (t + 1) × width). */
  readonly codes: number[] = [];
  private readonly tupleByKey = new Map<string, number>();

  constructor(readonly width: number) {}

  get count(): number {
    return this.tupleByKey.size;
  }

  set(slot: number, codes: readonly number[]): void {
    const key = codes.join(',');
    let tuple = this.tupleByKey.get(key);
    if (tuple === undefined) {
      tuple = this.tupleByKey.size;
      this.tupleByKey.set(key, tuple);
      this.codes.push(...codes);
    }
    this.bySlot[slot] = tuple;
  }
}
