import stopWordsFile from '../data/stopwords-id.json';
import synonymsFile from '../data/synonyms-id.json';
import { stemWord } from './indonesian-stemmer';
import { normalizeWord } from './normalize';
import { SynonymDictionary } from './synonym-dictionary';

/** Stop words, synonyms and stemmer: the language knowledge both engines share. */
export interface SearchLanguage {
  stopWords: ReadonlySet<string>;
  synonyms: SynonymDictionary;
  stem(word: string): string;
}

/** The data files (src/search/data) are imported, so the build copies them next to the code. */
export function loadSearchLanguage(): SearchLanguage {
  const stopWords = new Set(stopWordsFile.words.map((word) => normalizeWord(word.trim())).filter((word) => word.length > 0));
  return { stopWords, synonyms: SynonymDictionary.fromTexts(synonymsFile.groups, stemWord), stem: stemWord };
}
