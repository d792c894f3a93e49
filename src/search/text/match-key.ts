import { stemWord } from './indonesian-stemmer';
import { tokenize } from './normalize';
import { spellingKey } from './spelling';

/** Highlighting asks the key of every word of every hit shown: one look-up, not a stem and 17 rewrites. */
const MAX_CACHED_KEYS = 200_000;
const keys = new Map<string, string>();

/**
 * The form two words are compared in besides their exact text: the spelling
 * key of the stem (Sastrawi first, since it needs the standard spelling to
 * find a root). "memasarkan" and "pemasaran" share "pasar"; "excell" and
 * "eksel" share "eksel".
 */
export function matchKey(word: string): string {
  let key = keys.get(word);
  if (key === undefined) {
    key = spellingKey(stemWord(word));
    if (keys.size >= MAX_CACHED_KEYS) keys.clear();
    keys.set(word, key);
  }
  return key;
}

/**
 * The match keys of the words of `texts` that differ from the word itself,
 * deduplicated, space-separated: the extra searchable field the Meilisearch
 * adapter fills, so a query sent as keys ("pasar" for "memasarkan", "eksel"
 * for "excel") finds every inflection and spelling.
 */
export function matchKeyText(texts: readonly string[]): string {
  const keys = new Set<string>();
  for (const text of texts) {
    for (const word of tokenize(text)) {
      const key = matchKey(word);
      if (key !== word) keys.add(key);
    }
  }
  return [...keys].join(' ');
}
