import type { ModuleDocument, SearchEngine, SearchFilters, SearchResponse } from '../search/search-engine.port';
import type { SearchLanguage } from '../search/text/search-language';
import { browseFits, CATEGORY_EVIDENCE, categoryAgreementFits, clauseCategories, inverseDocumentFrequency, NEIGHBOUR_SOURCE_FIT, NEIGHBOUR_SOURCES, neighbourFits, rareWordCategories, senseAgreement, compareOptions, fuseSignals, inferredCategories, nearDuplicatesLast, RankableModule, relevanceRanking, shelfDocumentFrequency, Signal, TermHits, WEIGHTS } from './free-options-ranking';
import { isVerb, relevanceClauses, titleTerms, titleWords } from './relevance-terms';
import { TermGrader } from './term-match';
import { mainTopicSets, moduleTopicProfile, TopicProfile, topicAgreement, topicFactor, topicFits, topicProfile } from './topic-agreement';

/** How many hits of each search take part in the ranking. */
export const POOL_SIZE = 50;

export interface FreeOptionsQuery {
  signals: Signal[];
  /** Rp0, and Rp1 too once the credit is exhausted (its fee is waived). */
  priceIdr: number[];
  /** Modules the beneficiary is enrolled in. */
  excludeIds: string[];
  /** At least this many candidates are gathered when the shelf has them. */
  first: number;
}

export interface FreeOptionCandidates {
  /** Fused fit of every related candidate; popular modules that no signal found are candidates without a score. */
  scores: Map<string, number>;
  /** The candidates' index documents: related ones by fit, then the popular fill, at most twice the page size. */
  documents: ModuleDocument[];
}

/**
 * Runs the searches of a free-options ranking on one engine: each distinct
 * term of the text signals once (the same filters everywhere), each category
 * browse, and a popularity browse that fills up. A term's idf is its
 * rarity on the whole shelf (shelfDocumentFrequency). Both engines answer single terms the same way, so OR semantics
 * and term weights need nothing more from the search port. Each hit is
 * graded by how it holds the term (term-match.ts): a bought course's words
 * count only as themselves or their stems. The terms of a bought course or
 * like text are also searched on the whole shelf (any price): its best
 * matches there give its categories, whose offered modules are then
 * candidates too, fitting by share.
 */
