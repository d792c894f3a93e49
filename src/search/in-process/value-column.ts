/** A string-valued attribute per slot, stored as small integer codes for fast filtering and counting. */
export class ValueColumn {
  readonly values: string[] = [];
  readonly codes: number[] = [];
  private readonly codeByValue = new Map<string, number>();

  set(slot: number, value: string): void {
    let code = this.codeByValue.get(value);
    if (code === undefined) {
      code = this.values.length;
      this.values.push(value);
      this.codeByValue.set(value, code);
    }
    this.codes[slot] = code;
  }

  /** Per code: 1 when its value is one of `accepted`. */
  acceptedCodes(accepted: readonly string[]): Uint8Array {
    const mask = new Uint8Array(this.values.length);
    for (const value of accepted) {
      const code = this.codeByValue.get(value);
      if (code !== undefined) mask[code] = 1;
    }
    return mask;
  }
}
