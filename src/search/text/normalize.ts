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
  // Highlighting tokenises every hit's title and summary: plain ASCII (nearly all of them) is scanned by
  // character code, where the letters and digits are [A-Za-z0-9] and lower-casing is all normalizeWord does.
  const tokens: Token[] = [];
  let start = -1;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code > 0x7f) return tokenizeUnicode(text);
    if ((code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || (code >= 0x30 && code <= 0x39)) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      tokens.push({ word: text.slice(start, i).toLowerCase(), start, end: i });
      start = -1;
    }
  }
  if (start >= 0) tokens.push({ word: text.slice(start).toLowerCase(), start, end: text.length });
  return tokens;
}

function tokenizeUnicode(text: string): Token[] {
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