export async function gatherFreeOptions(engine: SearchEngine, language: SearchLanguage, query: FreeOptionsQuery): Promise<FreeOptionCandidates> {
  const filters: SearchFilters = { priceIdr: query.priceIdr, excludeIds: query.excludeIds };
  const pageSize = Math.max(POOL_SIZE, query.first);
  const search = (text: string, categorySlugs?: string[], topics?: string[]) =>
    engine.search({ query: text, filters: { ...filters, categorySlugs, topics }, sort: text ? 'RELEVANCE' : 'POPULARITY', page: 1, pageSize, facets: false });
  // A category's evidence is the whole shelf (any price, enrolled too): a paid course's peers are mostly paid.
  const searchWholeShelf = (term: string) => engine.search({ query: term, filters: {}, sort: 'RELEVANCE', page: 1, pageSize: CATEGORY_EVIDENCE, facets: false });

  const textSignals = query.signals.filter((signal) => !signal.categorySlugs);
  const clausesOf = new Map(textSignals.map((signal) => [signal, relevanceClauses(signal.query, language)]));
  const distinctTerms = [...new Set([...clausesOf.values()].flat().flatMap((clause) => [...clause.words, ...(clause.phrase ? [clause.phrase] : [])]))];
  const categorySignals = query.signals.filter((signal) => signal.categorySlugs);
  const inferring = textSignals.filter((signal) => signal.infersCategory);
  const evidenceTerms = [...new Set(inferring.flatMap((signal) => clausesOf.get(signal)!.flatMap((clause) => [...clause.words, ...(clause.phrase ? [clause.phrase] : [])])))];
  // What each text that says what the beneficiary is after is about, by the topic lexicon; its main topics and groups are browsed for filler.
  const profiles = new Map(inferring.map((signal) => [signal, topicProfile(signal.query, language.topics)] as const));
  const topicBrowses = mainTopicSets([...profiles.values()], language.topics);
  const [popular, termResponses, categoryResponses, evidenceResponses, topicResponses] = await Promise.all([
    search(''),
    Promise.all(distinctTerms.map((term) => search(term))),
    Promise.all(categorySignals.map((signal) => search('', signal.categorySlugs))),
    Promise.all(evidenceTerms.map((term) => searchWholeShelf(term))),
    Promise.all(topicBrowses.map((topics) => search('', undefined, topics))),
  ]);

  const grader = new TermGrader(language);
  const documents = new Map<string, ModuleDocument>();
  const remember = (hits: { id: string; document: ModuleDocument }[]) => hits.map((hit) => (documents.set(hit.id, hit.document), hit.id));
  const graded = (responses: Map<string, SearchResponse>, save: boolean) => (term: string, typed: boolean): TermHits => {
    const { hits, totalHits } = responses.get(term)!;
    return { ids: save ? remember(hits) : hits.map((hit) => hit.id), grades: hits.map((hit) => grader.grade(term, hit.document, typed)), totalHits };
  };
  // A module's topics from its title and skills, with how many of its words name each.
  const moduleTopics = new Map<string, TopicProfile | undefined>();
  const topicsOfModule = (id: string) => {
    if (!moduleTopics.has(id)) {
      const document = documents.get(id)!;
      moduleTopics.set(id, moduleTopicProfile(language.topics.resolvedTopicsOf(`${document.title} ${document.skills.join(' ')}`), language.topics));
    }
    return moduleTopics.get(id);
  };
  /** `sense` scales a hit of the n-th clause by its module (word sense by category, topic agreement); without it every hit counts whole. */
  const rankingOf = (signal: Signal, termHits: (term: string, typed: boolean) => TermHits, shelfSize: number, sense?: (index: number, id: string) => number) => {
    const clauses = clausesOf.get(signal)!.map((clause) => ({
      weight: clause.weight,
      words: clause.words.map((word) => termHits(word, !signal.fromCatalogue)),
      phrase: clause.phrase ? termHits(clause.phrase, !signal.fromCatalogue) : undefined,
    }));
    if (!sense) return relevanceRanking(clauses, shelfSize, signal.minClauses);
    const senseOf = (hits: TermHits, index: number): TermHits => ({ ...hits, grades: hits.grades.map((grade, rank) => grade * sense(index, hits.ids[rank])) });
    return relevanceRanking(
      clauses.map((clause, index) => ({ ...clause, words: clause.words.map((hits) => senseOf(hits, index)), phrase: clause.phrase && senseOf(clause.phrase, index) })),
      shelfSize,
      signal.minClauses,
    );
  };

  // The whole shelf's matches of each term of a bought course or like text: what it is about.
  const shelfHits = graded(new Map(evidenceTerms.map((term, i) => [term, evidenceResponses[i]])), false);
  const shelfDocuments = new Map(evidenceResponses.flatMap((response) => response.hits.map((hit) => [hit.id, hit.document] as const)));
  const shelfSize = Math.max(popular.totalHits, ...evidenceResponses.map((response) => response.totalHits));
  const senses = new Map(
    inferring.map((signal) => {
      const clauses = clausesOf.get(signal)!.map((clause) => {
        const terms = [...clause.words, ...(clause.phrase ? [clause.phrase] : [])].map((term) => shelfHits(term, !signal.fromCatalogue));
        const matches = terms.flatMap(({ ids, grades }) => ids.map((id, rank) => ({ categorySlug: shelfDocuments.get(id)!.categorySlug, grade: grades[rank] })));
        const rarity = Math.max(0, ...terms.map(({ totalHits }) => inverseDocumentFrequency(totalHits, shelfSize)));
        return { categories: clauseCategories(matches), weight: clause.weight * rarity, segment: clause.segment };
      });
      return [signal, senseAgreement(clauses)] as const;
    }),
  );

  const offeredHits = graded(new Map(distinctTerms.map((term, i) => [term, termResponses[i]])), true);
  // The offered modules' hits, with each term's frequency on the whole shelf (its rarity in the catalogue).
  const shelfHolding = new Map(evidenceTerms.map((term, i) => [term, evidenceResponses[i].totalHits]));
  const offeredHitsByShelfFrequency = (term: string, typed: boolean): TermHits => {
    const hits = offeredHits(term, typed);
    return { ...hits, totalHits: shelfDocumentFrequency({ holding: hits.totalHits, size: popular.totalHits }, { holding: shelfHolding.get(term), size: shelfSize }) };
  };
  const senseOfModule = (signal: Signal) => {
    const bySense = senses.get(signal);
    const profile = profiles.get(signal);
    if (!bySense && !profile) return undefined;
    return (index: number, id: string) =>
      (bySense ? bySense(index, documents.get(id)!.categorySlug) : 1) * (profile ? topicFactor(topicAgreement(profile, topicsOfModule(id))) : 1);
  };
  const textRankings = textSignals.map((signal) => ({ weight: signal.weight, fits: rankingOf(signal, offeredHitsByShelfFrequency, shelfSize, senseOfModule(signal)) }));

  // What each bought course or like text is about: the categories of its best matches on the whole shelf, by share.
  const shelfRankings = inferring.map((signal) => rankingOf(signal, shelfHits, shelfSize));
  // Neighbours: the other words of the text's best matches on the whole shelf, searched among the offered modules.
  const ownKeys = new Set(evidenceTerms.flatMap((term) => titleTerms(term, language)).map((word) => language.matchKey(word)));
  const sources = shelfRankings.flatMap((ranking, i) =>
    ranking
      .slice(0, NEIGHBOUR_SOURCES)
      .filter(({ fit }) => fit >= NEIGHBOUR_SOURCE_FIT)
      .map(({ id, fit }) => ({
        id,
        fit: fit * inferring[i].weight,
        terms: titleTerms(shelfDocuments.get(id)!.title, language)
          .filter((word) => !ownKeys.has(language.matchKey(word)) && !isVerb(word, language))
          .map((word) => `${word} `),
      })),
  );
  const neighbourTerms = [...new Set(sources.flatMap((source) => source.terms))];
  const neighbourResponses = await Promise.all(neighbourTerms.map((term) => search(term)));
  const neighbourHits = graded(new Map(neighbourTerms.map((term, i) => [term, neighbourResponses[i]])), true);
  // Neighbours order only what no text found: a module that matched keeps its place among the matches.
  const matched = new Set(textRankings.flatMap(({ fits }) => fits.map(({ id }) => id)));
  const neighbours = neighbourFits(sources, (term) => neighbourHits(term, false), popular.totalHits).filter(({ id }) => !matched.has(id));
  const categoryShares = shelfRankings.map((ranking) => inferredCategories(ranking.map(({ id, fit }) => ({ categorySlug: shelfDocuments.get(id)!.categorySlug, grade: fit }))));
  // The category of the modules holding each text's rarest words: a second, weaker say in what it is about.
  const rareWordShares = inferring.filter((signal) => signal.rareWordEvidence).map((signal) =>
    rareWordCategories(
      clausesOf.get(signal)!.map((clause) => {
        const terms = [...clause.words, ...(clause.phrase ? [clause.phrase] : [])].map((term) => shelfHits(term, !signal.fromCatalogue));
        const held = terms.map(({ totalHits }) => totalHits).filter((holding) => holding > 0);
        return {
          holding: held.length > 0 ? Math.min(...held) : 0,
          matches: terms.flatMap(({ ids, grades }) => ids.map((id, rank) => ({ id, categorySlug: shelfDocuments.get(id)!.categorySlug, grade: grades[rank] }))),
        };
      }),
    ),
  );
  const inferredSlugs = [...new Set([...categoryShares, ...rareWordShares].flatMap((shares) => [...shares.keys()]))];
  const inferredBrowses = await Promise.all(inferredSlugs.map((slug) => search('', [slug])));
  const offeredIn = new Map(inferredSlugs.map((slug, i) => [slug, { ids: remember(inferredBrowses[i].hits), totalHits: inferredBrowses[i].totalHits }]));

  remember(popular.hits);
  topicResponses.forEach((response) => remember(response.hits));
  const candidates = [...documents.keys()].map((id) => ({ id, topics: topicsOfModule(id) }));
  const topicRankings = [...profiles.values()].flatMap((profile) => (profile ? [{ weight: WEIGHTS.topicAgreement, fits: topicFits(profile, candidates) }] : []));
  const scores = fuseSignals([
    ...textRankings,
    ...topicRankings,
    { weight: WEIGHTS.neighbour, fits: neighbours },
    ...categorySignals.map((signal, i) => ({ weight: signal.weight, fits: browseFits(remember(categoryResponses[i].hits)) })),
    ...categoryShares.map((shares) => ({
      weight: WEIGHTS.categoryAgreement,
      fits: categoryAgreementFits(shares, offeredIn, popular.totalHits),
    })),
    ...rareWordShares.map((shares) => ({ weight: WEIGHTS.rareWordCategory, fits: categoryAgreementFits(shares, offeredIn, popular.totalHits) })),
  ]);
  const popularIds = popular.hits.map((hit) => hit.id).filter((id) => !scores.has(id));
  const related = [...scores.keys()].sort((a, b) => scores.get(b)! - scores.get(a)! || (a < b ? -1 : 1));
  // Related first, then the popular fill; bounded, since the caller re-checks these rows in the database.
  const documentsInOrder = [...related, ...popularIds].slice(0, 2 * pageSize).map((id) => documents.get(id)!);
  return { scores, documents: documentsInOrder };
}

/** The first `first` options in order of fit (popularity and rating break ties), near-identical titles after the rest. */
export function orderOptions<T extends RankableModule & { title: string }>(modules: T[], scores: Map<string, number>, language: SearchLanguage, first: number): T[] {
  const ordered = [...modules].sort(compareOptions(scores));
  return nearDuplicatesLast(ordered, (module) => titleWords(module.title, language)).slice(0, first);
}
