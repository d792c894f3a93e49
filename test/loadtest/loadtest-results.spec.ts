import { failures, type LoadtestResults } from './loadtest-results';
import { Recorder } from './recorder';

function results(overrides: Partial<LoadtestResults> = {}): LoadtestResults {
  const recorder = new Recorder();
  recorder.record({ op: 'search', at: 10, ms: 20 });
  return {
    startedAt: '2026-11-29T00:00:00.000Z',
    durationSeconds: 1,
    scenario: 'no fault',
    command: 'npm run loadtest',
    machine: { cores: 2, cpu: 'x', memoryGiB: 1, node: 'v20', os: 'Linux', loadAverageAtStart: 0, busyProcessesAtStart: [] },
    database: 'PostgreSQL',
    queue: 'BullMQ',
    load: { durationSeconds: 1, concurrency: 1, phases: [recorder.phase('whole load', 0, 1_000)] },
    anomalies: [],
    firstFailures: {},
    drain: { seconds: 0, outboxSeconds: 0, violations: [] },
    reconcile: 'Reconciliation found the index in line with the database',
    checks: [{ name: 'ledger', checked: '1 wallet', violations: [] }],
    errors: {},
    apiLog: { warnings: 0, first: [] },
    ...overrides,
  };
}

describe('failures (the exit code)', () => {
  it('is empty when every check holds and every request succeeded, however slow', () => {
    expect(failures(results())).toEqual([]);
  });

  it('names a broken invariant, an unsettled job, a repaired index, a failed request and a broken stage', () => {
    const recorder = new Recorder();
    recorder.record({ op: 'enroll', at: 5, ms: 30_000, code: 'TIMEOUT' });
    recorder.record({ op: 'search', at: 6, ms: 10 });
    const reasons = failures(
      results({
        checks: [{ name: 'ledger', checked: '1 wallet', violations: ['wallet w: balance 1, sum 2'] }],
        drain: { seconds: 300, outboxSeconds: 300, violations: ['outbox row 7 (notify) gave up'] },
        reconcile: 'Reconciliation repaired the index: 3 upserted, 0 deleted',
        load: { durationSeconds: 1, concurrency: 1, phases: [recorder.phase('whole load', 0, 1_000)] },
        errors: { run: 'the API exited (1) during the load' },
      }),
    );
    expect(reasons).toEqual([
      'run: the API exited (1) during the load',
      'invariant broken: ledger',
      'background work did not settle: a job is pending or gave up',
      'the index differed from the database: Reconciliation repaired the index: 3 upserted, 0 deleted',
      '1 requests failed (every request of the workload is valid)',
    ]);
  });
});
