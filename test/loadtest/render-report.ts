import type { LatencySummary } from '../bench/support/stats';
import { failures, type LoadtestResults } from './loadtest-results';
import type { OpFigures, PhaseFigures } from './recorder';

const ms = (value: number) => (Number.isNaN(value) ? '—' : value >= 100 ? `${Math.round(value).toLocaleString('en')} ms` : `${value.toFixed(1)} ms`);
const latency = (summary: LatencySummary) => (summary.count === 0 ? 'no samples' : `p50 ${ms(summary.p50)} · p95 ${ms(summary.p95)} · p99 ${ms(summary.p99)} · max ${ms(summary.max)} (${summary.count.toLocaleString('en')})`);
const errors = (figures: OpFigures) =>
  Object.entries(figures.errors)
    .map(([code, count]) => `${code} ${count.toLocaleString('en')}`)
    .join(', ') || 'none';

function phaseTable(phase: PhaseFigures): string[] {
  const rows = Object.entries(phase.byOp).map(
    ([op, figures]) => `| ${op} | ${figures.requests.toLocaleString('en')} | ${figures.throughput.toFixed(1)} | ${ms(figures.latency.p50)} | ${ms(figures.latency.p95)} | ${ms(figures.latency.p99)} | ${errors(figures)} |`,
  );
  const total = phase.total;
  return [
    `### ${phase.name} (${phase.fromSeconds.toFixed(0)}–${phase.toSeconds.toFixed(0)} s)`,
    '',
    '| operation | requests | ok/s | p50 | p95 | p99 | errors by code |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...rows,
    `| **all** | ${total.requests.toLocaleString('en')} | ${total.throughput.toFixed(1)} | ${ms(total.latency.p50)} | ${ms(total.latency.p95)} | ${ms(total.latency.p99)} | ${errors(total)} |`,
    '',
  ];
}

