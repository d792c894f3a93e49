import { createScratchDatabase, stamp } from '../database/bench-database';
import type { CleanupStack } from '../support/cleanup';
import { runCommand } from '../support/child-process';

export interface PgbenchFigures {
  scale: number;
  clients: number;
  threads: number;
  seconds: number;
  tps: number;
  latencyAverageMs: number;
  command: string;
}

/**
 * The write ceiling of this machine: pgbench's built-in simple-update script
 * on a scratch database of the same PostgreSQL server.
 */
export async function runPgbench(serverUrl: string, seconds: number, cleanup: CleanupStack): Promise<PgbenchFigures> {
  const scale = 10;
  const clients = 50;
  const threads = 2;
  const name = `bench_${stamp()}_pgbench`;
  const url = await createScratchDatabase(serverUrl, name, cleanup);
  await runCommand('pgbench', ['-i', '-q', '-s', String(scale), url], { timeoutMs: 300_000 });
  const args = ['-b', 'simple-update', '-c', String(clients), '-j', String(threads), '-T', String(seconds), url];
  const output = await runCommand('pgbench', args, { timeoutMs: (seconds + 120) * 1000 });
  const tps = /tps = ([\d.]+) \(without initial connection time\)/.exec(output) ?? /tps = ([\d.]+)/.exec(output);
  const latency = /latency average = ([\d.]+) ms/.exec(output);
  if (!tps) throw new Error(`pgbench printed no tps:\n${output}`);
  return {
    scale,
    clients,
    threads,
    seconds,
    tps: Number(tps[1]),
    latencyAverageMs: latency ? Number(latency[1]) : Number.NaN,
    command: `pgbench -i -s ${scale} <scratch db> && pgbench ${args.slice(0, -1).join(' ')} <scratch db>`,
  };
}
