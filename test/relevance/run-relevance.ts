/**
 * `npm run eval:relevance`: the 266 real Prakerja listings published as
 * modules, the judged queries (judged-queries.json) run against every engine
 * (in-process always, Meilisearch when MEILI_URL is set), hit@5, MRR, nDCG@10
 * and the zero-result rate printed and written to eval-results/relevance.json.
 * `--meilisearch-double` (without MEILI_URL) runs the Meilisearch adapter
 * against the strict test double, labelled as such: it checks the adapter's
 * queries, not Meilisearch's own relevance.
 * With free-options-eval.ts present, its figures are added. Exits 1 when a
 * target is missed (hit@5 < 0.95, a query with a relevant listing gets no
 * result, or free-options precision@5 < 0.8 on the main profiles).
 *   --verbose  lists every query that misses hit@5
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { InProcessSearchEngine } from '../../src/search/in-process/in-process-search-engine';
import { createMeilisearchSearchEngine } from '../../src/search/meilisearch/create-meilisearch-search-engine';
import type { SearchEngine } from '../../src/search/search-engine.port';
import { MeilisearchTestDouble } from '../search/meilisearch-test-double';
import { loadListings } from './catalogue';
import type { EvaluateFreeOptions, FreeOptionsEvaluation, RelevanceCatalogue } from './eval-types';
import { hitAt, mean, ndcgAt, reciprocalRank } from './metrics';

const TARGET_HIT_AT_5 = 0.95;
const TARGET_FREE_OPTIONS_PRECISION = 0.8;
const RESULTS_DIR = join(__dirname, '../../eval-results');

interface JudgedQuery {
  q: string;
  relevant: number[];
  kind: string;
}

interface EngineFigures {
  engine: string;
  queries: number;
  hitAt5: number;
  mrr: number;
  ndcgAt10: number;
  zeroResultRate: number;
  /** Queries with a judged relevant listing that returned nothing. */
  zeroResultsWithRelevant: number;
  misses: { q: string; kind: string; top5: string[] }[];
}

/** The engines to measure, and what to stop afterwards. */
async function engines(): Promise<{ list: SearchEngine[]; stop: () => Promise<void> }> {
  const list: SearchEngine[] = [new InProcessSearchEngine()];
  const meilisearch = (url: string, apiKey?: string) => createMeilisearchSearchEngine({ url, apiKey, indexUid: `relevance_eval_${Date.now()}` });
  if (process.env.MEILI_URL) {
    list.push(meilisearch(process.env.MEILI_URL, process.env.MEILI_API_KEY));
  } else if (process.argv.includes('--meilisearch-double')) {
    const double = new MeilisearchTestDouble();
    const engine = meilisearch(await double.start());
    list.push(engine);
    console.log(`meilisearch = the adapter against the strict test double (its relevance is not Meilisearch's)`);
    return { list, stop: () => double.stop() };
  }
  return { list, stop: async () => undefined };
}

async function evaluate(engine: SearchEngine, queries: JudgedQuery[], idOfRow: Map<number, string>, titleOf: Map<string, string>): Promise<EngineFigures> {
  const hits: number[] = [];
  const reciprocalRanks: number[] = [];
  const ndcgs: number[] = [];
  let zeroResults = 0;
  let zeroResultsWithRelevant = 0;
  const misses: EngineFigures['misses'] = [];
  for (const query of queries) {
    const relevant = new Set(query.relevant.map((row) => idOfRow.get(row)!));
    const response = await engine.search({ query: query.q, filters: {}, sort: 'RELEVANCE', page: 1, pageSize: 10, facets: false });
    const ranked = response.hits.map((hit) => hit.id);
    if (ranked.length === 0) {
      zeroResults++;
      if (relevant.size > 0) zeroResultsWithRelevant++;
    }
    const hit = hitAt(5, ranked, relevant);
    hits.push(hit);
    reciprocalRanks.push(reciprocalRank(ranked, relevant));
    ndcgs.push(ndcgAt(10, ranked, relevant));
    if (!hit) misses.push({ q: query.q, kind: query.kind, top5: ranked.slice(0, 5).map((id) => titleOf.get(id)!) });
  }
  return {
    engine: engine.name,
    queries: queries.length,
    hitAt5: mean(hits),
    mrr: mean(reciprocalRanks),
    ndcgAt10: mean(ndcgs),
    zeroResultRate: zeroResults / queries.length,
    zeroResultsWithRelevant,
    misses,
  };
}

