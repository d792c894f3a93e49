import stopWordsFile from '../data/stopwords-id.json';
import synonymsFile from '../data/synonyms-id.json';
import { matchKey } from './match-key';
import { normalizeWord } from './normalize';
import { SynonymDictionary } from './synonym-dictionary';

/** Stop words, synonyms, stemmer and spelling: the language knowledge both engines share. */
export interface SearchLanguage {
  stopWords: ReadonlySet<string>;
  synonyms: SynonymDictionary;
  /** The stem's spelling key (match-key.ts): words with the same key match each other. */
  matchKey(word: string): string;
}

/** The data files (src/search/data) are imported, so the build copies them next to the code. */
export function loadSearchLanguage(): SearchLanguage {
  const stopWords = new Set(stopWordsFile.words.map((word) => normalizeWord(word.trim())).filter((word) => word.length > 0));
  return { stopWords, synonyms: SynonymDictionary.fromTexts(synonymsFile.groups, matchKey), matchKey };
}
