/**
 * The documents (slots) containing one term, ascending, each with the best
 * (lowest-numbered) searchable field the term occurs in. Slots are handed out
 * in increasing order, so appending keeps the list sorted and removal can
 * binary-search.
 */
export class Postings {
  slots: Int32Array;
  fields: Uint8Array;
  length = 0;

  constructor(capacity = 2) {
    this.slots = new Int32Array(capacity);
    this.fields = new Uint8Array(capacity);
  }

  /** A full list over existing arrays (views into a snapshot's buffers: no copy, no spare capacity). */
  static over(slots: Int32Array, fields: Uint8Array): Postings {
    const postings = new Postings(0);
    postings.slots = slots;
    postings.fields = fields;
    postings.length = slots.length;
    return postings;
  }

  append(slot: number, field: number): void {
    if (this.length === this.slots.length) this.grow();
    this.slots[this.length] = slot;
    this.fields[this.length] = field;
    this.length++;
  }

  remove(slot: number): void {
    const position = this.positionOf(slot);
    if (position < 0) return;
    this.slots.copyWithin(position, position + 1, this.length);
    this.fields.copyWithin(position, position + 1, this.length);
    this.length--;
  }

  /** Whether `slot` is listed, with `field`. */
  has(slot: number, field: number): boolean {
    const position = this.positionOf(slot);
    return position >= 0 && this.fields[position] === field;
  }

  private positionOf(slot: number): number {
    let low = 0;
    let high = this.length - 1;
    while (low <= high) {
      const middle = (low + high) >>> 1;
      const value = this.slots[middle];
      if (value === slot) return middle;
      if (value < slot) low = middle + 1;
      else high = middle - 1;
    }
    return -1;
  }

  private grow(): void {
    const capacity = Math.max(2, this.slots.length * 2);
    const slots = new Int32Array(capacity);
    slots.set(this.slots.subarray(0, this.length));
    const fields = new Uint8Array(capacity);
    fields.set(this.fields.subarray(0, this.length));
    this.slots = slots;
    this.fields = fields;
  }
}
