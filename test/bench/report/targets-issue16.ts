import type { BenchResults } from './bench-results';
import { targetList, type TargetCheck } from './targets';

const ms = (value: number) => `${value.toFixed(value < 10 ? 2 : 1)} ms`;
const percent = (share: number) => `${(share * 100).toFixed(1)} %`;
const TARGET_RATE = 200;

/** The targets of issue 16, checked against one run's figures; which client or reference each figure comes from is in its text. */
export function checkIssue16Targets(results: BenchResults): TargetCheck[] {
  const { checks, add, smallCatalogue, postgresOnly, embeddedOnly } = targetList(results);
  const { openLoop, searchPlain, search, queryLog, httpCeiling, inProcess } = results;

  const apiCpu = openLoop?.serverCpuMsPerRequest;
  const engine = inProcess?.openLoop;
  const beyond = apiCpu !== undefined && engine ? apiCpu - engine.cpuMeanMs : undefined;
  add(
    'API CPU per search beyond the engine ≤ 1 ms (20 hits, category, contributor, highlights, all facets)',
    beyond === undefined ? undefined : `${ms(beyond)} (API process ${ms(apiCpu!)} per search in the open-loop run − engine ${ms(engine!.cpuMeanMs)} per query on the same ${engine!.count} requests in-process)`,
    beyond === undefined ? undefined : beyond <= 1,
    smallCatalogue,
  );
  add('Engine CPU per query, median ≤ 1 ms', engine ? `${ms(engine.cpuMedianMs)} (in-process, the open loop's measured requests)` : undefined, engine ? engine.cpuMedianMs <= 1 : undefined, smallCatalogue);

  const plain = searchPlain?.median.latency;
  const auto = search?.median.latency;
  add(
    `Saturation tail, search at c=${results.connections}: p99 ≤ 3 × mean (plain closed-loop client)`,
    plain ? `p99 ${ms(plain.p99)} = ${(plain.p99 / plain.mean).toFixed(2)} × mean ${ms(plain.mean)}${auto ? ` (autocannon: p99 ${ms(auto.p99)}, mean ${ms(auto.mean)})` : ''}` : undefined,
    plain ? plain.p99 <= 3 * plain.mean : undefined,
    smallCatalogue,
  );

  const rateNote = openLoop && openLoop.ratePerSecond !== TARGET_RATE ? `offered ${openLoop.ratePerSecond}/s (--rate), the target is at ${TARGET_RATE}/s` : undefined;
  add(
    `Search p99 ≤ 50 ms at ${TARGET_RATE} searches/s offered (open loop, Poisson arrivals)`,
    openLoop
      ? `p99 ${ms(openLoop.latency.p99)} (p50 ${ms(openLoop.latency.p50)}, max ${ms(openLoop.latency.max)}; ${openLoop.scheduled} requests, ${openLoop.late} late, ${openLoop.failures} failed)`
      : undefined,
    openLoop ? openLoop.latency.p99 <= 50 && openLoop.failures === 0 : undefined,
    rateNote,
    smallCatalogue,
  );

  const logRatio = queryLog && httpCeiling ? queryLog.load.median.throughput / httpCeiling.median.throughput : undefined;
  add(
    `Realistic query log at c=${results.connections}: search ≥ 0.10 × HTTP ceiling`,
    logRatio === undefined
      ? undefined
      : `${logRatio.toFixed(3)} × (${queryLog!.load.median.throughput.toFixed(0)} vs ${httpCeiling!.median.throughput.toFixed(0)} req/s; ${percent(queryLog!.singletonShare)} of requests seen once)`,
    logRatio === undefined ? undefined : logRatio >= 0.1,
    smallCatalogue,
  );
  if (queryLog) {
    const rate = queryLog.cacheHitRate;
    checks.push({ target: 'Search cache hit rate on the realistic log (reported, no target)', measured: rate === undefined ? 'n/a' : percent(rate), met: null, note: rate === undefined ? 'no search_cache counters on /metrics' : undefined });
  }

  const { enrol, pgbench } = results;
  if (enrol) {
    const enrolRatio = pgbench ? enrol.load.median.throughput / pgbench.tps : undefined;
    add('Enrol ≥ 0.25 × pgbench simple-update TPS (PostgreSQL)', enrolRatio === undefined ? undefined : `${enrolRatio.toFixed(3)} ×`, enrolRatio === undefined ? undefined : enrolRatio >= 0.25, postgresOnly);
    add(`Enrol p99 ≤ 100 ms at c=${results.connections}`, ms(enrol.load.median.latency.p99), enrol.load.median.latency.p99 <= 100, postgresOnly);
  }
  const violations = results.invariants ? Object.values(results.invariants.violations) : undefined;
  add('Ledger invariants intact after the enrol load', violations ? `${violations.reduce((a, b) => a + b, 0)} violations` : undefined, violations ? violations.every((v) => v === 0) : undefined);

  const { startup, restart } = results;
  const seconds = (readyMs: number) => `${(readyMs / 1000).toFixed(1)} s`;
  // A restart is the start the target is about: the data (and the index snapshot) are there already.
  const ready = restart ?? startup;
  add(
    'Embedded start-up ≤ 5 s to ready (100,000 modules)',
    ready ? (restart ? `${seconds(restart.readyMs)} restarting on the same data (first start, building the index: ${startup ? seconds(startup.readyMs) : '—'})` : `${seconds(ready.readyMs)} (first start)`) : undefined,
    ready && !embeddedOnly ? ready.readyMs <= 5_000 : undefined,
    embeddedOnly,
    smallCatalogue,
  );
  const rss = results.rssAfterLoadMiB;
  add('RSS ≤ 1 GiB after the load (embedded, 100,000 modules)', rss === undefined ? undefined : `${rss.toFixed(0)} MiB`, rss !== undefined && !embeddedOnly ? rss <= 1024 : undefined, embeddedOnly, smallCatalogue);

  const classes = inProcess?.classes;
  if (classes) {
    const worstP99 = classes.reduce((worst, c) => (c.p99 > worst.p99 ? c : worst));
    const worstMax = classes.reduce((worst, c) => (c.max > worst.max ? c : worst));
    add('In-process engine p99 ≤ 20 ms, every query class', `${ms(worstP99.p99)} (worst: ${worstP99.name})`, worstP99.p99 <= 20, smallCatalogue);
    add('In-process engine max ≤ 100 ms, every query class', `${ms(worstMax.max)} (worst: ${worstMax.name})`, worstMax.max <= 100, smallCatalogue);
  } else {
    add('In-process engine p99 ≤ 20 ms and max ≤ 100 ms, every query class', undefined, undefined);
  }
  return checks;
}
