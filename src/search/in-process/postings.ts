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

  append(slot: number, field: number): void {
    if (this.length === this.slots.length) this.grow();
    this.slots[this.length] = slot;
    this.fields[this.length] = field;
    this.length++;
  }

  remove(slot: number): void {
    let low = 0;
    let high = this.length - 1;
    while (low <= high) {
      const middle = (low + high) >>> 1;
      const value = this.slots[middle];
      if (value === slot) {
        this.slots.copyWithin(middle, middle + 1, this.length);
        this.fields.copyWithin(middle, middle + 1, this.length);
        this.length--;
        return;
      }
      if (value < slot) low = middle + 1;
      else high = middle - 1;
    }
  }

  private grow(): void {
    const capacity = this.slots.length * 2;
    const slots = new Int32Array(capacity);
    slots.set(this.slots);
    const fields = new Uint8Array(capacity);
    fields.set(this.fields);
    this.slots = slots;
    this.fields = fields;
  }
}
