/**
 * How free modules are ranked for a beneficiary: one ranking per signal of
 * fit, fused by weighted scores, popularity and rating breaking ties. Text signals (the like text, the paid courses bought, interests,
 * skills) are relevance queries with OR semantics: each term is searched on
 * its own and a module scores the rarity (idf) of every term it matches.
 * Pure functions, so the order is deterministic for the same data.
 */

export interface BeneficiaryProfile {
  interests: string[];
  /** Titles of the paid courses the credit paid for (LedgerEntry.description), newest first. */
  purchases: string[];
  /** Category slugs of past enrollments with how many enrollments each. */
  categories: { slug: string; count: number }[];
  /** Titles of the modules of past enrollments, newest first: not offered again, but what they teach is what the beneficiary is learning. */
  enrolledTitles: string[];
  /** Skills of past enrollments' modules with how often each appears. */
  skills: { skill: string; count: number }[];
}

/** One ranking that counts toward the fused score: a relevance query, or a category browse when `categorySlugs` is set. */
export interface Signal {
  name: string;
  query: string;
  categorySlugs?: string[];
  weight: number;
  /**
   * Written by the platform (a bought course's title, a module's skill), not
   * typed by the person: only its words and their stems count, no typo or
   * prefix match; and a bought course or like text says which category the
   * beneficiary is after (category agreement, below).
   */
  fromCatalogue?: boolean;
  /** Its best matches' category is a signal too (a like text, a bought course or an interest: what they want to learn). */
  infersCategory?: boolean;
  /**
   * A like text or a bought course's title: the modules holding its rarest
   * words say its category too (rareWordCategories). Not an interest: a word
   * or two, whose best matches already are those modules.
   */
  rareWordEvidence?: boolean;
  /** A module must match this many of its clauses to count (relevanceRanking); 1 when unset. */
  minClauses?: number;
}

/**
 * What was asked for or bought weighs most; earlier purchases a little less;
 * the title of a module they are enrolled in as much as a skill of it (both
 * say what they are learning); sharing an inferred category (times its share
 * and specificity) counts like an interest, the category of the modules
 * holding its rarest words (rareWordCategories) half that; a neighbour of the best matches
 * (neighbourFits) only orders what would otherwise be filler.
 */
export const WEIGHTS = { like: 3, purchase: 3, earlierPurchase: 2, interest: 2, enrolled: 1.5, skill: 1.5, category: 1, categoryAgreement: 2, rareWordCategory: 1, topicAgreement: 3, neighbour: 0.3 } as const;
const MAX_INTERESTS = 10;
const MAX_PURCHASES = 3;
const MAX_SKILLS = 5;
const MAX_ENROLLED = 3;
const MAX_CATEGORIES = 3;
/**
 * The title of a module they took says what they are learning, as a whole:
 * a module sharing one word of it ("Etika" of "Etika dan Etiket di
 * Lingkungan Kerja bagi Sekretaris", "Pemula" of "Belajar Pemrograman
 * CodeIgniter Pemula") shares a word, not the subject; it must match two of
 * its clauses (or its only one).
 */
export const ENROLLED_MIN_CLAUSES = 2;
/** A browse's 11th module fits half as well as its first. */
const BROWSE_K = 10;
/**
 * A module whose relevance score is below this share of the best one matched
 * only weak words (e.g. "belajar" of "Belajar Bahasa Inggris"): it is not
 * counted as related, so it cannot outrank a good match of another signal.
 */
const RELATED_SHARE = 0.1;
/** Within one term's hits the engine's order (title before description, fewer typos) still counts a little. */
const RANK_DECAY = 0.3;

const byCountThenName = <T>(name: (item: T) => string, count: (item: T) => number) => (a: T, b: T) => count(b) - count(a) || name(a).localeCompare(name(b));

