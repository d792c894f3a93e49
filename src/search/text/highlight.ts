import { allowedTypos, isWithinEditDistance } from './edit-distance';
import { tokenizeWithOffsets, type Token } from './normalize';
import type { QueryClause } from './query-analysis';

export const HIGHLIGHT_PRE_TAG = '<mark>';
export const HIGHLIGHT_POST_TAG = '</mark>';
/** Words kept around the first match when cropping a summary. */
export const CROP_WORDS = 30;
const CROP_WORDS_BEFORE_MATCH = 8;
const CROP_MARKER = '…';

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => HTML_ESCAPES[character]);
}

export type WordMatcher = (word: string) => boolean;

/**
 * Decides whether a (normalized) word of a document matches the query: the
 * same word, the same stem or spelling (match key), a prefix of the last word, a word within the
 * typo budget, or a word of a synonym. Both engines highlight with it, so
 * highlights do not depend on the engine. `wordsWithQueryKeys`, when given,
 * holds every word with a query word's match key that the texts to be
 * highlighted can contain: looking a word up in it spares computing its key.
 */
export function createWordMatcher(
  clauses: readonly QueryClause[],
  matchKey: (word: string) => string,
  wordsWithQueryKeys?: ReadonlySet<string>,
): WordMatcher {
  const words = new Set<string>();
  const keys = new Set<string>();
  const prefixes: string[] = [];
  const fuzzy: { text: string; typos: number }[] = [];
  for (const clause of clauses) {
    for (const alternative of clause.alternatives) {
      for (const word of alternative.words) {
        words.add(word.text);
        keys.add(word.key);
        if (word.prefix) prefixes.push(word.text);
        const typos = word.typed ? allowedTypos(word.text) : 0;
        if (typos > 0) fuzzy.push({ text: word.text, typos });
      }
    }
  }
  const sameKey = wordsWithQueryKeys ? (word: string) => wordsWithQueryKeys.has(word) : (word: string) => keys.has(matchKey(word));
  const matches = (word: string) =>
    words.has(word) ||
    sameKey(word) ||
    prefixes.some((prefix) => word.startsWith(prefix)) ||
    fuzzy.some((candidate) => isWithinEditDistance(word, candidate.text, candidate.typos));
  // A page of hits repeats the same common words; each is decided once per query.
  const decided = new Map<string, boolean>();
  return (word) => {
    let match = decided.get(word);
    if (match === undefined) decided.set(word, (match = matches(word)));
    return match;
  };
}

/** The whole text, HTML-escaped, with matched words wrapped in <mark>. */
export function highlightText(text: string, matches: WordMatcher): string {
  return renderRange(text, tokenizeWithOffsets(text), 0, text.length, matches);
}

/**
 * About CROP_WORDS words starting a little before the first matched word (or
 * the start when nothing matches), highlighted, with '…' where text was cut.
 */
export function cropAndHighlight(text: string, matches: WordMatcher, cropWords = CROP_WORDS): string {
  const tokens = tokenizeWithOffsets(text);
  if (tokens.length <= cropWords) return highlightText(text, matches);
  const firstMatch = Math.max(0, tokens.findIndex((token) => matches(token.word)));
  const startToken = Math.min(Math.max(0, firstMatch - CROP_WORDS_BEFORE_MATCH), tokens.length - cropWords);
  const endToken = startToken + cropWords;
  const from = startToken === 0 ? 0 : tokens[startToken].start;
  const to = endToken >= tokens.length ? text.length : tokens[endToken - 1].end;
  const body = renderRange(text, tokens.slice(startToken, endToken), from, to, matches);
  return (from > 0 ? CROP_MARKER : '') + body + (to < text.length ? CROP_MARKER : '');
}

function renderRange(text: string, tokens: readonly Token[], from: number, to: number, matches: WordMatcher): string {
  let html = '';
  let position = from;
  for (const token of tokens) {
    if (!matches(token.word)) continue;
    html += escapeHtml(text.slice(position, token.start));
    html += HIGHLIGHT_PRE_TAG + escapeHtml(text.slice(token.start, token.end)) + HIGHLIGHT_POST_TAG;
    position = token.end;
  }
  return html + escapeHtml(text.slice(position, to));
}
