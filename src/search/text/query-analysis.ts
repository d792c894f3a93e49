import { tokenize } from './normalize';
import type { SearchLanguage } from './search-language';

export interface QueryWord {
  /** Normalized word. */
  text: string;
  stem: string;
  /** Typo tolerance and prefix matching apply to words the user typed, not to synonym expansions. */
  typed: boolean;
  /** The last word of a query not ended by a separator also matches as a prefix ("kewirau"). */
  prefix: boolean;
}

/** Every word of an alternative must match. */
export interface QueryAlternative {
  words: QueryWord[];
  synonym: boolean;
}

/** One position of the query: any alternative (the typed words or a synonym) satisfies it. */
export interface QueryClause {
  alternatives: QueryAlternative[];
}

/**
 * Splits a query into clauses: stop words dropped, synonym phrases (longest
 * first) turned into alternatives. Every clause must match (Meilisearch's
 * matchingStrategy "all"). No clause means browse.
 */
export function analyzeQuery(query: string, language: SearchLanguage): QueryClause[] {
  const words = tokenize(query);
  const endsWithSeparator = /[^\p{L}\p{N}]$/u.test(query);
  const toQueryWord = (text: string, index: number, typed: boolean): QueryWord => ({
    text,
    stem: language.stem(text),
    typed,
    prefix: typed && index === words.length - 1 && !endsWithSeparator,
  });
  const keep = (text: string) => !language.stopWords.has(text);

  const clauses: QueryClause[] = [];
  for (let start = 0; start < words.length; ) {
    const match = language.synonyms.match(words, start);
    const length = match?.length ?? 1;
    const typedWords = words
      .slice(start, start + length)
      .map((text, offset) => toQueryWord(text, start + offset, true))
      .filter((word) => keep(word.text));
    const alternatives: QueryAlternative[] = typedWords.length > 0 ? [{ words: typedWords, synonym: false }] : [];
    for (const entry of match?.others ?? []) {
      const synonymWords = entry.words.filter(keep).map((text) => toQueryWord(text, -1, false));
      if (synonymWords.length > 0) alternatives.push({ words: synonymWords, synonym: true });
    }
    if (alternatives.length > 0) clauses.push({ alternatives });
    start += length;
  }
  return clauses;
}

/** The typed words of the query, in order (synonym expansions left out). */
export function typedWords(clauses: readonly QueryClause[]): QueryWord[] {
  return clauses.flatMap((clause) => clause.alternatives.filter((alternative) => !alternative.synonym).flatMap((alternative) => alternative.words));
}
