import { join } from 'node:path';
import type { SearchRequest } from '../../../src/search/search-engine.port';
import { graphqlBody } from '../load/graphql-client';
import { LoadGenerator, MeasuredLoad, RoundPlan, writeRequests } from '../load/load-generator';
import type { LoadSpec } from '../load/load-protocol';
import { SEARCH_QUERY, searchVariables } from '../queries/search-queries';
import type { CleanupStack } from '../support/cleanup';
import { spawnChild } from '../support/child-process';

const CEILING_SERVER = join(__dirname, '..', 'processes', 'http-ceiling-server.ts');
export const FRAMEWORK_FLOOR_QUERY = '{ categories { slug } }';

export interface LoadContext {
  generator: LoadGenerator;
  /** The API's process, whose CPU time per request each round reports. */
  apiPid?: number;
  plan: RoundPlan;
  connections: number;
  workDir: string;
  cleanup: CleanupStack;
}

/** A bare node:http server in its own process, loaded like the API (POST with a small JSON body). */
export async function measureHttpCeiling(context: LoadContext): Promise<MeasuredLoad> {
  const server = spawnChild('HTTP ceiling server', process.execPath, ['-r', '@swc-node/register', CEILING_SERVER]);
  const stopServer = context.cleanup.push('stop the HTTP ceiling server', () => server.stop(2_000));
  try {
    const port = await new Promise<number>((resolve, reject) => {
      server.process.stdout!.once('data', (chunk: Buffer) => resolve((JSON.parse(chunk.toString()) as { port: number }).port));
      void server.exited.then((code) => reject(new Error(`The HTTP ceiling server exited (${code}): ${server.stderrTail()}`)));
    });
    const requestsFile = writeRequests(context.workDir, 'ceiling', { bodies: [graphqlBody(FRAMEWORK_FLOOR_QUERY)] });
    const spec = { url: `http://127.0.0.1:${port}/graphql`, method: 'POST' as const, connections: context.connections, requestsFile, graphql: false };
    return await context.generator.measure(spec, context.plan, server.pid);
  } finally {
    await stopServer();
  }
}

/** The API's most trivial query: what the framework costs with no real work. */
export function measureFrameworkFloor(context: LoadContext, graphqlUrl: string): Promise<MeasuredLoad> {
  const requestsFile = writeRequests(context.workDir, 'floor', { bodies: [graphqlBody(FRAMEWORK_FLOOR_QUERY)] });
  return context.generator.measure({ url: graphqlUrl, method: 'POST', connections: context.connections, requestsFile, graphql: true }, context.plan, context.apiPid);
}

/** The load spec of searchModules over `requests` (also run under the sync-lag scenario). */
export function searchLoadSpec(context: LoadContext, graphqlUrl: string, requests: SearchRequest[]): Omit<LoadSpec, 'durationSeconds'> {
  const requestsFile = writeRequests(context.workDir, 'search', { bodies: requests.map((request) => graphqlBody(SEARCH_QUERY, searchVariables(request))) });
  return { url: graphqlUrl, method: 'POST', connections: context.connections, requestsFile, graphql: true };
}

/** The search load with autocannon or the plain closed-loop client; consecutive loads on one spec go on through its list. */
export function measureSearchLoad(context: LoadContext, spec: Omit<LoadSpec, 'durationSeconds'>, client: 'autocannon' | 'plain' = 'autocannon'): Promise<MeasuredLoad> {
  return context.generator.measure({ ...spec, client }, context.plan, context.apiPid);
}
