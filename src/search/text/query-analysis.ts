import { tokenize } from './normalize';
import type { SearchLanguage } from './search-language';

export interface QueryWord {
  /** Normalized word. */
  text: string;
  /** Its match key (stem, spelling folded). */
  key: string;
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

/** Like Meilisearch (`words_limit`), only the first ten words of a query that are not stop words count. */
export const MAX_QUERY_WORDS = 10;

/**
 * Splits a query into clauses: stop words dropped, synonym phrases (longest
 * first) turned into alternatives. Documents matching every clause rank
 * first; the engines then drop clauses, most frequent first (Meilisearch's
 * matchingStrategy "frequency"). No clause means browse.
 */
export function analyzeQuery(query: string, language: SearchLanguage): QueryClause[] {
  const allWords = tokenize(query);
  const words = allWords.slice(0, wordsWithinLimit(allWords, language));
  // A word cut off is not the one being typed: no prefix matching then.
  const endsWithSeparator = words.length < allWords.length || /[^\p{L}\p{N}]$/u.test(query);
  const toQueryWord = (text: string, index: number, typed: boolean): QueryWord => ({
    text,
    key: language.matchKey(text),
    typed,
    prefix: typed && index === words.length - 1 && !endsWithSeparator,
  });
  const keep = (text: string) => !language.stopWords.has(text);

  const clauses: QueryClause[] = [];
  /** Per clause, the position of its word when it is one plain typed word (no synonym phrase). */
  const singleWordAt: (number | undefined)[] = [];
  for (let start = 0; start < words.length; ) {
    const match = language.synonyms.match(words, start);
    const length = match?.length ?? 1;
    const typedWords = words
      .slice(start, start + length)
      .map((text, offset) => toQueryWord(text, start + offset, true))
      .filter((word) => keep(word.text));
    if (typedWords.length === 0) {
      // A stop word never expands to its synonyms ("bersertifikat" is no call for "sertifikasi").
      start += length;
      continue;
    }
    const alternatives: QueryAlternative[] = [{ words: typedWords, synonym: false }];
    for (const entry of match?.others ?? []) {
      const synonymWords = entry.words.filter(keep).map((text) => toQueryWord(text, -1, false));
      if (synonymWords.length > 0) alternatives.push({ words: synonymWords, synonym: true });
    }
    clauses.push({ alternatives });
    singleWordAt.push(length === 1 ? start : undefined);
    start += length;
  }
  addConcatenations(clauses, singleWordAt, words, language);
  return clauses;
}

/** How many words lead up to the MAX_QUERY_WORDS-th word that is not a stop word (all of them when fewer). */
function wordsWithinLimit(words: readonly string[], language: SearchLanguage): number {
  let counted = 0;
  for (let i = 0; i < words.length; i++) {
    if (!language.stopWords.has(words[i]) && ++counted === MAX_QUERY_WORDS) return i + 1;
  }
  return words.length;
}

/**
 * Two adjacent typed words also match as one ("corel draw" finds
 * "CorelDraw", "make up" finds "makeup"), as Meilisearch's 2-gram
 * concatenation does: the joined word is an alternative of both clauses,
 * so a document holding it matches both.
 */
function addConcatenations(clauses: QueryClause[], singleWordAt: readonly (number | undefined)[], words: readonly string[], language: SearchLanguage): void {
  for (let i = 0; i + 1 < clauses.length; i++) {
    const first = singleWordAt[i];
    if (first === undefined || singleWordAt[i + 1] !== first + 1) continue;
    const text = words[first] + words[first + 1];
    const joined: QueryAlternative = { words: [{ text, key: language.matchKey(text), typed: false, prefix: false }], synonym: true };
    clauses[i].alternatives.push(joined);
    clauses[i + 1].alternatives.push(joined);
  }
}

/** The typed words of the query, in order (synonym expansions left out). */
export function typedWords(clauses: readonly QueryClause[]): QueryWord[] {
  return clauses.flatMap((clause) => clause.alternatives.filter((alternative) => !alternative.synonym).flatMap((alternative) => alternative.words));
}
