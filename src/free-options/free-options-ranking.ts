/**
 * How free modules are ranked for a beneficiary: one search per signal of
 * fit, the rankings fused by weighted reciprocal rank, popularity and rating
 * breaking ties. Pure functions, so the order is deterministic for the same
 * data.
 */

export interface BeneficiaryProfile {
  interests: string[];
  /** Category slugs of past enrollments with how many enrollments each. */
  categories: { slug: string; count: number }[];
  /** Skills of past enrollments' modules with how often each appears. */
  skills: { skill: string; count: number }[];
}

/** One search whose ranking counts toward the fused score. */
export interface Signal {
  name: string;
  query: string;
  categorySlugs?: string[];
  weight: number;
}

export const WEIGHTS = { like: 3, interest: 2, skill: 1.5, category: 1 } as const;
const MAX_INTERESTS = 10;
const MAX_SKILLS = 5;
const MAX_CATEGORIES = 3;
/** Reciprocal-rank constant: rank 1 scores 1/11, rank 10 scores 1/20, so lower ranks still count. */
const RRF_K = 10;

const byCountThenName = <T>(name: (item: T) => string, count: (item: T) => number) => (a: T, b: T) => count(b) - count(a) || name(a).localeCompare(name(b));

/** The searches to run for a profile and an optional `like` text, strongest first. */
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
  if (text) add({ name: 'like', query: text, weight: WEIGHTS.like });
  for (const interest of profile.interests.map((i) => i.trim()).filter(Boolean).slice(0, MAX_INTERESTS)) {
    add({ name: `interest:${interest}`, query: interest, weight: WEIGHTS.interest });
  }
  const skills = [...profile.skills].sort(byCountThenName((s) => s.skill, (s) => s.count)).slice(0, MAX_SKILLS);
  for (const { skill } of skills) add({ name: `skill:${skill}`, query: skill, weight: WEIGHTS.skill });
  const categories = [...profile.categories].sort(byCountThenName((c) => c.slug, (c) => c.count)).slice(0, MAX_CATEGORIES);
  for (const { slug } of categories) add({ name: `category:${slug}`, query: '', categorySlugs: [slug], weight: WEIGHTS.category });
  return signals;
}

/** Weighted reciprocal-rank fusion: each signal adds weight / (K + rank) to the modules it found. */
export function fuseRankings(rankings: { weight: number; ids: string[] }[]): Map<string, number> {
  const scores = new Map<string, number>();
  for (const { weight, ids } of rankings) {
    ids.forEach((id, index) => scores.set(id, (scores.get(id) ?? 0) + weight / (RRF_K + index + 1)));
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
