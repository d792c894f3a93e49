import type { ModuleDocument } from '../search/search-engine.port';
import { tokenize } from '../search/text/normalize';
import { analyzeQuery } from '../search/text/query-analysis';
import type { SearchLanguage } from '../search/text/search-language';

/**
 * How well a module holds a term the engine found it for, from 0 to 1. The
 * engine matches generously (typos, stems, prefixes, every attribute), which
 * suits a person typing; a course title typed by the platform needs its
 * words themselves: "Padang" is not "Pandang", "petelur" is less "Telur".
 */
export const GRADES = {
  /** The word itself (or a curated synonym of it). */
  exact: 1,
  /** The same stem or spelling key only ("petelur" / "telur", "memasarkan" / "pemasaran"). */
  stem: 0.5,
  /** A match the engine made otherwise (typo, joined word, prefix): counted only for words a person typed. */
  loose: 0.4,
} as const;

/**
 * Where the word is found: the title and skills say what a module teaches,
 * the summary and description less directly (a long text holds many words by
 * chance), the category name only where it is filed ("Teknik").
 */
const FIELD_WEIGHTS = { title: 1, skills: 1, summary: 0.7, description: 0.5, categoryName: 0.3 } as const;

interface DocumentWords {
  /** Word → the best field weight it appears in. */
  words: Map<string, number>;
  /** Match key → the best field weight. */
  keys: Map<string, number>;
}

/** Grades terms against documents, caching each document's words (one instance per ranking). */
export class TermGrader {
  private readonly documents = new Map<string, DocumentWords>();
  private readonly alternatives = new Map<string, string[][]>();

  constructor(private readonly language: SearchLanguage) {}

  /**
   * The grade of `document` for `term` (one word or a synonym phrase, as
   * searched): the best of its alternatives (the typed words, each curated
   * synonym), each as good as its worst word. `typed` terms keep the
   * engine's loose matches at GRADES.loose; others count only words or stems.
   */
  grade(term: string, document: ModuleDocument, typed: boolean): number {
    const held = this.wordsOf(document);
    let best = 0;
    for (const words of this.alternativesOf(term)) {
      let worst = 1;
      for (const word of words) {
        const exact = held.words.get(word) ?? 0;
        const stem = (held.keys.get(this.language.matchKey(word)) ?? 0) * GRADES.stem;
        worst = Math.min(worst, Math.max(exact * GRADES.exact, stem));
      }
      best = Math.max(best, worst);
    }
    return typed ? Math.max(best, GRADES.loose) : best;
  }

  private alternativesOf(term: string): string[][] {
    let alternatives = this.alternatives.get(term);
    if (!alternatives) {
      alternatives = analyzeQuery(term, this.language).flatMap((clause) => clause.alternatives.map((alternative) => alternative.words.map((word) => word.text)));
      // A phrase is analysed as one clause; a stop-word-only term has no alternative and grades 0.
      this.alternatives.set(term, alternatives);
    }
    return alternatives;
  }

  private wordsOf(document: ModuleDocument): DocumentWords {
    let held = this.documents.get(document.id);
    if (!held) {
      held = { words: new Map(), keys: new Map() };
      const fields: [string, number][] = [
        [document.title, FIELD_WEIGHTS.title],
        [document.skills.join(' '), FIELD_WEIGHTS.skills],
        [document.summary, FIELD_WEIGHTS.summary],
        [document.description, FIELD_WEIGHTS.description],
        [document.categoryName, FIELD_WEIGHTS.categoryName],
      ];
      for (const [text, weight] of fields) {
        for (const word of tokenize(text)) {
          held.words.set(word, Math.max(held.words.get(word) ?? 0, weight));
          const key = this.language.matchKey(word);
          held.keys.set(key, Math.max(held.keys.get(key) ?? 0, weight));
        }
      }
      this.documents.set(document.id, held);
    }
    return held;
  }
}
