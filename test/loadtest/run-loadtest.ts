/**
 * npm run loadtest: a mixed workload against the API on real PostgreSQL and
 * Redis for a fixed time, optionally with Redis stopped midway, then every
 * invariant once the load has drained. See docs/reliability.md.
 *
 *   npm run loadtest -- [--quick] [--duration <s>] [--fault redis] ...
 *
 * Exits 1 when an invariant fails or the load broke, never on a time.
 */
import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { Pool } from 'pg';
import { JobName } from '../../src/queue/jobs';
import { createBenchDatabase, stamp, withClient } from '../bench/database/bench-database';
import { deleteQueueKeys } from '../bench/database/queue-keys';
import { GraphQLClient } from '../bench/load/graphql-client';
import { startApi, REPO_ROOT, type ApiProcess } from '../bench/processes/api-process';
import { ensureBuild } from '../bench/processes/ensure-build';
import { machineFacts, redact } from '../bench/report/machine';
import { CleanupStack } from '../bench/support/cleanup';
import { firstSuccess } from '../bench/support/first-success';
import { ForeignLoadMonitor } from '../bench/support/foreign-load-monitor';
import { pollUntil } from '../bench/support/poll';
import { summarizeLatencies } from '../bench/support/stats';
import { bullMqSettled, outboxSettled } from '../support/invariants';
import { RedisServer } from '../support/redis-server';
import { afterLoadChecks, invariantTarget } from './after-load-checks';
import { bullMqFigures, catchUpFigures, lagFigures, poolFigures, Sampler } from './background-figures';
import { failures, type LoadtestResults } from './loadtest-results';
import { LoadtestOptions, parseOptions, UsageError } from './loadtest-options';
import { prepareCatalogue, prepareWorld } from './prepare';
import { Recorder } from './recorder';
import { renderReport } from './render-report';
import { runWorkload } from './workload';

const REQUEST_TIMEOUT_MS = 30_000;
const DRAIN_TIMEOUT_MS = 300_000;
const SEARCHABLE_DEADLINE_MS = 180_000;
const SAMPLE_EVERY_MS = 500;
const began = performance.now();

function log(message: string): void {
  const elapsed = Math.round((performance.now() - began) / 1000);
  console.log(`loadtest [${String(Math.floor(elapsed / 60)).padStart(2, '0')}:${String(elapsed % 60).padStart(2, '0')}] ${message}`);
}

/** Keeps the API's log: warnings and errors are counted, the first ones echoed; the reconciliation's verdict is watched for. */
class ApiLog {
  text = '';
  warnings = 0;
  readonly first: string[] = [];

