import { once } from 'node:events';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CleanupStack } from '../support/cleanup';
import { spawnChild, type ChildHandle } from '../support/child-process';
import { processTicks, TICKS_PER_SECOND } from '../support/process-table';
import { median } from '../support/stats';
import type { LoadFigures, LoadSpec, OpenLoopFigures, OpenLoopSpec, ParentMessage, RequestList, RunnerMessage } from './load-protocol';

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
  measure(spec: Omit<LoadSpec, 'durationSeconds'>, plan: RoundPlan, serverPid?: number): Promise<MeasuredLoad> {
    const warmup = plan.warmupSeconds > 0 ? { ...spec, durationSeconds: plan.warmupSeconds } : undefined;
    return this.rounds(warmup, { ...spec, durationSeconds: plan.roundSeconds }, plan.rounds, serverPid);
  }

  /** As measure(), but each run ends after a number of requests instead of a time: a list sent once, in order. */
  measureRequests(spec: Omit<LoadSpec, 'durationSeconds' | 'amount'>, amounts: { warmup: number; rounds: number; perRound: number }, serverPid?: number): Promise<MeasuredLoad> {
    const asRun = (amount: number) => ({ ...spec, amount, durationSeconds: 0 });
    return this.rounds(amounts.warmup > 0 ? asRun(amounts.warmup) : undefined, asRun(amounts.perRound), amounts.rounds, serverPid);
  }

  private async rounds(warmup: LoadSpec | undefined, round: LoadSpec, count: number, serverPid?: number): Promise<MeasuredLoad> {
    if (warmup) await this.run(warmup);
    const rounds: LoadFigures[] = [];
    for (let i = 0; i < count; i++) {
      const before = serverPid === undefined ? undefined : processTicks(serverPid);
      const figures = await this.run(round);
      const after = serverPid === undefined ? undefined : processTicks(serverPid);
      if (before !== undefined && after !== undefined && figures.requests > 0) {
        figures.serverCpuMsPerRequest = ((after - before) * (1000 / TICKS_PER_SECOND)) / figures.requests;
      }
      rounds.push(figures);
    }
    return { median: medianFigures(rounds), rounds };
  }

  /**
   * One open-loop run; with `serverPid`, that process's CPU time per answer
   * from the start of the measured window to the last answer.
   */
  async openLoop(spec: OpenLoopSpec, serverPid?: number): Promise<OpenLoopFigures> {
    let ticksAtWindow: number | undefined;
    const answer = new Promise<RunnerMessage>((resolve, reject) => {
      const onMessage = (message: RunnerMessage) => {
        if (message.type === 'window' && serverPid !== undefined) ticksAtWindow = processTicks(serverPid);
        else if (message.type === 'openLoopResult' || message.type === 'error') {
          this.child.process.off('message', onMessage);
          resolve(message);
        }
      };
      this.child.process.on('message', onMessage);
      void this.child.exited.then((code) => reject(new Error(`The load runner exited (${code}): ${this.child.stderrTail()}`)));
    });
    this.send({ type: 'openLoop', spec });
    const message = await answer;
    if (message.type === 'error') throw new Error(`Open-loop run failed: ${message.message}`);
    const figures = (message as Extract<RunnerMessage, { type: 'openLoopResult' }>).figures;
    const ticksAtEnd = serverPid === undefined ? undefined : processTicks(serverPid);
    if (ticksAtWindow !== undefined && ticksAtEnd !== undefined && figures.answeredInWindow > 0) {
      figures.serverCpuMsPerRequest = ((ticksAtEnd - ticksAtWindow) * (1000 / TICKS_PER_SECOND)) / figures.answeredInWindow;
    }
    return figures;
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
      mean: of((r) => r.latency.mean),
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
