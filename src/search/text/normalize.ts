/** Tokenization shared by both engines, the highlighter and the stemmed Meilisearch field. */

const WORD = /[\p{L}\p{N}]+/gu;
const SEPARATORS = /[^\p{L}\p{N}]+/u;
const COMBINING_MARKS = /\p{M}+/gu;
const ASCII_ONLY = /^[\x00-\x7F]*$/;

export interface Token {
  /** Lower-cased, diacritics removed. */
  word: string;
  start: number;
  end: number;
}

/** Lower-cases and folds diacritics ("Pâtisserie" → "patisserie"), as Meilisearch does. */
export function normalizeWord(raw: string): string {
  const lower = raw.toLowerCase();
  return ASCII_ONLY.test(lower) ? lower : lower.normalize('NFD').replace(COMBINING_MARKS, '');
}

/** Words (letters and digits) with their offsets in the original text; everything else separates. */
export function tokenizeWithOffsets(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(WORD)) {
    tokens.push({ word: normalizeWord(match[0]), start: match.index, end: match.index + match[0].length });
  }
  return tokens;
}

/** The words of a text, normalized (faster than tokenizeWithOffsets: one split, no match objects). */
export function tokenize(text: string): string[] {
  const words = normalizeWord(text).split(SEPARATORS);
  if (words.length > 0 && words[words.length - 1] === '') words.pop();
  if (words.length > 0 && words[0] === '') words.shift();
  return words;
}
