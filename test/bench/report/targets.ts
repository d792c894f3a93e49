import type { BenchResults } from './bench-results';

export interface TargetCheck {
  target: string;
  measured: string;
  /** null: not applicable in this mode or not measured. */
  met: boolean | null;
  note?: string;
}

const FULL_N = 100_000;
const ms = (value: number) => `${value.toFixed(1)} ms`;

/** A list of checks, and the notes that qualify them in this run (catalogue size, mode). */
export function targetList(results: BenchResults) {
  const checks: TargetCheck[] = [];
  const add = (target: string, measured: string | undefined, met: boolean | undefined, ...notes: (string | undefined)[]) => {
    const note = notes.filter(Boolean).join('; ') || undefined;
    checks.push({ target, measured: measured ?? 'not measured', met: measured === undefined ? null : (met ?? null), note });
  };
  return {
    checks,
    add,
    smallCatalogue: results.n < FULL_N ? `N = ${results.n.toLocaleString('en')}, the target is for 100,000` : undefined,
    postgresOnly: results.mode.name === 'postgres' ? undefined : 'embedded mode: the target is for PostgreSQL',
    embeddedOnly: results.mode.name === 'embedded' ? undefined : 'the target is for the embedded defaults',
  };
}

/** The targets of issue 5, checked against one run's figures. */
export function checkTargets(results: BenchResults): TargetCheck[] {
  const { checks, add, smallCatalogue, postgresOnly, embeddedOnly } = targetList(results);

  const { search, httpCeiling } = results;
  const ratio = search && httpCeiling ? search.median.throughput / httpCeiling.median.throughput : undefined;
  add('Search through GraphQL ≥ 0.10 × HTTP ceiling', ratio === undefined ? undefined : `${ratio.toFixed(3)} ×`, ratio === undefined ? undefined : ratio >= 0.1, smallCatalogue);
  add('Search p99 ≤ 50 ms at concurrency 50', search ? ms(search.median.latency.p99) : undefined, search ? search.median.latency.p99 <= 50 : undefined, smallCatalogue);

  const classes = results.inProcess?.classes;
  if (classes) {
    const worstP99 = classes.reduce((worst, c) => (c.p99 > worst.p99 ? c : worst));
    const worstMax = classes.reduce((worst, c) => (c.max > worst.max ? c : worst));
    add('In-process p99 ≤ 20 ms, every query class', `${ms(worstP99.p99)} (worst: ${worstP99.name})`, worstP99.p99 <= 20, smallCatalogue);
    add('In-process max ≤ 100 ms (very common words included)', `${ms(worstMax.max)} (worst: ${worstMax.name})`, worstMax.max <= 100, smallCatalogue);
  } else {
    add('In-process p99 ≤ 20 ms, every query class', undefined, undefined);
  }

  const enrol = results.enrol;
  const pgbench = results.pgbench;
  if (enrol) {
    const enrolRatio = pgbench ? enrol.load.median.throughput / pgbench.tps : undefined;
    add('Enrol ≥ 0.25 × pgbench simple-update TPS', enrolRatio === undefined ? undefined : `${enrolRatio.toFixed(3)} ×`, enrolRatio === undefined ? undefined : enrolRatio >= 0.25, postgresOnly);
    add('Enrol p99 ≤ 100 ms', ms(enrol.load.median.latency.p99), enrol.load.median.latency.p99 <= 100, postgresOnly);
  }
  const violations = results.invariants ? Object.values(results.invariants.violations) : undefined;
  if (enrol) {
    add('Zero invariant violations after the enrol load', violations ? String(violations.reduce((a, b) => a + b, 0)) : undefined, violations ? violations.every((v) => v === 0) : undefined);
  }

  const lag = results.syncLag?.lag;
  add('Sync lag p95 ≤ 1 s under the search load', lag ? ms(lag.p95) : undefined, lag ? lag.p95 <= 1000 : undefined);
  const imported = results.import;
  add('Import ≥ 500 items/s on PostgreSQL', imported ? `${imported.itemsPerSecond.toFixed(0)} items/s` : undefined, imported && !postgresOnly ? imported.itemsPerSecond >= 500 : undefined, postgresOnly);
  const startup = results.startup;
  add('Start-up to ready ≤ 10 s (embedded, 100,000 modules)', startup ? `${(startup.readyMs / 1000).toFixed(1)} s` : undefined, startup && !embeddedOnly ? startup.readyMs <= 10_000 : undefined, embeddedOnly, smallCatalogue);
  const rss = Math.max(startup?.rssAfterStartMiB ?? 0, results.rssAfterLoadMiB ?? 0);
  add('RSS ≤ 1 GiB (embedded, 100,000 modules)', startup ? `${rss.toFixed(0)} MiB` : undefined, startup && !embeddedOnly ? rss <= 1024 : undefined, embeddedOnly, smallCatalogue);
  return checks;
}
