import { analyzeQuery } from '../search/text/query-analysis';
import type { SearchLanguage } from '../search/text/search-language';

/**
 * One position of a relevance query: its words, each searched on its own, and
 * for a synonym phrase the phrase too (the engine expands it to its synonyms);
 * every term ends with a space, as a whole title is not a prefix being typed.
 * The weight says how much the clause counts beside rarity.
 */
export interface WeightedClause {
  words: string[];
  phrase?: string;
  weight: number;
  /** Which part of the text it is in: its topic (0) or a qualifier after "untuk", "dengan", a colon (1, 2, ...). */
  segment: number;
}

/** Like every query (analyzeQuery, Meilisearch), a like text counts by its first ten words. */
const MAX_WORDS = 10;
const WORD = /[\p{L}\p{N}]+/gu;
/**
 * Where a course title turns from its topic to its audience, tool or manner:
 * "Bahasa Inggris | untuk Pelayan Restoran", "Barista Profesional | : Teknik
 * Espresso", "Desain Grafis | dengan Canva". Indonesian noun phrases put the
 * head first, so what follows qualifies it.
 */
const QUALIFIER = /([:;|()[\]]|\s(?:untuk|bagi|dengan|sebagai|melalui|menggunakan|pada|di)\s)/iu;
/** Matches of a qualifier's words count this much of a topic word's. */
const QUALIFIER_WEIGHT = 0.5;
/**
 * Except a tool's: what a course teaches "dengan" (with), "menggunakan"
 * (using) or "melalui" (through) is part of its subject ("Desain UI/UX |
 * dengan Figma", "Pemrograman Web | dengan PHP"), unlike the audience after
 * "untuk" or "bagi". Its words weigh as the topic's (still after them).
 */
const TOOL = /^\s(?:dengan|menggunakan|melalui)\s$/iu;
/** Within a title, later words weigh a little less: the n-th clause counts 1 / (1 + POSITION_DECAY × n). */
const POSITION_DECAY = 0.2;
/**
 * A verb (me-, ber- and their forms, with a root the stemmer strips them
 * from: "Mengelola", "Meningkatkan", "Beternak") says what is done; the noun
 * after it what the course is about ("Mengelola | Keuangan"). Verbs weigh
 * this much and do not count as a position.
 */
const VERB_WEIGHT = 0.5;
const VERB_PREFIX = /^(?:me|ber|be)/u;

/**
 * The clauses of a relevance query. Each term is searched on its own so that
 * a module matching any of them is a candidate (OR semantics) and each can be
 * weighted by how rare it is. Stop words go. A synonym phrase of the language
 * data is one clause: each of its words counts ("Cakap Inggris" lacks
 * "bahasa" yet matches), the phrase as an alternative (the engine expands
 * "bahasa inggris" to "english"). Synonyms are not searched as typed words:
 * they would get typos ("perikanan" would find "periklanan"). Topic and tool words weigh more than
 * an audience's or a place's, earlier ones more than later ones.
 */
export function relevanceClauses(text: string, language: SearchLanguage): WeightedClause[] {
  const clauses = new Map<string, WeightedClause>();
  let position = 0;
  textSegments(text).forEach(({ text: segment, weight: segmentWeight }, index) => {
    for (const clause of analyzeQuery(`${segment} `, language)) {
      const typed = clause.alternatives.find((alternative) => !alternative.synonym)?.words ?? [];
      const words = typed.map((word) => word.text);
      if (words.length === 0) continue;
      const verb = typed.length === 1 && isVerb(typed[0].text, language);
      const weight = verb ? (segmentWeight * VERB_WEIGHT) / (1 + POSITION_DECAY * position) : segmentWeight / (1 + POSITION_DECAY * position++);
      const key = words.join(' ');
      if ((clauses.get(key)?.weight ?? 0) >= weight) continue;
      // A one-word clause's synonyms the engine applies to the word itself.
      clauses.set(key, { words: words.map((word) => `${word} `), phrase: words.length > 1 ? `${key} ` : undefined, weight, segment: index });
    }
  });
  return [...clauses.values()];
}

/** A part of a text: its topic (weight 1), a tool's (1) or an audience's or place's (QUALIFIER_WEIGHT). */
export interface TextSegment {
  text: string;
  weight: number;
}

/** The parts of a text's first ten words, split where it turns from its topic to a qualifier. */
export function textSegments(text: string): TextSegment[] {
  const tenthWord = [...text.matchAll(WORD)][MAX_WORDS - 1];
  const head = tenthWord ? text.slice(0, tenthWord.index + tenthWord[0].length) : text;
  // The capturing group keeps the markers: segments at even places, each after the marker before it.
  const parts = head.split(QUALIFIER);
  return parts.flatMap((segment, place) => (place % 2 === 1 ? [] : [{ text: segment, weight: place === 0 || TOOL.test(parts[place - 1]) ? 1 : QUALIFIER_WEIGHT }]));
}

/** An affixed verb: a verb prefix the stemmer strips ("mengelola" → "kelola"); "media" or "menu" keep their form. */
export const isVerb = (word: string, language: SearchLanguage): boolean => VERB_PREFIX.test(word) && language.matchKey(word) !== word && !language.matchKey(word).startsWith(word.slice(0, 3));

/**
 * The distinctive words of a title (stop words out, as match keys), for
 * spotting near-identical titles. Numbers stay: "Part 1" and "Part 2" are two
 * courses of a series, not two copies of one.
 */
export function titleWords(title: string, language: SearchLanguage): Set<string> {
  return new Set(
    analyzeQuery(`${title} `, language)
      .flatMap((clause) => clause.alternatives.filter((alternative) => !alternative.synonym).flatMap((alternative) => alternative.words))
      .map((word) => word.key),
  );
}

/** The words of a title a search can take on their own (stop words and bare numbers out), lower case, once each. */
export function titleTerms(title: string, language: SearchLanguage): string[] {
  return [
    ...new Set(
      analyzeQuery(`${title} `, language)
        .flatMap((clause) => clause.alternatives.filter((alternative) => !alternative.synonym).flatMap((alternative) => alternative.words))
        .filter((word) => !/^\d+$/.test(word.text))
        .map((word) => word.text),
    ),
  ];
}
