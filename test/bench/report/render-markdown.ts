import type { MeasuredLoad } from '../load/load-generator';
import type { BenchResults } from './bench-results';
import type { MemorySample } from '../processes/api-memory';
import { checkIssue16Targets } from './targets-issue16';
import { checkTargets, type TargetCheck } from './targets';

const num = (value: number, digits = 0) => value.toLocaleString('en', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const ms = (value: number) => `${num(value, value < 10 ? 2 : 1)} ms`;
const rate = (value: number, unit = 'req/s') => `${num(value)} ${unit}`;
const ratio = (value: number | undefined) => (value === undefined || !Number.isFinite(value) ? '—' : `${value.toFixed(3)} ×`);
const latency = (load: MeasuredLoad) =>
  `p50 ${ms(load.median.latency.p50)} · p95 ${ms(load.median.latency.p95)} · p99 ${ms(load.median.latency.p99)}` +
  (load.median.serverCpuMsPerRequest === undefined ? '' : ` · server CPU ${ms(load.median.serverCpuMsPerRequest)}/req`);
const meanAndTail = (load: MeasuredLoad) => `mean ${ms(load.median.latency.mean)} · p99 ${ms(load.median.latency.p99)} · max ${ms(load.median.latency.max)}`;
const failures = (load: MeasuredLoad) => (load.median.failures > 0 ? ` · **${load.median.failures} failed** (${load.median.firstFailure ?? ''})` : '');

/** The report as Markdown: figures beside their references, targets, details. */
export function renderMarkdown(results: BenchResults): string {
  const lines: string[] = [];
  const { machine, mode } = results;
  lines.push(`# Benchmark report: ${mode.name}, N = ${num(results.n)}${results.quick ? ' (quick)' : ''}`);
  lines.push('');
  lines.push(`- Date: ${results.startedAt} · duration ${num(results.durationSeconds)} s`);
  lines.push(`- Machine: ${machine.cores} cores (${machine.cpu}), ${num(machine.memoryGiB, 1)} GiB, Node ${machine.node}, ${machine.os}; load average ${num(machine.loadAverageAtStart, 2)} before the run`);
  const foreign = machine.foreignLoad;
  if (foreign && foreign.shareOfMachine >= 0.02) {
    lines.push(`- **Other processes used ${num(foreign.coreSeconds)} core-seconds (${num(foreign.shareOfMachine * 100)} % of the machine) during the run**: ${foreign.top.join('; ')}`);
  }
  if (machine.busyProcessesAtStart.length > 0) {
    lines.push(`- **Other processes were busy when the run started** (every figure is skewed): ${machine.busyProcessesAtStart.join('; ')}`);
  }
  lines.push(`- Mode: database ${mode.database}; jobs ${mode.queue}; search ${mode.search}`);
  if (results.catalogue) {
    lines.push(`- Catalogue: ${num(results.catalogue.published)} PUBLISHED modules (+${results.catalogue.pendingReviews} IN_REVIEW for the sync-lag scenario), bulk-inserted in ${num(results.catalogue.seedSeconds, 1)} s`);
  }
  lines.push(
    `- Load: autocannon in a separate process over 127.0.0.1, ${results.connections} connections, warm-up ${results.plan.warmupSeconds} s excluded, ${results.plan.rounds} rounds of ${results.plan.roundSeconds} s, medians of the rounds; the plain closed-loop client (${results.connections} node:http keep-alive workers) the same way; the open-loop generator and the realistic query log as their rows say`,
  );
  for (const command of results.commands) lines.push(`- Command: \`${command}\``);
  lines.push('');

  lines.push('## Figures and their references');
  lines.push('');
  lines.push('| figure | measured | reference | ratio |');
  lines.push('| --- | --- | --- | --- |');
  const ceiling = results.httpCeiling;
  if (ceiling) lines.push(`| HTTP ceiling: bare node:http, 1 KiB JSON | ${rate(ceiling.median.throughput)} · ${latency(ceiling)} | — | 1.000 × |`);
  const floor = results.frameworkFloor;
  if (floor) lines.push(`| Framework floor: \`{ categories { slug } }\` | ${rate(floor.median.throughput)} · ${latency(floor)}${failures(floor)} | HTTP ceiling | ${ratio(ceiling && floor.median.throughput / ceiling.median.throughput)} |`);
  const search = results.search;
  if (search) {
    lines.push(`| Search through GraphQL (facets, typos, filters, sorts) | ${rate(search.median.throughput)} · ${latency(search)}${failures(search)} | HTTP ceiling | ${ratio(ceiling && search.median.throughput / ceiling.median.throughput)} |`);
    const mix = results.inProcess?.loadMix;
    if (mix) {
      lines.push(`| Search through GraphQL vs the same queries in-process | ${rate(search.median.throughput)} | in-process, one core: ${rate(mix.queriesPerSecond, 'queries/s')} · p50 ${ms(mix.p50)} · p99 ${ms(mix.p99)} | ${ratio(search.median.throughput / mix.queriesPerSecond)} |`);
      const apiCpu = search.median.serverCpuMsPerRequest;
      if (apiCpu !== undefined) {
        const engineMs = 1000 / mix.queriesPerSecond;
        lines.push(`| API CPU per search (everything but the engine: HTTP, GraphQL, building the hits, GC) | ${ms(apiCpu)} (${ms(apiCpu - engineMs)} besides the engine) | engine alone ${ms(engineMs)} per query | ${ratio(apiCpu / engineMs)} |`);
      }
    }
  }
  const openLoop = results.openLoop;
  if (openLoop) {
    const engine = results.inProcess?.openLoop;
    lines.push(
      `| Search, open loop: ${openLoop.ratePerSecond}/s offered, Poisson arrivals, ${openLoop.seconds} s measured (latency from the scheduled send time) | ${rate(openLoop.throughput)} · p50 ${ms(openLoop.latency.p50)} · p95 ${ms(openLoop.latency.p95)} · p99 ${ms(openLoop.latency.p99)} · max ${ms(openLoop.latency.max)} · ${openLoop.late} late (sent ≥ 5 ms after their time; worst ${ms(openLoop.maxSendLagMs)}), ${openLoop.failures} failed of ${num(openLoop.scheduled)}, ${openLoop.connections} connections${openLoop.serverCpuMsPerRequest === undefined ? '' : ` · API CPU ${ms(openLoop.serverCpuMsPerRequest)}/search`}${openLoop.firstFailure ? ` (${openLoop.firstFailure.slice(0, 200)})` : ''} | target p99 50 ms${engine ? `; the same requests in-process: engine CPU ${ms(engine.cpuMeanMs)} mean, ${ms(engine.cpuMedianMs)} median per query` : ''} | ${ratio(openLoop.latency.p99 / 50)} |`,
    );
  }
  const plain = results.searchPlain;
  if (search || plain) {
    lines.push(
      `| Search at saturation, c=${results.connections}: autocannon vs the plain closed-loop client (same request list, one after the other) | autocannon: ${search ? meanAndTail(search) : '—'} · plain: ${plain ? `${rate(plain.median.throughput)} · ${meanAndTail(plain)}${failures(plain)}` : '—'} | target p99 ≤ 3 × mean (plain client) | ${ratio(plain && plain.median.latency.p99 / plain.median.latency.mean)} |`,
    );
  }
  const log = results.queryLog;
  if (log) {
    lines.push(
      `| Realistic query log: ${num(log.requests)} requests over ${num(log.distinctQueries)} distinct queries (${num(log.distinctInLog)} of them requested; Zipf exponent ${log.exponent.toFixed(2)}; ${num(log.singletonShare * 100, 1)} % of requests seen once), sent once in order by autocannon | ${rate(log.load.median.throughput)} · ${latency(log.load)}${failures(log.load)} · search cache hit rate ${log.cacheHitRate === undefined ? 'n/a' : `${num(log.cacheHitRate * 100, 1)} %`} | HTTP ceiling | ${ratio(ceiling && log.load.median.throughput / ceiling.median.throughput)} |`,
    );
  }
  const enrol = results.enrol;
  const pgbench = results.pgbench;
  if (enrol) {
    lines.push(`| Enrol (\`enroll\`, ${enrol.beneficiaries} beneficiaries) | ${rate(enrol.load.median.throughput)} · ${latency(enrol.load)}${failures(enrol.load)} | ${pgbench ? `pgbench simple-update ${rate(pgbench.tps, 'tps')}` : 'pgbench: n/a (embedded)'} | ${ratio(pgbench && enrol.load.median.throughput / pgbench.tps)} |`);
  } else if (pgbench) {
    lines.push(`| Enrol | not measured | pgbench simple-update ${rate(pgbench.tps, 'tps')} | — |`);
  }
  const lag = results.syncLag;
  if (lag) {
    lines.push(`| Sync lag, approve → searchable (${lag.approvals} approvals under the search load) | p50 ${ms(lag.lag.p50)} · p95 ${ms(lag.lag.p95)} · max ${ms(lag.lag.max)} (reviewModule alone p50 ${ms(lag.approveLatency.p50)}) | target p95 1,000 ms | ${ratio(lag.lag.p95 / 1000)} |`);
    lines.push(`| Search load during the approvals | ${rate(lag.searchLoad.throughput)} · p99 ${ms(lag.searchLoad.latency.p99)} | search alone ${search ? rate(search.median.throughput) : '—'} | ${ratio(search && lag.searchLoad.throughput / search.median.throughput)} |`);
  }
  const imported = results.import;
  if (imported) lines.push(`| Import: ${num(imported.items)} items in one importModules call (${num(imported.requestBytes / 2 ** 20, 1)} MiB) | ${rate(imported.itemsPerSecond, 'items/s')} (${num(imported.seconds, 1)} s; the call itself ${num(imported.submitSeconds, 1)} s) | target 500 items/s | ${ratio(imported.itemsPerSecond / 500)} |`);
  const startup = results.startup;
  if (startup) {
    lines.push(`| Start-up: spawn → 200 on /health | ${num(startup.readyMs / 1000, 1)} s${startup.meiliReindexSeconds !== undefined ? ` (+ Meilisearch reindex ${num(startup.meiliReindexSeconds, 1)} s)` : ''} | target 10 s | ${ratio(startup.readyMs / 10_000)} |`);
    if (results.restart) {
      lines.push(`| Start-up again on the same data after the loads (the in-process index from its snapshot, when one was written) | ${num(results.restart.readyMs / 1000, 1)} s · RSS ${num(results.restart.rssAfterStartMiB)} MiB | target 5 s (issue 16) | ${ratio(results.restart.readyMs / 5_000)} |`);
    }
    lines.push(`| RSS of the API: after start / after the load | ${num(startup.rssAfterStartMiB)} MiB / ${results.rssAfterLoadMiB === undefined ? '—' : `${num(results.rssAfterLoadMiB)} MiB`} | target 1,024 MiB | ${ratio(Math.max(startup.rssAfterStartMiB, results.rssAfterLoadMiB ?? 0) / 1024)} |`);
  }
  lines.push('');
  lines.push(...memoryTable(results.memory));

  lines.push(...targetTable('Targets (issue 16)', checkIssue16Targets(results)));
  lines.push(...targetTable('Targets (issue 5)', checkTargets(results)));

  const inProcess = results.inProcess;
  if (inProcess) {
    lines.push('## In-process engine, without HTTP or GraphQL');
    lines.push('');
    lines.push(`Rebuilt in the bench process from the same database (allPublishedDocuments): ${num(inProcess.documents)} documents in ${num(inProcess.buildSeconds, 1)} s, heap +${num(inProcess.heapMiB)} MiB. One query at a time, pageSize 20, facets on, 20 warm-up queries per class excluded.`);
    lines.push('');
    lines.push('| class | p50 | p95 | p99 | max | avg hits |');
    lines.push('| --- | --- | --- | --- | --- | --- |');
    for (const c of [...inProcess.classes, inProcess.loadMix]) {
      lines.push(`| ${c.name} | ${ms(c.p50)} | ${ms(c.p95)} | ${ms(c.p99)} | ${ms(c.max)} | ${num(c.averageHits)} |`);
    }
    lines.push('');
  }

  const loads: [string, MeasuredLoad | undefined][] = [
    ['HTTP ceiling', ceiling],
    ['Framework floor', floor],
    ['Search (autocannon)', search],
    ['Search (plain closed-loop client)', plain],
    ['Realistic query log', log?.load],
    ['Enrol', enrol?.load],
  ];
  if (loads.some(([, load]) => load)) {
    lines.push('## Rounds');
    lines.push('');
    lines.push('| load | throughput per round | p99 per round |');
    lines.push('| --- | --- | --- |');
    for (const [name, load] of loads) {
      if (!load) continue;
      lines.push(`| ${name} | ${load.rounds.map((r) => num(r.throughput)).join(' / ')} req/s | ${load.rounds.map((r) => ms(r.latency.p99)).join(' / ')} |`);
    }
    lines.push('');
  }
  if (pgbench) lines.push(`pgbench: \`${pgbench.command}\` → ${num(pgbench.tps, 1)} tps, latency average ${ms(pgbench.latencyAverageMs)}.`, '');
  if (results.invariants) {
    lines.push(enrol ? 'Invariants after the enrol load:' : 'Invariants (no enrol load ran):');
    for (const [name, count] of Object.entries(results.invariants.violations)) lines.push(`- ${name}: ${count === 0 ? 'holds' : `**${count} violations**`}`);
    if (Object.keys(results.invariants.violations).length === 0) lines.push('- no ledger tables in this schema yet');
    lines.push('');
  }
  for (const note of results.notes) lines.push(`- ${note}`);
  for (const [name, reason] of Object.entries(results.skipped)) lines.push(`- Skipped ${name}: ${reason}`);
  for (const [name, error] of Object.entries(results.errors)) lines.push(`- **Failed ${name}**: ${error}`);
  return `${lines.join('\n').trimEnd()}\n`;
}

function targetTable(title: string, checks: TargetCheck[]): string[] {
  const lines = [`## ${title}`, '', '| target | measured | met |', '| --- | --- | --- |'];
  for (const check of checks) {
    const met = check.met === null ? 'n/a' : check.met ? 'met' : '**not met**';
    lines.push(`| ${check.target} | ${check.measured} | ${met}${check.note ? ` (${check.note})` : ''} |`);
  }
  lines.push('');
  return lines;
}

/** Where the API's memory went, scenario by scenario ("external" is mostly PGlite's WebAssembly heap in embedded mode). */
function memoryTable(samples: MemorySample[] | undefined): string[] {
  if (!samples?.length) return [];
  const mib = (value: number | undefined) => (value === undefined ? '—' : `${num(value)} MiB`);
  return [
    '## API memory',
    '',
    '| after | RSS | peak RSS during it | V8 heap used / total | external (Buffers, WebAssembly) |',
    '| --- | --- | --- | --- | --- |',
    ...samples.map((sample) => `| ${sample.after} | ${mib(sample.rssMiB)} | ${mib(sample.peakRssMiB)} | ${mib(sample.heapUsedMiB)} / ${mib(sample.heapTotalMiB)} | ${mib(sample.externalMiB)} |`),
    '',
  ];
}
