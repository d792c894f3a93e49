import { readFileSync } from 'node:fs';
import stopWordsFile from '../data/stopwords-id.json';
import synonymsFile from '../data/synonyms-id.json';
import { matchKey } from './match-key';
import { normalizeWord } from './normalize';
import { SynonymDictionary } from './synonym-dictionary';
import { bundledTopicLexicon, TopicLexicon } from './topic-lexicon';

/** Stop words, synonyms, stemmer and spelling: the language knowledge both engines share. */
export interface SearchLanguage {
  stopWords: ReadonlySet<string>;
  readonly synonyms: SynonymDictionary;
  /** The stem's spelling key (match-key.ts): words with the same key match each other. */
  matchKey(word: string): string;
  /** Which topics of job training words name (topic-lexicon.ts). */
  readonly topics: TopicLexicon;
}

export const SEARCH_LANGUAGE = Symbol('SEARCH_LANGUAGE');

/** The curators' synonym file is invalid: nothing of it is applied. */
export class CuratedSynonymsError extends Error {}

/**
 * The bundled data files (src/search/data, imported so the build copies
 * them) plus the curators' synonym groups of SEARCH_SYNONYMS_FILE, which
 * reload() reads again: every reindex calls it, so curators add synonyms
 * without a deploy (Meilisearch receives them with the rebuilt index's
 * settings; the in-process engine applies them to queries at once).
 */
export class CuratedSearchLanguage implements SearchLanguage {
  readonly stopWords: ReadonlySet<string>;
  readonly matchKey = matchKey;
  readonly topics = bundledTopicLexicon();
  private dictionary!: SynonymDictionary;

  constructor(private readonly curatedSynonymsFile?: string) {
    this.stopWords = new Set(stopWordsFile.words.map((word) => normalizeWord(word.trim())).filter((word) => word.length > 0));
    this.reload();
  }

  get synonyms(): SynonymDictionary {
    return this.dictionary;
  }

  /** Reads the curators' file again; an invalid file throws and the groups in force stay. */
  reload(): void {
    const curated = this.curatedSynonymsFile ? readCuratedGroups(this.curatedSynonymsFile) : [];
    this.dictionary = SynonymDictionary.fromTexts([...synonymsFile.groups, ...curated], matchKey);
  }
}

function readCuratedGroups(path: string): string[][] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new CuratedSynonymsError(`SEARCH_SYNONYMS_FILE ${path} cannot be read as JSON: ${(error as Error).message}`);
  }
  const groups = (parsed as { groups?: unknown } | null)?.groups;
  const valid =
    Array.isArray(groups) &&
    groups.every((group) => Array.isArray(group) && group.length >= 2 && group.every((entry) => typeof entry === 'string' && entry.trim().length > 0 && entry.length <= 100));
  if (!valid) throw new CuratedSynonymsError(`SEARCH_SYNONYMS_FILE ${path} must be {"groups": [["word or phrase", "another", ...], ...]} (two or more non-empty entries per group)`);
  return groups as string[][];
}

export function loadSearchLanguage(curatedSynonymsFile?: string): CuratedSearchLanguage {
  return new CuratedSearchLanguage(curatedSynonymsFile);
}
