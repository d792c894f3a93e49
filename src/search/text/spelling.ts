import spellingFile from '../data/spelling-id.json';

export interface SpellingRule {
  from: string;
  to: string;
}

/** Only plain words are respelled: digits and codes ("k3", "2d") stay as typed. */
const LETTERS_ONLY = /^[a-z]+$/;
/** A key shorter than this is too ambiguous to stand for the word ("ac" must not become "ak"). */
const MIN_WORD_LENGTH = 3;

/**
 * Folds Indonesian orthographic variants (f/ph, k/c/q, s/x, j/dj, u/oe, c/tj,
 * kh/ch, single/double letters, ...) to one key, by the ordered rules of
 * src/search/data/spelling-id.json. Both sides of a match are folded, so a
 * rule only has to bring variants together, not produce the standard word.
 */
export function createSpellingKey(rules: readonly SpellingRule[]): (word: string) => string {
  const compiled = rules.map((rule) => ({ pattern: new RegExp(rule.from, 'g'), to: rule.to }));
  return (word) => {
    if (word.length < MIN_WORD_LENGTH || !LETTERS_ONLY.test(word)) return word;
    let key = word;
    for (const rule of compiled) key = key.replace(rule.pattern, rule.to);
    return key.length >= MIN_WORD_LENGTH - 1 ? key : word;
  };
}

export const spellingKey = createSpellingKey(spellingFile.rules);
