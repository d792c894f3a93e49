import { join } from 'node:path';
import type { RoundPlan } from './load/load-generator';

export interface BenchOptions {
  quick: boolean;
  /** Published modules in the catalogue. */
  n: number;
  outDir: string;
  /** Concurrent connections of every HTTP load. */
  connections: number;
  plan: RoundPlan;
  queriesPerClass: number;
  /** Requests of the search load timed in-process (the first of the HTTP search list). */
  searchRequests: number;
  /** Distinct requests the HTTP search loads go through (long enough not to repeat within a run: a cache must not flatter them). */
  searchListLength: number;
  /** Offered rate of the open-loop search run (Poisson arrivals), and its measured seconds. */
  openLoop: { ratePerSecond: number; seconds: number };
  /** The realistic query log: distinct queries and requests (sent once, in order). */
  queryLog: { distinct: number; requests: number };
  approvals: number;
  importItems: number;
  beneficiaries: number;
  pgbenchSeconds: number;
  environment: { databaseUrl?: string; redisUrl?: string; meiliUrl?: string; meiliApiKey?: string };
  /** The command line, for the report. */
  argv: string[];
}

export const USAGE = `Usage: npm run bench -- [--quick] [--n <modules>] [--rate <searches/s>] [--out <dir>]
  --quick        short rounds and smaller samples (default N 10,000), about 3 minutes
  --n <modules>  published modules in the catalogue (default 100,000)
  --rate <n>     offered rate of the open-loop search run, Poisson arrivals (default 200 searches/s)
  --out <dir>    where the report goes (default bench-results/)
Mode: embedded defaults unless DATABASE_URL is set (then REDIS_URL and MEILI_URL are used when set).`;

export class UsageError extends Error {}

export function parseOptions(argv: string[], env: NodeJS.ProcessEnv, repoRoot: string): BenchOptions {
  let quick = false;
  let n: number | undefined;
  let rate = 200;
  let outDir = join(repoRoot, 'bench-results');
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--quick') quick = true;
    else if (arg === '--n') n = positiveInteger(argv[++i], '--n');
    else if (arg === '--rate') rate = positiveInteger(argv[++i], '--rate');
    else if (arg === '--out') outDir = argv[++i] ?? '';
    else if (arg === '--help' || arg === '-h') throw new UsageError(USAGE);
    else throw new UsageError(`Unknown argument ${arg}\n${USAGE}`);
  }
  if (!outDir) throw new UsageError(`--out needs a directory\n${USAGE}`);
  const environment = {
    databaseUrl: env.DATABASE_URL || undefined,
    redisUrl: env.DATABASE_URL ? env.REDIS_URL || undefined : undefined,
    meiliUrl: env.DATABASE_URL ? env.MEILI_URL || undefined : undefined,
    meiliApiKey: env.MEILI_API_KEY || undefined,
  };
  return {
    quick,
    n: n ?? (quick ? 10_000 : 100_000),
    outDir,
    connections: 50,
    plan: quick ? { warmupSeconds: 1, rounds: 3, roundSeconds: 2 } : { warmupSeconds: 3, rounds: 3, roundSeconds: 10 },
    queriesPerClass: quick ? 100 : 300,
    searchRequests: quick ? 1_000 : 5_000,
    searchListLength: quick ? 10_000 : 40_000,
    openLoop: { ratePerSecond: rate, seconds: quick ? 5 : 20 },
    queryLog: { distinct: 20_000, requests: quick ? 6_000 : 20_000 },    approvals: quick ? 30 : 200,
    importItems: quick ? 500 : 5_000,
    beneficiaries: quick ? 20 : 200,
    pgbenchSeconds: quick ? 5 : 15,
    environment,
    argv,
  };
}

function positiveInteger(value: string | undefined, flag: string): number {
  const number = Number(value);
  if (!value || !Number.isInteger(number) || number < 1) throw new UsageError(`${flag} needs a positive whole number\n${USAGE}`);
  return number;
}
