/**
 * In-process engine benchmark: 100,000 synthetic modules, build time and heap,
 * then latency per query class. Not a Jest test. Run:
 *   node --expose-gc -r @swc-node/register test/bench/search/in-process.bench.ts [documents]
 */
import type { ModuleDocument, SearchFilters, SearchRequest, SearchSort } from '../../../src/search/search-engine.port';
import { InProcessSearchEngine } from '../../../src/search/in-process/in-process-search-engine';
import { buildVocabulary, misspell, seededRandom, slugOf, syntheticModules, type Vocabulary } from './synthetic-corpus';

const DOCUMENTS = Number(process.argv[2] ?? 100_000);
const QUERIES_PER_CLASS = 300;
const BATCH_SIZE = 1_000;

async function* batchesOf(documents: Iterable<ModuleDocument>): AsyncGenerator<ModuleDocument[]> {
  let batch: ModuleDocument[] = [];
  for (const document of documents) {
    batch.push(document);
    if (batch.length === BATCH_SIZE) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

function heapMiB(): number {
  globalThis.gc?.();
  return process.memoryUsage().heapUsed / 2 ** 20;
}

type QueryClass = { name: string; make: () => Partial<SearchRequest> };

function queryClasses(vocabulary: Vocabulary, random: () => number): QueryClass[] {
  const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)];
  const realWord = (minLength = 1) => {
    for (;;) {
      const word = vocabulary.realWords[Math.floor(random() * Math.min(300, vocabulary.realWords.length))];
      if (word.length >= minLength) return word;
    }
  };
  const commonWords = vocabulary.words.slice(0, 10);
  const sorts: SearchSort[] = ['NEWEST', 'RATING', 'POPULARITY', 'DURATION_ASC', 'DURATION_DESC'];
  const randomFilters = (): SearchFilters => ({
    categorySlugs: random() < 0.7 ? [slugOf(pick(vocabulary.categories)), slugOf(pick(vocabulary.categories))] : undefined,
    levels: random() < 0.5 ? [pick(['BEGINNER', 'INTERMEDIATE', 'ADVANCED'] as const)] : undefined,
    certificate: random() < 0.3 ? true : undefined,
    minRating: random() < 0.4 ? 4 : undefined,
    maxDurationMinutes: random() < 0.3 ? 240 : undefined,
    priceIdr: random() < 0.3 ? [0] : undefined,
  });
  return [
    { name: 'exact (1-2 words)', make: () => ({ query: random() < 0.5 ? realWord() : `${realWord()} ${realWord()}` }) },
    { name: 'typo', make: () => ({ query: `${realWord()} ${misspell(realWord(6), random)}` }) },
    { name: 'prefix', make: () => ({ query: `${realWord()} ${realWord(7).slice(0, 4 + Math.floor(random() * 2))}` }) },
    { name: 'filters + text', make: () => ({ query: realWord(), filters: randomFilters() }) },
    { name: 'facets browse (no text)', make: () => ({ query: '', filters: randomFilters() }) },
    { name: 'sort + text', make: () => ({ query: realWord(), sort: pick(sorts) }) },
    { name: 'very common words', make: () => ({ query: random() < 0.5 ? pick(commonWords) : `${pick(commonWords)} ${pick(commonWords)}` }) },
    { name: 'very common, misspelled', make: () => ({ query: misspell(pick(commonWords.filter((word) => word.length >= 5).concat(['pelatihan'])), random) }) },
    { name: 'short prefix (2 letters)', make: () => ({ query: realWord(3).slice(0, 2) }) },
    { name: 'browse, page 50', make: () => ({ query: '', page: 50 }) },
    // Every word counts under matchingStrategy "frequency": no early exit when one word has no match.
    { name: 'long (6 words)', make: () => ({ query: Array.from({ length: 6 }, () => realWord()).join(' ') }) },
  ];
}

function percentile(sorted: number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)];
}

async function main(): Promise<void> {
  const random = seededRandom(42);
  const vocabulary = buildVocabulary(random);
  const documents = [...syntheticModules(DOCUMENTS, vocabulary, random)];
  const engine = new InProcessSearchEngine();
  const heapBefore = heapMiB();
  const buildStarted = performance.now();
  const indexed = await engine.rebuild(batchesOf(documents));
  const buildSeconds = (performance.now() - buildStarted) / 1000;
  const heapAfter = heapMiB();
  console.log(`vocabulary: ${vocabulary.words.length} words (${vocabulary.realWords.length} real)`);
  // The heap figures include the generated documents themselves, which the engine keeps (they are its stored documents).
  const rssMiB = process.memoryUsage().rss / 2 ** 20;
  console.log(
    `build: ${indexed} documents in ${buildSeconds.toFixed(1)} s; heap ${heapBefore.toFixed(0)} → ${heapAfter.toFixed(0)} MiB (+${(heapAfter - heapBefore).toFixed(0)} MiB), rss ${rssMiB.toFixed(0)} MiB`,
  );

  console.log('class                      |   p50 |   p95 |   p99 |   max | avg hits');
  for (const queryClass of queryClasses(vocabulary, random)) {
    const requests = Array.from({ length: QUERIES_PER_CLASS }, () => ({
      query: '',
      filters: {},
      sort: 'RELEVANCE' as SearchSort,
      page: 1,
      pageSize: 20,
      ...queryClass.make(),
    }));
    for (const request of requests.slice(0, 20)) await engine.search(request);
    const timings: number[] = [];
    let hits = 0;
    for (const request of requests) {
      const started = performance.now();
      const response = await engine.search(request);
      timings.push(performance.now() - started);
      hits += response.totalHits;
    }
    timings.sort((a, b) => a - b);
    const cells = [0.5, 0.95, 0.99].map((fraction) => percentile(timings, fraction)).concat(timings[timings.length - 1]);
    console.log(
      `${queryClass.name.padEnd(26)} | ${cells.map((ms) => ms.toFixed(1).padStart(5)).join(' | ')} | ${Math.round(hits / requests.length)}`,
    );
  }
}

void main();
