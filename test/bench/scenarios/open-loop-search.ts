import type { SearchRequest } from '../../../src/search/search-engine.port';
import { graphqlBody } from '../load/graphql-client';
import { writeRequests } from '../load/load-generator';
import type { OpenLoopFigures } from '../load/load-protocol';
import { poissonSchedule } from '../load/poisson-schedule';
import { SEARCH_QUERY, searchVariables } from '../queries/search-queries';
import { seededRandom } from '../search/synthetic-corpus';
import type { LoadContext } from './http-load';

/** Fixed, so the bench knows in advance which requests the measured window sends (and times them in-process too). */
export const OPEN_LOOP_SEED = 1_600;
/** More connections than a 200/s load ever holds at once: a request waits for one only when the API is hopelessly behind. */
const MAX_CONNECTIONS = 1_000;

export interface OpenLoopPlan {
  ratePerSecond: number;
  warmupSeconds: number;
  seconds: number;
}

/** How many arrivals the warm-up and the measured window of `plan` have (the schedule is seeded). */
export function openLoopCounts(plan: OpenLoopPlan): { warmup: number; measured: number } {
  const schedule = poissonSchedule(plan.ratePerSecond, plan.warmupSeconds + plan.seconds, seededRandom(OPEN_LOOP_SEED));
  const warmup = schedule.filter((at) => at < plan.warmupSeconds * 1000).length;
  return { warmup, measured: schedule.length - warmup };
}

/**
 * searchModules at a fixed offered rate with Poisson arrivals, over a list
 * of distinct requests sent once in order: the warm-up's first, then the
 * measured window's (which the in-process engine also timed).
 */
export async function measureOpenLoopSearch(context: LoadContext, graphqlUrl: string, plan: OpenLoopPlan, requests: SearchRequest[]): Promise<OpenLoopFigures> {
  const requestsFile = writeRequests(context.workDir, 'open-loop', { bodies: requests.map((request) => graphqlBody(SEARCH_QUERY, searchVariables(request))) });
  return context.generator.openLoop({ url: graphqlUrl, requestsFile, graphql: true, ...plan, seed: OPEN_LOOP_SEED, maxConnections: MAX_CONNECTIONS }, context.apiPid);
}
