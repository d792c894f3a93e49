import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../../src/database/data-source-options';
import { InProcessSearchEngine } from '../../../src/search/in-process/in-process-search-engine';
import { allPublishedDocuments } from '../../../src/search/module-documents';
import type { SearchRequest } from '../../../src/search/search-engine.port';
import { queryClasses, searchRequest, type QueryVocabulary } from '../queries/search-queries';
import { summarizeLatencies, type LatencySummary } from '../support/stats';

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
}

const WARM_UP_QUERIES = 20;

/**
 * The search port without HTTP or GraphQL: an InProcessSearchEngine in this
 * process, rebuilt from the same database as the API's (allPublishedDocuments),
 * then each query class and the HTTP load's requests, one query at a time.
 */
export async function measureInProcessSearch(databaseUrl: string, source: QueryVocabulary, loadMix: SearchRequest[], queriesPerClass: number): Promise<InProcessFigures> {
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
    classes.push({ name: queryClass.name, ...(await timeQueries(engine, requests)) });
  }
  const mixed = await timeQueries(engine, [...loadMix.slice(0, WARM_UP_QUERIES), ...loadMix]);
  const loadMixFigures = { name: 'HTTP load mix', ...mixed, queriesPerSecond: mixed.count / (mixed.totalMs / 1000) };
  return { documents, buildSeconds, heapMiB, classes, loadMix: loadMixFigures };
}

async function timeQueries(engine: InProcessSearchEngine, requests: SearchRequest[]): Promise<LatencySummary & { averageHits: number; totalMs: number }> {
  for (const request of requests.slice(0, WARM_UP_QUERIES)) await engine.search(request);
  const measured = requests.slice(WARM_UP_QUERIES);
  const timings: number[] = [];
  let hits = 0;
  for (const request of measured) {
    const started = performance.now();
    const response = await engine.search(request);
    timings.push(performance.now() - started);
    hits += response.totalHits;
  }
  return { ...summarizeLatencies(timings), averageHits: Math.round(hits / measured.length), totalMs: timings.reduce((a, b) => a + b, 0) };
}
