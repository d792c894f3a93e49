import { tokenize } from './normalize';

/** One synonym entry as written in the data file and as normalized words. */
export interface SynonymEntry {
  text: string;
  words: string[];
}

export interface SynonymMatch {
  /** How many query words the matched entry covers. */
  length: number;
  /** Every entry of the group except the one the query matched. */
  others: SynonymEntry[];
}

/**
 * Groups of mutually equivalent words or phrases. Entries are also reachable
 * by the match keys of their words (stem, spelling folded), so "berjualan
 * online" matches "jualan online".
 */
export class SynonymDictionary {
  private readonly groupsByKey = new Map<string, number>();
  readonly maxPhraseLength: number;

  constructor(
    readonly groups: readonly SynonymEntry[][],
    private readonly matchKey: (word: string) => string,
  ) {
    let maxPhraseLength = 1;
    groups.forEach((group, groupIndex) => {
      for (const entry of group) {
        this.groupsByKey.set(entry.words.join(' '), groupIndex);
        this.groupsByKey.set(this.stemKey(entry.words), groupIndex);
        maxPhraseLength = Math.max(maxPhraseLength, entry.words.length);
      }
    });
    this.maxPhraseLength = maxPhraseLength;
  }

  static fromTexts(groups: readonly string[][], matchKey: (word: string) => string): SynonymDictionary {
    const entries = groups.map((group) =>
      group.map((text) => ({ text, words: tokenize(text) })).filter((entry) => entry.words.length > 0),
    );
    return new SynonymDictionary(entries, matchKey);
  }

  /** The longest entry starting at words[start], if any. */
  match(words: readonly string[], start: number): SynonymMatch | undefined {
    const longest = Math.min(this.maxPhraseLength, words.length - start);
    for (let length = longest; length >= 1; length--) {
      const phrase = words.slice(start, start + length);
      const groupIndex = this.groupsByKey.get(phrase.join(' ')) ?? this.groupsByKey.get(this.stemKey(phrase));
      if (groupIndex === undefined) continue;
      const key = phrase.join(' ');
      const stemKey = this.stemKey(phrase);
      const others = this.groups[groupIndex].filter(
        (entry) => entry.words.join(' ') !== key && this.stemKey(entry.words) !== stemKey,
      );
      return { length, others };
    }
    return undefined;
  }

  /**
   * Meilisearch's format: each entry maps to every other entry of its group
   * (mutual synonyms), with the match-key spelling of each entry added (with
   * and without its stop words), because the adapter sends queries as match
   * keys without stop words.
   */
  toMeilisearchSynonyms(stopWords: ReadonlySet<string> = new Set()): Record<string, string[]> {
    const synonyms: Record<string, string[]> = {};
    for (const group of this.groups) {
      const spellings = new Set<string>();
      for (const entry of group) {
        spellings.add(entry.text.toLowerCase());
        spellings.add(this.stemKey(entry.words));
        // The adapter sends no stop words: "berbicara di depan umum" arrives as "bicara depan umum".
        const withoutStopWords = entry.words.filter((word) => !stopWords.has(word));
        if (withoutStopWords.length > 0) spellings.add(this.stemKey(withoutStopWords));
      }
      for (const spelling of spellings) {
        synonyms[spelling] = [...spellings].filter((other) => other !== spelling);
      }
    }
    return synonyms;
  }

  private stemKey(words: readonly string[]): string {
    return words.map(this.matchKey).join(' ');
  }
}
