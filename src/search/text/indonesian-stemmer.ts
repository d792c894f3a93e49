import { Stemmer } from 'sastrawijs';

/**
 * Rare roots that shadow common ones: with "asar", memasarkan/pemasaran stem to
 * "asar" instead of "pasar"; with "asak", memasak stems to "asak", not "masak".
 */
const SHADOWING_ROOTS = new Set(['asar', 'asak']);
/** Roots of this domain missing from Sastrawi's dictionary. */
const MISSING_ROOTS = ['wirausaha'];

/**
 * Sastrawi (dictionary-based Indonesian affix stemmer, via the sastrawijs port)
 * behind a cache: stemming a word costs microseconds, and a corpus repeats the
 * same few thousand words millions of times.
 */
export class IndonesianStemmer {
  private readonly stemmer: Stemmer;
  private readonly cache = new Map<string, string>();

  constructor(private readonly maxCachedWords = 200_000) {
    // Built from the bundled dictionary rather than with addToDict(), which
    // loses `this` in sastrawijs 1.1.0 and throws.
    const dictionary = Object.keys(new Stemmer().print()).filter((root) => !SHADOWING_ROOTS.has(root));
    this.stemmer = new Stemmer([...dictionary, ...MISSING_ROOTS]);
  }

  stem(word: string): string {
    const cached = this.cache.get(word);
    if (cached !== undefined) return cached;
    const stem = this.stemUncached(word);
    if (this.cache.size >= this.maxCachedWords) this.cache.clear();
    this.cache.set(word, stem);
    return stem;
  }

  private stemUncached(word: string): string {
    // Digits, short words and code-like tokens are never inflected.
    if (word.length < 4 || !/^[a-z]+$/.test(word)) return word;
    const stem = this.stemmer.stem(word);
    if (stem !== word || !/^[mp]enge/.test(word)) return stem;
    // sastrawijs drops "menge-"/"penge-" only as a monosyllable prefix and never
    // tries restoring the k- of the root (mengelola → kelola, pengembangan → kembang).
    for (const candidate of ['k' + word.slice(4), word.slice(4)]) {
      const candidateStem = this.stemmer.stem(candidate);
      if (this.stemmer.find(candidateStem)) return candidateStem;
    }
    return stem;
  }
}

/** One stemmer (and cache) per process, shared by both engines. */
export const indonesianStemmer = new IndonesianStemmer();

export function stemWord(word: string): string {
  return indonesianStemmer.stem(word);
}