async function freeOptionsFigures(catalogue: RelevanceCatalogue): Promise<FreeOptionsEvaluation[]> {
  const file = join(__dirname, 'free-options-eval.ts');
  if (!existsSync(file)) return [];
  const { evaluateFreeOptions } = (await import(file)) as { evaluateFreeOptions: EvaluateFreeOptions };
  return evaluateFreeOptions(catalogue);
}

function printTable(figures: EngineFigures[], freeOptions: FreeOptionsEvaluation[]): void {
  const format = (value: number) => value.toFixed(3);
  console.log('\nRelevance over the 266 Prakerja listings');
  console.log('| engine | queries | hit@5 | MRR | nDCG@10 | zero-result rate | zero results with a relevant listing | free-options precision@5 |');
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const engine of figures) {
    const options = freeOptions.find((evaluation) => evaluation.engine === engine.engine);
    console.log(
      `| ${engine.engine} | ${engine.queries} | ${format(engine.hitAt5)} | ${format(engine.mrr)} | ${format(engine.ndcgAt10)} | ` +
        `${format(engine.zeroResultRate)} | ${engine.zeroResultsWithRelevant} | ${options ? `${format(options.precisionAt5)} (${options.profiles} profiles)` : '–'} |`,
    );
  }
  for (const evaluation of freeOptions) {
    for (const [name, value] of Object.entries(evaluation.extra ?? {})) console.log(`  ${evaluation.engine} ${name}: ${value}`);
  }
}

async function main(): Promise<void> {
  const started = performance.now();
  const verbose = process.argv.includes('--verbose');
  const { queries } = JSON.parse(readFileSync(join(__dirname, 'judged-queries.json'), 'utf8')) as { queries: JudgedQuery[] };
  const listings = loadListings();
  const idOfRow = new Map(listings.map((listing) => [listing.rowId, listing.document.id]));
  const titleOf = new Map(listings.map((listing) => [listing.document.id, listing.title]));
  const measured = await engines();
  const catalogue: RelevanceCatalogue = { listings, engines: measured.list };
  for (const engine of catalogue.engines) {
    await engine.applySettings();
    await engine.upsert(listings.map((listing) => listing.document));
  }

  const figures: EngineFigures[] = [];
  for (const engine of catalogue.engines) figures.push(await evaluate(engine, queries, idOfRow, titleOf));
  let freeOptionsFailed = false;
  const freeOptions = await freeOptionsFigures(catalogue).catch((error: unknown) => {
    // Query relevance is still reported when the free-options evaluation breaks.
    console.error('The free-options evaluation failed:', error);
    freeOptionsFailed = true;
    return [];
  });
  await measured.stop();
  printTable(figures, freeOptions);
  for (const engine of figures) {
    if (verbose || engine.misses.length <= 20) {
      for (const miss of engine.misses) console.log(`  miss (${engine.engine}, ${miss.kind}): "${miss.q}" → ${miss.top5.map((title) => `"${title}"`).join(', ') || 'no result'}`);
    }
  }
  mkdirSync(RESULTS_DIR, { recursive: true });
  const resultsFile = join(RESULTS_DIR, 'relevance.json');
  writeFileSync(resultsFile, JSON.stringify({ at: new Date().toISOString(), figures, freeOptions }, null, 2));
  console.log(`\nWritten to ${resultsFile} in ${((performance.now() - started) / 1000).toFixed(1)} s`);

  const failed = figures.filter((engine) => engine.hitAt5 < TARGET_HIT_AT_5 || engine.zeroResultsWithRelevant > 0);
  for (const engine of failed) console.error(`Target missed by ${engine.engine}: hit@5 ≥ ${TARGET_HIT_AT_5} and no zero-result query with a relevant listing`);
  const imprecise = freeOptions.filter((evaluation) => evaluation.precisionAt5 < TARGET_FREE_OPTIONS_PRECISION);
  for (const evaluation of imprecise) console.error(`Target missed by ${evaluation.engine}: free-options precision@5 ≥ ${TARGET_FREE_OPTIONS_PRECISION} (${evaluation.precisionAt5.toFixed(3)})`);
  process.exitCode = failed.length > 0 || imprecise.length > 0 || freeOptionsFailed ? 1 : 0;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