/** The rankings to compute for a profile and an optional `like` text, strongest first. */
export function signalsFor(profile: BeneficiaryProfile, like?: string | null): Signal[] {
  const signals: Signal[] = [];
  const seen = new Set<string>();
  const add = (signal: Signal) => {
    const key = `${signal.query.toLowerCase()}|${signal.categorySlugs?.join(',') ?? ''}`;
    if (seen.has(key)) return;
    seen.add(key);
    signals.push(signal);
  };
  const text = like?.trim();
  if (text) add({ name: 'like', query: text, weight: WEIGHTS.like, infersCategory: true, rareWordEvidence: true });
  profile.purchases
    .map((title) => title.trim())
    .filter(Boolean)
    .slice(0, MAX_PURCHASES)
    .forEach((title, index) => add({ name: `purchase:${title}`, query: title, weight: index === 0 && !text ? WEIGHTS.purchase : WEIGHTS.earlierPurchase, fromCatalogue: true, infersCategory: true, rareWordEvidence: true }));
  for (const interest of profile.interests.map((i) => i.trim()).filter(Boolean).slice(0, MAX_INTERESTS)) {
    add({ name: `interest:${interest}`, query: interest, weight: WEIGHTS.interest, infersCategory: true });
  }
  for (const title of profile.enrolledTitles.map((title) => title.trim()).filter(Boolean).slice(0, MAX_ENROLLED)) {
    add({ name: `enrolled:${title}`, query: title, weight: WEIGHTS.enrolled, fromCatalogue: true, minClauses: ENROLLED_MIN_CLAUSES });
  }
  const skills = [...profile.skills].sort(byCountThenName((s) => s.skill, (s) => s.count)).slice(0, MAX_SKILLS);
  for (const { skill } of skills) add({ name: `skill:${skill}`, query: skill, weight: WEIGHTS.skill, fromCatalogue: true });
  const categories = [...profile.categories].sort(byCountThenName((c) => c.slug, (c) => c.count)).slice(0, MAX_CATEGORIES);
  for (const { slug } of categories) add({ name: `category:${slug}`, query: '', categorySlugs: [slug], weight: WEIGHTS.category });
  return signals;
}

/** The hits of one term searched alone: the ids in the engine's order, how well each holds the term (term-match.ts), and how many modules hold it. */
export interface TermHits {
  ids: string[];
  grades: number[];
  totalHits: number;
}

/** A clause of a relevance query: the hits of its words and of its phrase (with the phrase's synonyms), and its weight. */
export interface ClauseHits {
  words: TermHits[];
  phrase?: TermHits;
  weight: number;
}

/** A module's fit to one signal, from 0 (none) to 1 (the signal's best match). */
export interface Fit {
  id: string;
  fit: number;
}

/**
 * How many modules of the whole shelf (any price) hold a term: counted when
 * the term was searched there, otherwise estimated from the offered modules
 * holding it at the offered share of the shelf. A text's terms are weighed
 * by the catalogue's frequencies, not the offered shelf's: "Strategi" in one
 * free title and eight paid ones is common, not the rarest word of the text,
 * and "Padang" is not rarer than "Masakan" because the free shelf is small.
 */
export function shelfDocumentFrequency(offered: { holding: number; size: number }, shelf: { holding?: number; size: number }): number {
  if (shelf.holding !== undefined) return shelf.holding;
  return offered.size > 0 ? Math.round((offered.holding * shelf.size) / offered.size) : offered.holding;
}

/** BM25's inverse document frequency: a term few modules hold weighs more. */
export const inverseDocumentFrequency = (holding: number, shelfSize: number): number =>
  Math.log(1 + (Math.max(shelfSize, holding) - holding + 0.5) / (holding + 0.5));

/**
 * One relevance query's ranking with OR semantics: a module scores the idf
 * of each word of a clause it matches (slightly less the further down that
 * word's hits it is; a phrase's words share it), or the phrase's idf when
 * that is more (a synonym such as "english" for "bahasa inggris"), times the
 * clause's weight; so modules
 * matching more, rarer and more topical words come first. Fits are scores
 * over the best one; modules below RELATED_SHARE of it are left out, and so
 * are modules matching fewer than `minClauses` clauses (or than all of them,
 * when there are fewer). Ties go by id.
 */