  append(chunk: string): void {
    this.text = (this.text + chunk).slice(-1_000_000);
    for (const line of chunk.split('\n')) {
      if (!/\b(WARN|ERROR|FATAL)\b/.test(line)) continue;
      this.warnings += 1;
      if (this.first.length < 20) {
        this.first.push(line.replace(/\x1b\[[0-9;]*m/g, '').trim().slice(0, 300));
        process.stdout.write(`  API: ${this.first[this.first.length - 1]}\n`);
      }
    }
  }
}

async function run(options: LoadtestOptions, results: LoadtestResults, cleanup: CleanupStack): Promise<void> {
  if (await ensureBuild()) log('built dist/');
  const database = await createBenchDatabase(options.databaseUrl, cleanup);
  log(`catalogue of ${options.modules.toLocaleString('en')} modules…`);
  const catalogue = await prepareCatalogue(database.url!, options);
  results.catalogue = { modules: catalogue.published, pendingReviews: catalogue.reviewQueue.length, seedSeconds: catalogue.seedSeconds };

  const ownRedis = options.fault === 'redis' ? await RedisServer.start() : undefined;
  if (ownRedis) cleanup.push('stop the run’s redis-server', () => ownRedis.close());
  const redisUrl = ownRedis?.url ?? options.redisUrl!;
  const queuePrefix = `loadtest-${stamp()}`;
  results.queue = `BullMQ on ${ownRedis ? `the run's own redis-server at ${redisUrl} (AOF, fsync always)` : `Redis at ${redact(redisUrl)}`}, QUEUE_PREFIX ${queuePrefix}`;
  cleanup.push('delete the run’s Redis keys', () => deleteQueueKeys(redisUrl, queuePrefix).then(() => undefined));

  log('starting the API…');
  const apiLog = new ApiLog();
  const api = await startApi({ ...database.apiEnvironment(), DATA_DIR: database.dataDir, QUEUE_PREFIX: queuePrefix, REDIS_URL: redisUrl, LOG_LEVEL: 'log' }, cleanup, { onStdout: (chunk) => apiLog.append(chunk) });
  let apiExit: string | undefined;
  void api.exited.then((code) => (apiExit = String(code)));
  const client = new GraphQLClient(api.graphqlUrl, REQUEST_TIMEOUT_MS);
  const pool = new Pool({ connectionString: database.url, max: 3 });
  pool.on('error', () => undefined);
  cleanup.push('close the checks’ database pool', () => pool.end());
  const target = invariantTarget(pool, client);
  try {
    log(`API ready in ${(api.readyMs / 1000).toFixed(1)} s; registering ${options.beneficiaries} beneficiaries and ${options.contributors} contributors…`);
    const accountsStarted = performance.now();
    const world = await prepareWorld(client, catalogue, options);
    results.accounts = { beneficiaries: world.beneficiaries.length, contributors: world.contributorTokens.length, seconds: (performance.now() - accountsStarted) / 1000 };

    const recorder = new Recorder();
    const probes: Promise<number | undefined>[] = [];
    const loadStartedAt = new Date();
    const started = performance.now();
    const durationMs = options.durationSeconds * 1000;
    const sampler = new Sampler(pool, `${api.baseUrl}/health`, started);
    sampler.start(SAMPLE_EVERY_MS);
    const fault = ownRedis ? scheduleRedisFault(ownRedis, started, durationMs, options.faultSeconds * 1000) : undefined;
    log(`mixed load: ${options.durationSeconds} s, ${options.concurrency} simulated users at once${fault ? `, Redis killed midway and down for ${options.faultSeconds} s` : ''}…`);
    const workload = runWorkload(client, world, recorder, {
      concurrency: options.concurrency,
      durationMs,
      hooks: { onApproved: (candidate, approvedAt) => probes.push(searchableAfter(client, candidate, approvedAt)) },
    });
    const apiGone = api.exited.then((code) => Promise.reject(new Error(`the API exited (${code}) during the load`)));
    // Observed by the race; the exit at our own stop, later, is expected.
    apiGone.catch(() => undefined);
    fault?.catch(() => undefined);
    await Promise.race([workload, apiGone]);
    const window = await fault;
    sampler.stop();
    log(`load over: ${recorder.outcomes.length.toLocaleString('en')} requests; waiting for the background work to drain…`);

    const drainStarted = performance.now();
    const outboxViolations = await outboxSettled(target.db, DRAIN_TIMEOUT_MS);
    const outboxSeconds = (performance.now() - drainStarted) / 1000;
    const drainViolations = [...outboxViolations, ...(await bullMqSettled(redisUrl, queuePrefix, DRAIN_TIMEOUT_MS))];
    results.drain = { seconds: (performance.now() - drainStarted) / 1000, outboxSeconds, violations: drainViolations };
    results.bullMq = await bullMqFigures(redisUrl, queuePrefix);
    const lags = (await Promise.all(probes)).map((lag) => lag ?? Number.NaN);
    results.syncLag = { lag: summarizeLatencies(lags.filter((lag) => !Number.isNaN(lag))), notFound: lags.filter(Number.isNaN).length };

    const whole = recorder.phase('whole load', 0, durationMs);
    const phases = [whole];
    if (window) {
      phases.push(recorder.phase('before the fault', 0, window.fromMs), recorder.phase('during the fault', window.fromMs, window.toMs), recorder.phase('after the fault', window.toMs, durationMs));
    }
    results.load = { durationSeconds: options.durationSeconds, concurrency: options.concurrency, phases };
    results.anomalies = recorder.anomalies;
    results.firstFailures = recorder.firstFailures;
    results.lags = await lagFigures(pool, loadStartedAt);
    results.pool = poolFigures(sampler.samples);
    results.backlogPeak = Math.max(0, ...sampler.samples.map((sample) => sample.outboxPending));
    if (window) {
      const during = sampler.samples.filter((sample) => sample.atSeconds * 1000 >= window.fromMs && sample.atSeconds * 1000 < window.toMs + 5_000);
      results.fault = {
        kind: `Redis killed (SIGKILL) and down for ${options.faultSeconds} s`,
        fromSeconds: window.fromMs / 1000,
        toSeconds: window.toMs / 1000,
        catchUp: await catchUpFigures(pool, window.fromDate, window.toDate),
        backlogPeakDuringFault: Math.max(0, ...during.map((sample) => sample.outboxPending)),
      };
    }

    log('checking the index with the service’s own reconciliation…');
    results.reconcile = await reconcileVerdict(pool, apiLog);
    log('checking the invariants…');
    results.checks = await afterLoadChecks(target, world);
  } finally {
    results.apiLog = { warnings: apiLog.warnings, first: apiLog.first };
    if (apiExit !== undefined) results.errors.api = `the API exited (${apiExit})`;
    await api.stop();
  }
}

interface FaultWindow {
  fromMs: number;
  toMs: number;
  fromDate: Date;
  toDate: Date;
}

/** Kills the run's redis-server (SIGKILL) in the middle of the load and starts it again `faultMs` later. */
async function scheduleRedisFault(redis: RedisServer, started: number, durationMs: number, faultMs: number): Promise<FaultWindow> {
  await delay(Math.max(0, started + (durationMs - faultMs) / 2 - performance.now()));
  const fromMs = performance.now() - started;
  const fromDate = new Date();
  log('fault: killing Redis');
  await redis.stop('SIGKILL');
  await delay(Math.max(0, started + fromMs + faultMs - performance.now()));
  log('fault: starting Redis again');
  await redis.restart();
  return { fromMs, toMs: performance.now() - started, fromDate, toDate: new Date() };
}

/** Milliseconds from an approval to the first search that finds the module; undefined if none does in time. */
async function searchableAfter(client: GraphQLClient, candidate: { id: string; word: string }, approvedAt: number): Promise<number | undefined> {
  const find = `query($query: String!) { searchModules(input: { query: $query, pageSize: 10 }) { hits { module { id } } } }`;
  try {
    const found = await firstSuccess(
      async () => {
        const answer = await client.request<{ searchModules: { hits: { module: { id: string } }[] } }>(find, { query: candidate.word });
        return answer.data?.searchModules.hits.some((hit) => hit.module.id === candidate.id) ?? false;
      },
      { everyMs: 250, timeoutMs: SEARCHABLE_DEADLINE_MS, what: `module ${candidate.id} to become searchable` },
    );
    return found - approvedAt;
  } catch {
    return undefined;
  }
}

/**
 * Queues the service's reconciliation (as `npm run reconcile` does) and reads
 * its verdict from the API's log: it compares every PUBLISHED id and version
 * with the index, which lives inside the API process.
 */
async function reconcileVerdict(pool: Pool, apiLog: ApiLog): Promise<string> {
  const before = apiLog.text.length;
  await pool.query(`INSERT INTO outbox_events (job, payload) VALUES ($1, '{}')`, [JobName.RECONCILE_INDEX]);
  return pollUntil(
    async () => {
      const match = /Reconciliation (found the index in line with the database|repaired the index: [^\n]*)/.exec(apiLog.text.slice(before));
      return match ? match[0].replace(/\x1b\[[0-9;]*m/g, '') : undefined;
    },
    { timeoutMs: 120_000, intervalMs: 250, what: 'the reconciliation to report' },
  );
}

async function main(): Promise<number> {
  Logger.overrideLogger(['fatal', 'error', 'warn']);
  let options: LoadtestOptions;
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
  const scenario = options.fault ? `Redis killed midway and down for ${options.faultSeconds} s` : 'no fault';
  const results: LoadtestResults = {
    startedAt: startedAt.toISOString(),
    durationSeconds: 0,
    scenario,
    command: [`DATABASE_URL=${redact(options.databaseUrl)}`, options.redisUrl && `REDIS_URL=${redact(options.redisUrl)}`, 'npm run loadtest', ...(options.argv.length ? ['--', ...options.argv] : [])].filter(Boolean).join(' '),
    machine: await machineFacts(),
    database: `PostgreSQL ${await withClient(options.databaseUrl, async (c) => (await c.query<{ server_version: string }>('SHOW server_version')).rows[0].server_version)} at ${redact(options.databaseUrl)} (scratch database)`,
    queue: '',
    anomalies: [],
    firstFailures: {},
    checks: [],
    errors: {},
    apiLog: { warnings: 0, first: [] },
  };
  log(`scenario: ${scenario}${options.quick ? ' (quick)' : ''}`);
  const foreignLoad = new ForeignLoadMonitor();
  try {
    await run(options, results, cleanup);
  } catch (error) {
    results.errors.run = error instanceof Error ? error.message.split('\n')[0].slice(0, 500) : String(error);
    log(`the load test broke: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  } finally {
    await cleanup.runAll();
  }
  results.machine.foreignLoad = foreignLoad.stop();
  results.durationSeconds = (performance.now() - began) / 1000;
  const markdown = renderReport(results);
  mkdirSync(options.outDir, { recursive: true });
  const base = join(options.outDir, `loadtest-${options.fault ? `fault-${options.fault}` : 'no-fault'}-${startedAt.toISOString().replace(/[:.]/g, '-')}`);
  writeFileSync(`${base}.json`, `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(`${base}.md`, markdown);
  console.log(`\n${markdown}`);
  const reasons = failures(results);
  log(`report: ${base}.md and .json`);
  log(reasons.length === 0 ? 'every invariant holds' : `FAILED:\n- ${reasons.join('\n- ')}`);
  return reasons.length === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
