/**
 * npm run bench: the service's hot paths beside this machine's physical
 * limits, in one run. See docs/performance.md.
 *
 *   npm run bench -- [--quick] [--n <modules>] [--rate <searches/s>] [--out <dir>]
 *
 * Embedded defaults unless DATABASE_URL is set (then REDIS_URL and MEILI_URL).
 */
import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { BenchOptions, parseOptions, UsageError } from './bench-options';
import { loadCorpus } from './catalogue/catalogue-generator';
import { seedCatalogue, SeededCatalogue } from './catalogue/seed-catalogue';
import { BenchDatabase, createBenchDatabase, runMigrations, stamp } from './database/bench-database';
import { deleteQueueKeys } from './database/queue-keys';
import { GraphQLClient } from './load/graphql-client';
import { LoadGenerator } from './load/load-generator';
import { ApiMemory } from './processes/api-memory';
import { ADMIN, ApiProcess, METRICS_TOKEN, REPO_ROOT, startApi, waitUntilIdle } from './processes/api-process';
import { ensureBuild } from './processes/ensure-build';
import { buildQueryLog } from './queries/query-log';
import { searchLoadMix, type QueryVocabulary } from './queries/search-queries';
import type { BenchResults } from './report/bench-results';
import { commandLine, machineFacts, modeFacts } from './report/machine';
import { renderMarkdown } from './report/render-markdown';
import { createCurator, login } from './scenarios/accounts';
import { measureEnrol } from './scenarios/enrol';
import { LoadContext, measureFrameworkFloor, measureHttpCeiling, measureSearchLoad, searchLoadSpec } from './scenarios/http-load';
import { measureImport } from './scenarios/import';
import { measureOpenLoopSearch, openLoopCounts } from './scenarios/open-loop-search';
import { measureQueryLog } from './scenarios/query-log-load';
import { measureInProcessSearch } from './scenarios/in-process-search';
import { checkLedgerInvariants } from './scenarios/ledger-invariants';
import { runPgbench } from './scenarios/pgbench';
import { measureSyncLag } from './scenarios/sync-lag';
import { CleanupStack } from './support/cleanup';
import { ForeignLoadMonitor } from './support/foreign-load-monitor';
import { pollUntil } from './support/poll';
import { seededRandom } from './search/synthetic-corpus';
import type { SearchRequest } from '../../src/search/search-engine.port';

const CORPUS_SEED = 42;
const PENDING_REVIEWS_SEED = 200;
const QUERY_LOG_SEED = 16;
/** Of the realistic log's requests, the share whose query appears once in it (issue 16). */
const QUERY_LOG_SINGLETON_SHARE = 0.3;
const MiB = 2 ** 20;
const began = performance.now();

function log(message: string): void {
  const elapsed = Math.round((performance.now() - began) / 1000);
  console.log(`bench [${String(Math.floor(elapsed / 60)).padStart(2, '0')}:${String(elapsed % 60).padStart(2, '0')}] ${message}`);
}

/** Runs one scenario; a failure is recorded in the report and the run goes on. */
async function scenario<T>(results: BenchResults, name: string, work: () => Promise<T>): Promise<T | undefined> {
  log(`${name}…`);
  try {
    return await work();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    results.errors[name] = message.split('\n')[0].slice(0, 500);
    log(`${name} FAILED: ${message}`);
    return undefined;
  }
}