export function relevanceRanking(clauses: ClauseHits[], shelfSize: number, minClauses = 1): Fit[] {
  const termScores = ({ ids, grades, totalHits }: TermHits) => {
    const idf = inverseDocumentFrequency(totalHits, shelfSize);
    return ids.map((id, rank) => [id, idf * grades[rank] * (1 - (RANK_DECAY * rank) / ids.length)] as const).filter(([, score]) => score > 0);
  };
  const scores = new Map<string, number>();
  const clausesMatched = new Map<string, number>();
  for (const { words, phrase, weight } of clauses) {
    const clause = new Map<string, number>();
    // A phrase is one concept: its words share its weight.
    for (const word of words) for (const [id, score] of termScores(word)) clause.set(id, (clause.get(id) ?? 0) + score / words.length);
    if (phrase) for (const [id, score] of termScores(phrase)) clause.set(id, Math.max(clause.get(id) ?? 0, score));
    for (const [id, score] of clause) {
      scores.set(id, (scores.get(id) ?? 0) + weight * score);
      clausesMatched.set(id, (clausesMatched.get(id) ?? 0) + 1);
    }
  }
  const required = Math.min(minClauses, clauses.length);
  for (const [id, matched] of clausesMatched) if (matched < required) scores.delete(id);
  const top = Math.max(0, ...scores.values());
  return [...scores]
    .filter(([, score]) => score >= RELATED_SHARE * top)
    .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0))
    .map(([id, score]) => ({ id, fit: score / top }));
}

/** How many of a text's best matches on the whole shelf say which category it belongs to. */
export const CATEGORY_EVIDENCE = 10;
/** A category below this share of the evidence is not inferred. */
const MIN_CATEGORY_SHARE = 0.1;

/**
 * The categories a bought course or like text belongs to, inferred from its
 * best matches on the whole shelf (any price: a paid course's peers are
 * mostly paid): each match counts by its rank and its grade, and a
 * category's share of the total is its fit. The options that share it are
 * more likely the same subject ("Teknik" in a title is not the category).
 */
export function inferredCategories(matches: { categorySlug: string; grade: number }[]): Map<string, number> {
  const votes = new Map<string, number>();
  matches.slice(0, CATEGORY_EVIDENCE).forEach(({ categorySlug, grade }, rank) => votes.set(categorySlug, (votes.get(categorySlug) ?? 0) + grade / (1 + rank)));
  const total = [...votes.values()].reduce((sum, vote) => sum + vote, 0);
  return new Map([...votes].map(([slug, vote]) => [slug, total > 0 ? vote / total : 0] as const).filter(([, share]) => share >= MIN_CATEGORY_SHARE));
}

/** How many modules holding a text's rarest words say which category it is after (rareWordCategories). */
export const RARE_WORD_SOURCES = 3;

/** One clause of a text on the whole shelf: how many modules hold it, and its matches in the engine's order, graded. */
export interface ClauseShelfMatches {
  holding: number;
  matches: { id: string; categorySlug: string; grade: number }[];
}

/**
 * Pseudo-relevance feedback from the rarest words: the first
 * RARE_WORD_SOURCES modules of the whole shelf that hold a word of the text
 * itself (grade 1, not a stem), taken from its rarest clause on (the fewest
 * modules hold it; clauses no module holds are skipped), each vote for its
 * category, shares summing to 1. Category agreement (inferredCategories)
 * reads the text's best matches, which a common word shared by many titles
 * can fill; the few modules holding its rarest words are the likeliest to
 * be about it. Skills would count here too, but the listings have none.
 */
export function rareWordCategories(clauses: ClauseShelfMatches[], sources = RARE_WORD_SOURCES): Map<string, number> {
  const picked = new Map<string, string>();
  const byRarity = clauses.filter(({ holding }) => holding > 0).sort((a, b) => a.holding - b.holding);
  for (const { matches } of byRarity) {
    for (const { id, categorySlug, grade } of matches) if (grade >= 1 && picked.size < sources && !picked.has(id)) picked.set(id, categorySlug);
  }
  const shares = new Map<string, number>();
  for (const slug of picked.values()) shares.set(slug, (shares.get(slug) ?? 0) + 1 / picked.size);
  return shares;
}

