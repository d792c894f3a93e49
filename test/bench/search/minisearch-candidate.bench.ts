/**
 * The candidate measured against the lean index: MiniSearch 7 on the same
 * synthetic corpus (text search only: it has no facets or sorting, which would
 * come on top). Not a Jest test. Run:
 *   node --expose-gc -r @swc-node/register test/bench/search/minisearch-candidate.bench.ts [documents]
 */
import MiniSearch from 'minisearch';
import type { ModuleDocument } from '../../../src/search/search-engine.port';
import { buildVocabulary, seededRandom, syntheticModules } from './synthetic-corpus';

const DOCUMENTS = Number(process.argv[2] ?? 100_000);

function heapMiB(): number {
  globalThis.gc?.();
  return process.memoryUsage().heapUsed / 2 ** 20;
}

function main(): void {
  const random = seededRandom(42);
  const vocabulary = buildVocabulary(random);
  const documents = [...syntheticModules(DOCUMENTS, vocabulary, random)].map((document: ModuleDocument) => ({ ...document, skills: document.skills.join(' ') }));
  const heapBefore = heapMiB();
  const started = performance.now();
  const index = new MiniSearch({
    fields: ['title', 'skills', 'summary', 'categoryName', 'contributorName', 'description'],
    searchOptions: { boost: { title: 6, skills: 5, summary: 4, categoryName: 3, contributorName: 2 }, prefix: true, fuzzy: 0.2 },
  });
  index.addAll(documents);
  const buildSeconds = (performance.now() - started) / 1000;
  console.log(`MiniSearch build: ${documents.length} documents in ${buildSeconds.toFixed(1)} s; heap +${(heapMiB() - heapBefore).toFixed(0)} MiB`);

  const classes: [string, () => string][] = [
    ['exact', () => vocabulary.realWords[Math.floor(random() * 300)]],
    ['very common words', () => `${vocabulary.words[Math.floor(random() * 10)]} ${vocabulary.words[Math.floor(random() * 10)]}`],
  ];
  for (const [name, query] of classes) {
    const timings: number[] = [];
    for (let i = 0; i < 200; i++) {
      const queryStarted = performance.now();
      index.search(query());
      timings.push(performance.now() - queryStarted);
    }
    timings.sort((a, b) => a - b);
    console.log(`${name.padEnd(18)} p50 ${timings[100].toFixed(1)} ms, p99 ${timings[197].toFixed(1)} ms, max ${timings[199].toFixed(1)} ms`);
  }
}

main();