/** Bulk-inserts the catalogue, and times the in-process engine on it while the bench still owns the database. */
async function prepareCatalogue(options: BenchOptions, database: BenchDatabase, results: BenchResults) {
  const open = await database.open();
  try {
    await runMigrations(open.url);
    const corpus = loadCorpus(CORPUS_SEED);
    const client = new Client({ connectionString: open.url });
    await client.connect();
    let catalogue: SeededCatalogue;
    let categorySlugs: string[];
    try {
      const pendingReviews = Math.max(options.approvals, 1);
      catalogue = await seedCatalogue(client, corpus, { published: options.n, pendingReviews }, (inserted) => {
        if (inserted % 20_000 === 0) log(`  ${inserted.toLocaleString('en')} modules inserted`);
      });
      categorySlugs = (await client.query<{ slug: string }>('SELECT slug FROM categories ORDER BY position')).rows.map((row) => row.slug);
    } finally {
      await client.end();
    }
    results.catalogue = { published: catalogue.published, pendingReviews: catalogue.pendingReviews.length, seedSeconds: catalogue.seconds };
    log(`catalogue: ${catalogue.published.toLocaleString('en')} modules in ${catalogue.seconds.toFixed(1)} s`);
    const source: QueryVocabulary = { vocabulary: corpus.vocabulary, categorySlugs, random: corpus.random };
    const searchList = distinct(searchLoadMix(source, options.searchListLength), new Set());
    const loadMix = searchList.slice(0, options.searchRequests);
    const openLoopPlan = { ...options.openLoop, warmupSeconds: options.plan.warmupSeconds };
    const counts = openLoopCounts(openLoopPlan);
    const openLoopRequests = distinctOpenLoopRequests(source, counts.warmup + counts.measured, searchList);
    results.inProcess = await scenario(results, 'in-process search', () =>
      measureInProcessSearch(open.url, source, loadMix.slice(0, Math.min(loadMix.length, options.queriesPerClass * 3)), options.queriesPerClass, openLoopRequests.slice(counts.warmup)),
    );
    const queryLog = buildQueryLog(
      { vocabulary: corpus.vocabulary, realTitles: corpus.realTitles, categorySlugs, random: seededRandom(QUERY_LOG_SEED) },
      { ...options.queryLog, singletonShare: QUERY_LOG_SINGLETON_SHARE },
    );
    return { catalogue, categorySlugs, searchList, openLoopPlan, openLoopCounts: counts, openLoopRequests, queryLog };
  } finally {
    await open.close();
  }
}

