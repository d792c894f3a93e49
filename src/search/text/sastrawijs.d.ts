// sastrawijs ships dist/index.d.ts, but its "exports" map has no "types"
// condition, so node20 module resolution cannot find it. The part used here:
declare module 'sastrawijs' {
  export class Stemmer {
    constructor(dictionary?: string[]);
    stem(word: string): string;
    find(word: string): boolean;
    /** The dictionary of root words, as an object keyed by root. */
    print(): Record<string, string>;
  }
}