/** The report as Markdown: what ran, the figures per operation and phase, the background work, and each invariant. */
export function renderReport(results: LoadtestResults): string {
  const reasons = failures(results);
  const machine = results.machine;
  const lines = [
    `## Load test report: ${results.scenario}`,
    '',
    `- Date: ${results.startedAt} · whole run ${results.durationSeconds.toFixed(0)} s · command: \`${results.command}\``,
    `- Machine: ${machine.cores} cores (${machine.cpu}), Node ${machine.node}; load average ${machine.loadAverageAtStart.toFixed(2)} at the start${machine.foreignLoad ? `; other processes used ${(machine.foreignLoad.shareOfMachine * 100).toFixed(0)} % of the machine during the run` : ''}`,
    `- Database: ${results.database}; queue: ${results.queue}; search: in-process engine in the API`,
  ];
  if (results.catalogue) lines.push(`- Catalogue: ${results.catalogue.modules.toLocaleString('en')} PUBLISHED modules + ${results.catalogue.pendingReviews} IN_REVIEW, bulk-inserted in ${results.catalogue.seedSeconds.toFixed(1)} s`);
  if (results.accounts) lines.push(`- Accounts through the API: ${results.accounts.beneficiaries} beneficiaries, ${results.accounts.contributors} contributors, a curator, the admin (${results.accounts.seconds.toFixed(1)} s)`);
  if (results.load) {
    lines.push(
      `- Load: ${results.load.durationSeconds} s, ${results.load.concurrency} simulated users with a request in flight (closed loop); mix 85 % search, 8 % module reads, 2 % enroll + 2 % completeLesson, 1 % createModule+submitModule + 1 % reviewModule, 1 % recordCreditSpend (a quarter repeating an accepted reference)`,
    );
  }
  lines.push('', `**Verdict: ${reasons.length === 0 ? 'every invariant holds, no request failed' : 'FAILED'}**`, ...reasons.map((reason) => `- ${reason}`), '');
  for (const phase of results.load?.phases ?? []) lines.push(...phaseTable(phase));
  const failed = Object.entries(results.firstFailures);
  if (failed.length > 0) lines.push('First failure of each operation and code:', ...failed.map(([key, message]) => `- ${key} ${message}`), '');
  if (results.fault) {
    const catchUp = results.fault.catchUp;
    lines.push(
      `### The fault`,
      '',
      `- ${results.fault.kind}, from ${results.fault.fromSeconds.toFixed(1)} s to ${results.fault.toSeconds.toFixed(1)} s of the load; outbox backlog peaked at ${results.fault.backlogPeakDuringFault} rows`,
      catchUp
        ? `- Catch-up after Redis was back: the last outbox row committed before then was handed over ${catchUp.outboxSeconds?.toFixed(1) ?? '—'} s later, its last notification written ${catchUp.notificationSeconds?.toFixed(1) ?? '—'} s later (${catchUp.rowsDuringFault} outbox rows were committed during the fault)`
        : '- Catch-up: not measured',
      '',
    );
  }
  lines.push('### Background work', '');
  if (results.syncLag) lines.push(`- Approve → searchable (a search probe every 250 ms): ${latency(results.syncLag.lag)}${results.syncLag.notFound ? `; ${results.syncLag.notFound} never found` : ''}`);
  if (results.lags) {
    lines.push(`- Outbox lag, commit → done (handed to BullMQ): ${latency(results.lags.outbox)}`);
    for (const [job, summary] of Object.entries(results.lags.outboxByJob)) lines.push(`  - ${job}: ${latency(summary)}`);
    lines.push(`- Notification lag, decision or exhausting entry committed → notification written: ${latency(results.lags.notification)}`);
  }
  if (results.backlogPeak !== undefined) lines.push(`- Outbox backlog (rows not yet done), peak of the samples every 0.5 s: ${results.backlogPeak}`);
  lines.push(
    results.pool
      ? `- Database pool of the API (${results.pool.poolSize} connections), from /health every 0.5 s: requests waiting for a connection in ${results.pool.samplesWithWaiters} of ${results.pool.samples} samples, at most ${results.pool.maxWaiting}, mean ${results.pool.meanWaiting.toFixed(2)}`
      : '- Database pool: /health did not report it',
  );
  if (results.bullMq) {
    lines.push(
      `- BullMQ, queued → finished by a worker: ${latency(results.bullMq.queuedToFinished)}; ${results.bullMq.retried} jobs needed a second attempt, ${results.bullMq.stalled} were started again after stalling (worker or Redis lost mid-job)`,
    );
  }
  if (results.drain) {
    lines.push(
      `- Drain after the load: outbox empty after ${results.drain.outboxSeconds.toFixed(1)} s, BullMQ's queues after ${results.drain.seconds.toFixed(1)} s${results.drain.violations.length ? `; ${results.drain.violations.length} problems` : ''}`,
    );
  }
  lines.push(`- API log: ${results.apiLog.warnings} warnings or errors${results.apiLog.first.length ? `; first: ${results.apiLog.first.slice(0, 3).map((line) => `\`${line.slice(0, 160)}\``).join('; ')}` : ''}`, '');

  lines.push('### Invariants after the load drained', '', '| invariant | checked | result |', '| --- | --- | --- |');
  if (results.drain) lines.push(`| no job pending or given up (outbox rows; BullMQ waiting, active, delayed, failed) | every row and queue | ${results.drain.violations.length === 0 ? 'holds' : `**${results.drain.violations.length} violations**`} |`);
  if (results.reconcile) lines.push(`| the index equals the database (the service's reconciliation: every PUBLISHED id at its version, nothing else) | whole index | ${/in line/.test(results.reconcile) ? 'holds' : `**${results.reconcile}**`} |`);
  for (const check of results.checks) lines.push(`| ${check.name} | ${check.checked} | ${check.violations.length === 0 ? 'holds' : `**${check.violations.length} violations**`} |`);
  lines.push(`| answers consistent at once (a repeated enroll returns the same enrollment) | every answer | ${results.anomalies.length === 0 ? 'holds' : `**${results.anomalies.length}**`} |`, '');
  const details = [...(results.drain?.violations ?? []), ...results.checks.flatMap((check) => check.violations), ...results.anomalies];
  if (details.length > 0) lines.push('Violations (first 20):', ...details.slice(0, 20).map((detail) => `- ${detail}`), '');
  if (Object.keys(results.errors).length > 0) lines.push('Stages that broke:', ...Object.entries(results.errors).map(([stage, message]) => `- ${stage}: ${message}`), '');
  return `${lines.join('\n')}\n`;
}
