import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../../src/database/data-source-options';
import { InProcessSearchEngine } from '../../../src/search/in-process/in-process-search-engine';
import { allPublishedDocuments } from '../../../src/search/module-documents';
import type { SearchRequest } from '../../../src/search/search-engine.port';
import { queryClasses, searchRequest, type QueryVocabulary } from '../queries/search-queries';
import { median, summarizeLatencies, type LatencySummary } from '../support/stats';

export interface QueryClassFigures extends LatencySummary {
  name: string;
  averageHits: number;
}

export interface InProcessFigures {
  documents: number;
  buildSeconds: number;
  heapMiB: number;
  classes: QueryClassFigures[];
  /** The HTTP search load's own requests, one after another on one core. */
  loadMix: QueryClassFigures & { queriesPerSecond: number };
  /** The open-loop run's measured requests: the engine's CPU time per query (process.cpuUsage around each search). */
  openLoop?: QueryClassFigures & { cpuMeanMs: number; cpuMedianMs: number };
}

const WARM_UP_QUERIES = 20;

/**
 * The search port without HTTP or GraphQL: an InProcessSearchEngine in this
 * process, rebuilt from the same database as the API's (allPublishedDocuments),
 * then each query class and the HTTP load's requests, one query at a time.
 */
export async function measureInProcessSearch(
  databaseUrl: string,
  source: QueryVocabulary,
  loadMix: SearchRequest[],
  queriesPerClass: number,
  openLoopRequests: SearchRequest[],
): Promise<InProcessFigures> {
  const dataSource = await new DataSource({ ...dataSourceOptions(databaseUrl), logging: ['error'] }).initialize();
  const engine = new InProcessSearchEngine();
  const heapBefore = process.memoryUsage().heapUsed;
  const started = performance.now();
  let documents: number;
  try {
    documents = await engine.rebuild(allPublishedDocuments(dataSource));
  } finally {
    await dataSource.destroy();
  }
  const buildSeconds = (performance.now() - started) / 1000;
  const heapMiB = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;

  const classes: QueryClassFigures[] = [];
  for (const queryClass of queryClasses(source)) {
    const requests = Array.from({ length: WARM_UP_QUERIES + queriesPerClass }, () => searchRequest(queryClass.make()));
    classes.push({ name: queryClass.name, ...withoutSamples(await timeQueries(engine, requests)) });
  }
  const mixed = await timeQueries(engine, [...loadMix.slice(0, WARM_UP_QUERIES), ...loadMix]);
  const loadMixFigures = { name: 'HTTP load mix', ...mixed, queriesPerSecond: mixed.count / (mixed.totalMs / 1000) };
  let openLoop: InProcessFigures['openLoop'];
  if (openLoopRequests.length > 0) {
    const timed = await timeQueries(engine, [...openLoopRequests.slice(0, WARM_UP_QUERIES), ...openLoopRequests]);
    const cpuMeanMs = timed.cpuMs.reduce((a, b) => a + b, 0) / timed.cpuMs.length;
    openLoop = { name: 'open-loop requests', ...withoutSamples(timed), cpuMeanMs, cpuMedianMs: median(timed.cpuMs) };
  }
  return { documents, buildSeconds, heapMiB, classes, loadMix: withoutSamples(loadMixFigures), openLoop };
}

/** Figures without the per-query samples (kept out of the JSON report). */
function withoutSamples<T extends { cpuMs: number[] }>(figures: T): Omit<T, 'cpuMs'> {
  const { cpuMs: _samples, ...rest } = figures;
  return rest;
}

async function timeQueries(engine: InProcessSearchEngine, requests: SearchRequest[]): Promise<LatencySummary & { averageHits: number; totalMs: number; cpuMs: number[] }> {
  for (const request of requests.slice(0, WARM_UP_QUERIES)) await engine.search(request);
  const measured = requests.slice(WARM_UP_QUERIES);
  const timings: number[] = [];
  const cpuMs: number[] = [];
  let hits = 0;
  for (const request of measured) {
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    const response = await engine.search(request);
    timings.push(performance.now() - started);
    const cpu = process.cpuUsage(cpuBefore);
    cpuMs.push((cpu.user + cpu.system) / 1000);
    hits += response.totalHits;
  }
  return { ...summarizeLatencies(timings), averageHits: Math.round(hits / measured.length), totalMs: timings.reduce((a, b) => a + b, 0), cpuMs };
}
