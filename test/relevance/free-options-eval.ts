/**
 * Free-options precision@5 over judged beneficiary profiles
 * (free-options-profiles.json), for each engine of the relevance catalogue,
 * and separately over the held-out profiles (free-options-holdout.json,
 * written and judged before any run on them and never tuned on), so that
 * tuning to the main set shows as a gap.
 * Runs the service's own ranking (gatherFreeOptions, orderOptions) on the
 * listings' documents: a profile's bought course is its purchase, enrolled
 * listings are excluded and give the categories of past enrollments, and the
 * prices offered follow the credit (Rp1 listings only once it is exhausted).
 * Called by run-relevance.ts; `--verbose` there lists every profile's top five.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { signalsFor, type BeneficiaryProfile } from '../../src/free-options/free-options-ranking';
import { gatherFreeOptions, orderOptions } from '../../src/free-options/free-options-search';
import { offeredPrices } from '../../src/free-options/free-options.service';
import type { ModuleDocument, SearchEngine } from '../../src/search/search-engine.port';
import { loadSearchLanguage } from '../../src/search/text/search-language';
import type { EvaluateFreeOptions, FreeOptionsEvaluation, Listing, RelevanceCatalogue } from './eval-types';

export interface JudgedProfile {
  name: string;
  bought: string | null;
  interests: string[];
  enrolled: number[];
  exhausted: boolean;
  relevant: number[];
}

const TOP = 5;

export function loadProfiles(file = 'free-options-profiles.json'): JudgedProfile[] {
  return (JSON.parse(readFileSync(join(__dirname, file), 'utf8')) as { profiles: JudgedProfile[] }).profiles;
}

interface ProfileSetFigures {
  precisionAt5: number;
  ofWhatTheShelfHolds: number;
  ceiling: number;
}

/** The first five options for a profile, as rows of courses.csv. */
export async function topOptions(engine: SearchEngine, listings: Listing[], profile: JudgedProfile): Promise<number[]> {
  const language = loadSearchLanguage();
  const byRow = new Map(listings.map((listing) => [listing.rowId, listing]));
  const rowOf = new Map(listings.map((listing) => [listing.document.id, listing.rowId]));
  const enrolled = profile.enrolled.map((row) => byRow.get(row)!.document);
  const categories = new Map<string, number>();
  for (const document of enrolled) categories.set(document.categorySlug, (categories.get(document.categorySlug) ?? 0) + 1);
  const beneficiary: BeneficiaryProfile = {
    interests: profile.interests,
    purchases: profile.bought ? [profile.bought] : [],
    categories: [...categories].map(([slug, count]) => ({ slug, count })),
    enrolledTitles: enrolled.map((document) => document.title),
    skills: enrolled.flatMap((document) => document.skills.map((skill) => ({ skill, count: 1 }))),
  };
  const { scores, documents } = await gatherFreeOptions(engine, language, {
    signals: signalsFor(beneficiary),
    priceIdr: offeredPrices(profile.exhausted),
    excludeIds: enrolled.map((document) => document.id),
    first: TOP,
  });
  const options = orderOptions(documents.map(asRankable), scores, language, TOP);
  return options.map((option) => rowOf.get(option.id)!);
}

const asRankable = (document: ModuleDocument) => ({
  id: document.id,
  title: document.title,
  enrollmentCount: document.enrollmentCount,
  ratingCount: document.ratingCount,
  ratingSum: (document.ratingAverage ?? 0) * document.ratingCount,
});

/** Mean precision@5 of one set of profiles on one engine, with the share of what the shelf holds and the ceiling; misses printed. */
async function evaluateSet(engine: SearchEngine, catalogue: RelevanceCatalogue, profiles: JudgedProfile[], label: string): Promise<ProfileSetFigures> {
  const verbose = process.argv.includes('--verbose');
  const titleOf = new Map(catalogue.listings.map((listing) => [listing.rowId, listing.title]));
  let precision = 0;
  let attainable = 0;
  let ceiling = 0;
  for (const profile of profiles) {
    const top = await topOptions(engine, catalogue.listings, profile);
    const relevant = new Set(profile.relevant);
    const found = top.filter((row) => relevant.has(row)).length;
    const offered = catalogue.listings.filter((listing) => relevant.has(listing.rowId) && offeredPrices(profile.exhausted).includes(listing.document.priceIdr)).length;
    precision += found / TOP;
    ceiling += Math.min(TOP, offered) / TOP;
    attainable += offered === 0 ? 1 : found / Math.min(TOP, offered);
    if (verbose || found < Math.min(TOP, offered)) {
      console.log(`  free options${label} (${engine.name}) "${profile.name}": ${found}/${Math.min(TOP, offered)} → ${top.map((row) => `${relevant.has(row) ? '+' : '-'}${row} ${titleOf.get(row)}`).join(' | ')}`);
    }
  }
  const mean = (sum: number) => Number((sum / profiles.length).toFixed(3));
  return { precisionAt5: precision / profiles.length, ofWhatTheShelfHolds: mean(attainable), ceiling: mean(ceiling) };
}

export const evaluateFreeOptions: EvaluateFreeOptions = async (catalogue: RelevanceCatalogue): Promise<FreeOptionsEvaluation[]> => {
  const profiles = loadProfiles();
  const holdout = loadProfiles('free-options-holdout.json');
  const results: FreeOptionsEvaluation[] = [];
  for (const engine of catalogue.engines) {
    const main = await evaluateSet(engine, catalogue, profiles, '');
    const heldOut = await evaluateSet(engine, catalogue, holdout, ' [held-out]');
    results.push({
      engine: engine.name,
      profiles: profiles.length,
      precisionAt5: main.precisionAt5,
      extra: {
        'free-options precision@5 of what the shelf holds (fitting modules offered < 5 divide by that count)': main.ofWhatTheShelfHolds,
        'free-options precision@5 ceiling (every fitting module the shelf holds, first)': main.ceiling,
        [`HELD-OUT free-options precision@5 (${holdout.length} profiles, free-options-holdout.json)`]: Number(heldOut.precisionAt5.toFixed(3)),
        'HELD-OUT free-options precision@5 of what the shelf holds': heldOut.ofWhatTheShelfHolds,
        'HELD-OUT free-options precision@5 ceiling': heldOut.ceiling,
      },
    });
  }
  return results;
};