/** How many of a text's best matches on the whole shelf lend their other words (neighbourFits), and how good a match must be to lend them. */
export const NEIGHBOUR_SOURCES = 5;
export const NEIGHBOUR_SOURCE_FIT = 0.3;
/** A lent word held by more than this share of the offered shelf says nothing about a neighbour ("bisnis", "dasar"). */
const NEIGHBOUR_MAX_SHARE = 0.1;

/**
 * Modules near a text's best matches, for when few modules share its words:
 * each best match on the whole shelf (a source, any price) lends the words
 * of its title the text lacks, and an offered module scores the source's fit
 * times the rarity of each lent word it holds, over the source's word count.
 * A make-up course's best match on the real listings is a paid salon-and-MUA
 * bundle, which lends "salon" to a free salon course. Vocabulary no listing
 * shares with the text comes from the listings themselves, not from a word
 * list; a source never scores itself. Fits are scores over the best one.
 */
export function neighbourFits(sources: { id: string; fit: number; terms: string[] }[], hitsOf: (term: string) => TermHits, shelfSize: number): Fit[] {
  const scores = new Map<string, number>();
  for (const { id: source, fit, terms } of sources) {
    for (const term of terms) {
      const { ids, grades, totalHits } = hitsOf(term);
      if (totalHits > NEIGHBOUR_MAX_SHARE * shelfSize) continue;
      const idf = inverseDocumentFrequency(totalHits, shelfSize);
      ids.forEach((id, rank) => {
        if (id !== source && grades[rank] > 0) scores.set(id, (scores.get(id) ?? 0) + (fit * idf * grades[rank]) / terms.length);
      });
    }
  }
  const top = Math.max(0, ...scores.values());
  return [...scores].map(([id, score]) => ({ id, fit: score / top }));
}

/** A match whose category none of the text's other clauses points to counts this much (a word in another sense). */
export const SENSE_FLOOR = 0.6;

/** One clause of a text as evidence of its category: the categories of its matches on the whole shelf (graded), and how telling it is. */
export interface ClauseCategories {
  /** Category slug → share of the clause's graded matches. */
  categories: Map<string, number>;
  /** The clause's weight in the text times its rarity: a rare topic word tells more than "belajar". */
  weight: number;
  /** The part of the text it is in (WeightedClause.segment): only clauses of the same part judge its sense. */
  segment: number;
}

/** A clause's category distribution: each graded match votes for its category, shares sum to 1 (empty when nothing matched). */
export function clauseCategories(matches: { categorySlug: string; grade: number }[]): Map<string, number> {
  const votes = new Map<string, number>();
  for (const { categorySlug, grade } of matches) votes.set(categorySlug, (votes.get(categorySlug) ?? 0) + grade);
  const total = [...votes.values()].reduce((sum, vote) => sum + vote, 0);
  return new Map([...votes].filter(([, vote]) => vote > 0).map(([slug, vote]) => [slug, vote / total] as const));
}

/**
 * Word senses by category: how much a match of clause `index` in a module of
 * category `slug` counts, from SENSE_FLOOR to 1. The other clauses of the
 * same part of the text (topic or qualifier: "Digital Marketing | untuk
 * Usaha Kuliner" names two subjects) vote, weighted, for the categories of
 * their own matches on the whole shelf; a module in the category they point
 * to most keeps its match whole, one in a category none of them points to
 * loses up to 1 - SENSE_FLOOR ("keamanan" of "Keamanan Jaringan Komputer" in
 * a food-safety course), as far as they outweigh the clause itself. A clause
 * alone in its part, or whose neighbours match nothing, keeps 1.
 */
