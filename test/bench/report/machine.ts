import { cpus, loadavg, release, totalmem, type } from 'node:os';
import { setTimeout as delay } from 'node:timers/promises';
import { withClient } from '../database/bench-database';
import { processTable, TICKS_PER_SECOND } from '../support/process-table';
import type { BenchOptions } from '../bench-options';
import type { MachineFacts, ModeFacts } from './bench-results';

export async function machineFacts(): Promise<MachineFacts> {
  return {
    cores: cpus().length,
    cpu: cpus()[0]?.model.trim() ?? 'unknown',
    memoryGiB: totalmem() / 2 ** 30,
    node: process.version,
    os: `${type()} ${release()}`,
    loadAverageAtStart: loadavg()[0],
    busyProcessesAtStart: await busyProcesses(),
  };
}

const BUSY_SHARE = 0.2;
const SAMPLE_MS = 1_000;

/** Processes other than this one that used more than a fifth of a core over one second. */
async function busyProcesses(): Promise<string[]> {
  const first = new Map(processTable().map((row) => [row.pid, row.ticks]));
  await delay(SAMPLE_MS);
  return processTable()
    .map((row) => ({ ...row, share: (row.ticks - (first.get(row.pid) ?? row.ticks)) / TICKS_PER_SECOND / (SAMPLE_MS / 1000) }))
    .filter((row) => row.pid !== process.pid && row.share > BUSY_SHARE)
    .map((row) => `${row.command.slice(0, 80) || `pid ${row.pid}`} (${Math.round(row.share * 100)} % of a core)`);
}

export async function modeFacts(options: BenchOptions): Promise<ModeFacts> {
  const { databaseUrl, redisUrl, meiliUrl } = options.environment;
  const search = meiliUrl ? `Meilisearch at ${meiliUrl}` : 'in-process engine (built from the database at start)';
  if (!databaseUrl) return { name: 'embedded', database: 'embedded PGlite in a temp DATA_DIR', queue: 'in-process (outbox relay in the API)', search };
  const version = await withClient(databaseUrl, async (client) => (await client.query<{ server_version: string }>('SHOW server_version')).rows[0].server_version);
  return {
    name: 'postgres',
    database: `PostgreSQL ${version} at ${redact(databaseUrl)} (scratch database)`,
    queue: redisUrl ? `BullMQ on Redis at ${redact(redisUrl)}` : 'in-process (outbox relay in the API)',
    search,
  };
}

/** A URL without its password. */
export function redact(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}

/** How this run was started, for the report. */
export function commandLine(options: BenchOptions): string {
  const { databaseUrl, redisUrl, meiliUrl } = options.environment;
  const env = [databaseUrl && `DATABASE_URL=${redact(databaseUrl)}`, redisUrl && `REDIS_URL=${redact(redisUrl)}`, meiliUrl && `MEILI_URL=${meiliUrl}`].filter(Boolean);
  return [...env, 'npm run bench', ...(options.argv.length ? ['--', ...options.argv] : [])].join(' ');
}
