import { graphqlBody } from '../load/graphql-client';
import { writeRequests, type MeasuredLoad } from '../load/load-generator';
import { SEARCH_QUERY, searchVariables } from '../queries/search-queries';
import type { QueryLog } from '../queries/query-log';
import type { LoadContext } from './http-load';
import { hitRate, scrapeSearchCache } from './search-cache-figures';

export interface QueryLogFigures {
  load: MeasuredLoad;
  requests: number;
  distinctQueries: number;
  distinctInLog: number;
  singletonShare: number;
  exponent: number;
  /** Hits over lookups of the API's search cache during the whole log (warm-up included); undefined: the API exposes none. */
  cacheHitRate?: number;
  /** The search_cache series /metrics showed after the load. */
  cacheSeries: string[];
}

const WARMUP_SHARE = 0.1;

/**
 * The realistic query log at the load's concurrency, sent once in order by
 * autocannon: the first tenth as warm-up, the rest in equal rounds. The
 * API's search-cache counters are read before and after.
 */
export async function measureQueryLog(context: LoadContext, api: { graphqlUrl: string; metricsUrl: string; metricsToken: string }, log: QueryLog, rounds: number): Promise<QueryLogFigures> {
  const requestsFile = writeRequests(context.workDir, 'query-log', { bodies: log.requests.map((request) => graphqlBody(SEARCH_QUERY, searchVariables(request))) });
  const warmup = Math.round(log.requests.length * WARMUP_SHARE);
  const perRound = Math.floor((log.requests.length - warmup) / rounds);
  const before = await scrapeSearchCache(api.metricsUrl, api.metricsToken);
  const load = await context.generator.measureRequests(
    { url: api.graphqlUrl, method: 'POST', connections: context.connections, requestsFile, graphql: true },
    { warmup, rounds, perRound },
    context.apiPid,
  );
  const after = await scrapeSearchCache(api.metricsUrl, api.metricsToken);
  return {
    load,
    requests: log.requests.length,
    distinctQueries: log.distinctQueries,
    distinctInLog: log.distinctInLog,
    singletonShare: log.singletonShare,
    exponent: log.exponent,
    cacheHitRate: hitRate(before, after),
    cacheSeries: [...after].map(([name, value]) => `${name} ${value}`),
  };
}