export function senseAgreement(clauses: ClauseCategories[]): (index: number, slug: string) => number {
  const cache = new Map<number, Map<string, number>>();
  const othersOf = (index: number) => {
    let votes = cache.get(index);
    if (!votes) {
      votes = new Map();
      clauses.forEach(({ categories, weight }, other) => {
        if (other === index || clauses[other].segment !== clauses[index].segment) return;
        for (const [slug, share] of categories) votes!.set(slug, (votes!.get(slug) ?? 0) + weight * share);
      });
      cache.set(index, votes);
    }
    return votes;
  };
  return (index, slug) => {
    const votes = othersOf(index);
    const top = Math.max(0, ...votes.values());
    if (top === 0) return 1;
    const others = clauses.reduce((sum, { categories, weight, segment }, other) => (other === index || categories.size === 0 || segment !== clauses[index].segment ? sum : sum + weight), 0);
    // The others overrule a clause only as far as they outweigh it: a rare topic word is not demoted by "profesional" and "teknik".
    const say = others / (others + (clauses[index]?.weight ?? 0));
    return 1 - say * (1 - SENSE_FLOOR) * (1 - (votes.get(slug) ?? 0) / top);
  };
}

/**
 * The fit of the offered modules of inferred categories: the category's
 * share times how specific it is (a catch-all such as "Lainnya" holding a
 * sixth of the shelf says little about a module; a small one says much),
 * (log(shelf / size) / log(shelf))²: squared, so that the filler comes from
 * a small category the text points to ("Pertanian") before a catch-all it
 * points to more.
 */
export function categoryAgreementFits(shares: Map<string, number>, offered: Map<string, { ids: string[]; totalHits: number }>, shelfSize: number): Fit[] {
  const specificity = (size: number) => (shelfSize > 1 ? Math.max(0, Math.log(shelfSize / Math.max(1, size)) / Math.log(shelfSize)) ** 2 : 1);
  return [...shares].flatMap(([slug, share]) => {
    const { ids, totalHits } = offered.get(slug)!;
    return ids.map((id) => ({ id, fit: share * specificity(totalHits) })).filter(({ fit }) => fit > 0);
  });
}

/** A browse (category of past enrollments) has no text score: its order decays like a reciprocal rank, 1 at the top. */
export const browseFits = (ids: string[]): Fit[] => ids.map((id, rank) => ({ id, fit: BROWSE_K / (BROWSE_K + rank) }));

/**
 * Weighted score fusion: each signal adds weight × fit. Unlike reciprocal
 * ranks, a weak match of a strong signal (a title word most modules share)
 * then stays below a good match of a weaker one (an interest).
 */
export function fuseSignals(rankings: { weight: number; fits: Fit[] }[]): Map<string, number> {
  const scores = new Map<string, number>();
  for (const { weight, fits } of rankings) {
    for (const { id, fit } of fits) scores.set(id, (scores.get(id) ?? 0) + weight * fit);
  }
  return scores;
}

export interface RankableModule {
  id: string;
  enrollmentCount: number;
  ratingSum: number;
  ratingCount: number;
}

/** Fit first; then popularity, rating (unrated last) and number of ratings; then id, so the order is total. */
export function compareOptions(scores: Map<string, number>) {
  const average = (m: RankableModule) => (m.ratingCount > 0 ? m.ratingSum / m.ratingCount : -1);
  return (a: RankableModule, b: RankableModule): number =>
    (scores.get(b.id) ?? 0) - (scores.get(a.id) ?? 0) ||
    b.enrollmentCount - a.enrollmentCount ||
    average(b) - average(a) ||
    b.ratingCount - a.ratingCount ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Titles sharing this share of their distinctive words (Jaccard) are near-identical ("… Part 1" and "… Part 2"). */
const NEAR_IDENTICAL = 0.8;

/**
 * The same order with each module whose title is near-identical to an
 * earlier one's moved to the end (kept, in order, in case the list is short):
 * five options should be five different things to learn.
 */
export function nearDuplicatesLast<T>(ordered: T[], titleWords: (item: T) => Set<string>): T[] {
  const kept: Set<string>[] = [];
  const first: T[] = [];
  const later: T[] = [];
  for (const item of ordered) {
    const words = titleWords(item);
    if (kept.some((other) => jaccard(words, other) >= NEAR_IDENTICAL)) {
      later.push(item);
    } else {
      kept.push(words);
      first.push(item);
    }
  }
  return [...first, ...later];
}

function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let shared = 0;
  for (const word of a) if (b.has(word)) shared++;
  return shared / (a.size + b.size - shared);
}