/** The requests that are not in `seen` (nor twice in `requests`), in order; `seen` gains them. */
function distinct(requests: SearchRequest[], seen: Set<string>): SearchRequest[] {
  return requests.filter((request) => {
    const key = JSON.stringify(request);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** `count` requests of the load mix that the other search loads never send: the open loop's answers are never cached ones. */
function distinctOpenLoopRequests(source: QueryVocabulary, count: number, searchList: SearchRequest[]): SearchRequest[] {
  const seen = new Set(searchList.map((request) => JSON.stringify(request)));
  const requests: SearchRequest[] = [];
  while (requests.length < count) requests.push(...distinct(searchLoadMix(source, count - requests.length), seen));
  return requests;
}

/** The API's environment in this mode; the same for the first start and the restart. */
function apiEnvironment(options: BenchOptions, database: BenchDatabase, cleanup: CleanupStack): Record<string, string> {
  const { redisUrl, meiliUrl, meiliApiKey } = options.environment;
  const queuePrefix = `bench-${stamp()}`;
  if (redisUrl) cleanup.push('delete the run’s BullMQ keys', () => deleteQueueKeys(redisUrl, queuePrefix).then(() => undefined));
  return {
    ...database.apiEnvironment(),
    DATA_DIR: database.dataDir,
    QUEUE_PREFIX: queuePrefix,
    ...(redisUrl ? { REDIS_URL: redisUrl } : {}),
    ...(meiliUrl ? { MEILI_URL: meiliUrl, ...(meiliApiKey ? { MEILI_API_KEY: meiliApiKey } : {}) } : {}),
  };
}

async function startTheApi(options: BenchOptions, environment: Record<string, string>, cleanup: CleanupStack, results: BenchResults): Promise<ApiProcess> {
  const api = await startApi(environment, cleanup);
  results.startup = { readyMs: api.readyMs, rssAfterStartMiB: (await api.rssBytes()) / MiB };
  log(`API ready in ${(api.readyMs / 1000).toFixed(1)} s, RSS ${results.startup.rssAfterStartMiB.toFixed(0)} MiB`);
  if (options.environment.meiliUrl) results.startup.meiliReindexSeconds = await reindexMeilisearch(new GraphQLClient(api.graphqlUrl));
  return api;
}

/** The API started again on the same data after all the loads: the in-process index comes from the snapshot the first process left (if any). */
async function restartTheApi(environment: Record<string, string>, cleanup: CleanupStack): Promise<{ readyMs: number; rssAfterStartMiB: number }> {
  const api = await startApi(environment, cleanup);
  try {
    const figures = { readyMs: api.readyMs, rssAfterStartMiB: (await api.rssBytes()) / MiB };
    log(`API ready again in ${(api.readyMs / 1000).toFixed(1)} s, RSS ${figures.rssAfterStartMiB.toFixed(0)} MiB`);
    return figures;
  } finally {
    await api.stop();
  }
}

/** With Meilisearch the index is not built at start: the admin's reindex fills it from the database. */
async function reindexMeilisearch(client: GraphQLClient): Promise<number> {
  const started = performance.now();
  const token = await login(client, ADMIN.email, ADMIN.password);
  const { reindexSearch } = await client.call<{ reindexSearch: { id: string } }>(`mutation { reindexSearch { id } }`, {}, token);
  await pollUntil(
    async () => {
      const { reindexJob } = await client.call<{ reindexJob: { state: string } }>(`query($id: ID!) { reindexJob(id: $id) { state } }`, { id: reindexSearch.id }, token);
      if (reindexJob.state === 'FAILED') throw new Error('The Meilisearch reindex failed');
      return reindexJob.state === 'SUCCEEDED' ? true : undefined;
    },
    { timeoutMs: 900_000, intervalMs: 500, what: 'the Meilisearch reindex' },
  );
  return (performance.now() - started) / 1000;
}

async function runSuite(options: BenchOptions, results: BenchResults, cleanup: CleanupStack): Promise<void> {
  if (await ensureBuild()) log('built dist/');
  const workDir = mkdtempSync(join(tmpdir(), 'dm-bench-work-'));
  cleanup.push(`remove ${workDir}`, () => rmSync(workDir, { recursive: true, force: true }));
  const database = await createBenchDatabase(options.environment.databaseUrl, cleanup);

  log(`catalogue of ${options.n.toLocaleString('en')} modules into the ${database.mode} database…`);
  const prepared = await prepareCatalogue(options, database, results);
  const { catalogue, categorySlugs } = prepared;

  const generator = await LoadGenerator.start(cleanup);
  const context: LoadContext = { generator, plan: options.plan, connections: options.connections, workDir, cleanup };
  results.httpCeiling = await scenario(results, 'HTTP ceiling', () => measureHttpCeiling(context));

  log('starting the API…');
  const environment = apiEnvironment(options, database, cleanup);
  const api = await startTheApi(options, environment, cleanup, results);
  context.apiPid = api.pid;
  const client = new GraphQLClient(api.graphqlUrl);
  const memory = new ApiMemory({ metricsUrl: `${api.baseUrl}/metrics`, metricsToken: METRICS_TOKEN, rssBytes: () => api.rssBytes() });
  results.memory = memory.samples;
  await memory.sample('start');
  /** Each API scenario starts once the previous one's queued requests are done. */
  const onIdleApi = <T>(work: () => Promise<T>) => async () => {
    const waitStarted = performance.now();
    if (!(await waitUntilIdle(api))) results.notes.push(`The API was still busy ${Math.round((performance.now() - waitStarted) / 1000)} s after the previous load when the next one started.`);
    else if (performance.now() - waitStarted > 5_000) log(`  (waited ${Math.round((performance.now() - waitStarted) / 1000)} s for the API to be idle)`);
    return work();
  };
  results.frameworkFloor = await scenario(results, 'framework floor', onIdleApi(() => measureFrameworkFloor(context, api.graphqlUrl)));
  results.openLoop = await scenario(
    results,
    `open-loop search at ${options.openLoop.ratePerSecond}/s`,
    onIdleApi(async () => {
      const figures = await measureOpenLoopSearch(context, api.graphqlUrl, prepared.openLoopPlan, prepared.openLoopRequests);
      const expected = prepared.openLoopCounts;
      if (figures.firstMeasured !== expected.warmup || figures.scheduled !== expected.measured) {
        results.notes.push(`The open loop measured requests ${figures.firstMeasured}–${figures.firstMeasured + figures.scheduled} of its list, not ${expected.warmup}–${expected.warmup + expected.measured} as timed in-process: the API cost beyond the engine compares different requests.`);
      }
      return figures;
    }),
  );
  const searchSpec = searchLoadSpec(context, api.graphqlUrl, prepared.searchList);
  results.search = await scenario(results, 'search load (autocannon)', onIdleApi(() => measureSearchLoad(context, searchSpec)));
  results.searchPlain = await scenario(results, 'search load (plain closed-loop client)', onIdleApi(() => measureSearchLoad(context, searchSpec, 'plain')));
  results.queryLog = await scenario(
    results,
    'realistic query log',
    onIdleApi(() => measureQueryLog(context, { graphqlUrl: api.graphqlUrl, metricsUrl: `${api.baseUrl}/metrics`, metricsToken: METRICS_TOKEN }, prepared.queryLog, options.plan.rounds)),
  );
  await memory.sample('the search loads');
  results.syncLag = await scenario(
    results,
    'sync lag',
    onIdleApi(async () => {
      const curatorToken = await createCurator(client);
      const pending = catalogue.pendingReviews.slice(0, options.approvals);
      return measureSyncLag(client, generator, searchSpec, curatorToken, pending);
    }),
  );
  await memory.sample('sync lag');
  results.enrol = await scenario(results, 'enrol', onIdleApi(() => measureEnrol(client, context, api.graphqlUrl, catalogue, options.beneficiaries)));
  await memory.sample('enrol');
  results.import = await scenario(results, 'import', onIdleApi(() => measureImport(client, options.importItems, categorySlugs)));
  await memory.sample('import');
  memory.stop();
  results.rssAfterLoadMiB = (await api.rssBytes()) / MiB;
  await generator.close();
  await api.stop();
  log('API stopped');
  if (!options.environment.meiliUrl) results.restart = await scenario(results, 'restart on the same data', () => restartTheApi(environment, cleanup));

  if (database.mode === 'postgres') {
    results.pgbench = await scenario(results, 'pgbench', () => runPgbench(options.environment.databaseUrl!, options.pgbenchSeconds, cleanup));
  } else {
    results.skipped.pgbench = 'embedded mode (PGlite runs one transaction at a time; pgbench needs PostgreSQL)';
  }
  results.invariants = await scenario(results, 'ledger invariants', async () => {
    const open = await database.open();
    try {
      return await checkLedgerInvariants(open.url);
    } finally {
      await open.close();
    }
  });
}

async function main(): Promise<number> {
  // The embedded database's start-up message (src/database) is noise in the bench's output.
  Logger.overrideLogger(['fatal', 'error', 'warn']);
  let options: BenchOptions;
  try {
    options = parseOptions(process.argv.slice(2), process.env, REPO_ROOT);
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(error.message);
      return 2;
    }
    throw error;
  }
  const cleanup = new CleanupStack();
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      log(`${signal}: cleaning up`);
      void cleanup.runAll().finally(() => process.exit(130));
    });
  }
  const startedAt = new Date();
  const results: BenchResults = {
    startedAt: startedAt.toISOString(),
    durationSeconds: 0,
    machine: await machineFacts(),
    mode: await modeFacts(options),
    n: options.n,
    quick: options.quick,
    connections: options.connections,
    plan: options.plan,
    commands: [commandLine(options)],
    errors: {},
    skipped: {},
    notes: [],
  };
  log(`mode ${results.mode.name}, N = ${options.n.toLocaleString('en')}${options.quick ? ', quick' : ''}`);
  const foreignLoad = new ForeignLoadMonitor();
  try {
    await runSuite(options, results, cleanup);
  } catch (error) {
    results.errors.suite = error instanceof Error ? error.message : String(error);
    log(`the bench broke: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  } finally {
    await cleanup.runAll();
  }
  results.machine.foreignLoad = foreignLoad.stop();
  results.durationSeconds = (performance.now() - began) / 1000;
  const markdown = renderMarkdown(results);
  mkdirSync(options.outDir, { recursive: true });
  const base = join(options.outDir, `bench-${results.mode.name}-${startedAt.toISOString().replace(/[:.]/g, '-')}`);
  writeFileSync(`${base}.json`, `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(`${base}.md`, markdown);
  console.log(`\n${markdown}`);
  log(`report: ${base}.md and .json`);
  return Object.keys(results.errors).length > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
