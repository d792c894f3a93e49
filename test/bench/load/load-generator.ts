import { once } from 'node:events';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CleanupStack } from '../support/cleanup';
import { spawnChild, type ChildHandle } from '../support/child-process';
import { processTicks, TICKS_PER_SECOND } from '../support/process-table';
import { median } from '../support/stats';
import type { LoadFigures, LoadSpec, ParentMessage, RequestList, RunnerMessage } from './load-protocol';

const RUNNER = join(__dirname, 'load-runner.ts');

export interface RoundPlan {
  warmupSeconds: number;
  rounds: number;
  roundSeconds: number;
}

/** Figures of several rounds and their medians (warm-up excluded). */
export interface MeasuredLoad {
  median: LoadFigures;
  rounds: LoadFigures[];
}

/** The parent's handle on a load-runner child process. */
export class LoadGenerator {
  private constructor(private readonly child: ChildHandle) {}

  static async start(cleanup: CleanupStack): Promise<LoadGenerator> {
    const child = spawnChild('load runner', process.execPath, ['-r', '@swc-node/register', RUNNER], { stdio: ['ignore', 'inherit', 'pipe', 'ipc'] });
    cleanup.push('stop the load runner', () => child.stop(2_000));
    const [message] = (await Promise.race([once(child.process, 'message'), child.exited.then(() => [{ type: 'exited' }])])) as [RunnerMessage | { type: 'exited' }];
    if (message.type !== 'ready') throw new Error(`The load runner did not start: ${child.stderrTail()}`);
    return new LoadGenerator(child);
  }

  /** One run of autocannon in the runner process; `onStarted` is called once the first response is in. */
  async run(spec: LoadSpec, onStarted?: () => void): Promise<LoadFigures> {
    const answer = new Promise<RunnerMessage>((resolve, reject) => {
      const onMessage = (message: RunnerMessage) => {
        if (message.type === 'started') onStarted?.();
        else if (message.type === 'result' || message.type === 'error') {
          this.child.process.off('message', onMessage);
          resolve(message);
        }
      };
      this.child.process.on('message', onMessage);
      void this.child.exited.then((code) => reject(new Error(`The load runner exited (${code}): ${this.child.stderrTail()}`)));
    });
    this.send({ type: 'run', spec });
    const message = await answer;
    if (message.type === 'error') throw new Error(`Load run failed: ${message.message}`);
    return (message as Extract<RunnerMessage, { type: 'result' }>).figures;
  }

  /** Ends the current run early; its figures are still reported by run(). */
  stopRun(): void {
    this.send({ type: 'stop' });
  }

  /**
   * A warm-up run (discarded), then `rounds` runs; medians of each figure.
   * With `serverPid`, each round also reports that process's CPU time per response.
   */
  async measure(spec: Omit<LoadSpec, 'durationSeconds'>, plan: RoundPlan, serverPid?: number): Promise<MeasuredLoad> {
    if (plan.warmupSeconds > 0) await this.run({ ...spec, durationSeconds: plan.warmupSeconds });
    const rounds: LoadFigures[] = [];
    for (let i = 0; i < plan.rounds; i++) {
      const before = serverPid === undefined ? undefined : processTicks(serverPid);
      const figures = await this.run({ ...spec, durationSeconds: plan.roundSeconds });
      const after = serverPid === undefined ? undefined : processTicks(serverPid);
      if (before !== undefined && after !== undefined && figures.requests > 0) {
        figures.serverCpuMsPerRequest = ((after - before) * (1000 / TICKS_PER_SECOND)) / figures.requests;
      }
      rounds.push(figures);
    }
    return { median: medianFigures(rounds), rounds };
  }

  async close(): Promise<void> {
    if (this.child.process.connected) this.send({ type: 'exit' });
    await this.child.stop(2_000);
  }

  private send(message: ParentMessage): void {
    this.child.process.send(message);
  }
}

export function medianFigures(rounds: LoadFigures[]): LoadFigures {
  const of = (pick: (figures: LoadFigures) => number) => median(rounds.map(pick));
  return {
    requests: of((r) => r.requests),
    seconds: of((r) => r.seconds),
    throughput: of((r) => r.throughput),
    latency: {
      count: of((r) => r.latency.count),
      p50: of((r) => r.latency.p50),
      p95: of((r) => r.latency.p95),
      p99: of((r) => r.latency.p99),
      max: of((r) => r.latency.max),
    },
    failures: rounds.reduce((sum, r) => sum + r.failures, 0),
    wraps: Math.max(0, ...rounds.map((r) => r.wraps)),
    firstFailure: rounds.find((r) => r.firstFailure)?.firstFailure,
    serverCpuMsPerRequest: rounds.every((r) => r.serverCpuMsPerRequest !== undefined) ? of((r) => r.serverCpuMsPerRequest!) : undefined,
  };
}

/** Writes the request list a load run cycles through. */
export function writeRequests(workDir: string, name: string, requests: RequestList): string {
  const file = join(workDir, `${name}.requests.json`);
  writeFileSync(file, JSON.stringify(requests));
  return file;
}
