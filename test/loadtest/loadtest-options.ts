import { join } from 'node:path';

export type Fault = 'redis';

export interface LoadtestOptions {
  quick: boolean;
  /** Seconds of mixed load. */
  durationSeconds: number;
  fault?: Fault;
  /** How long the fault lasts; it starts so that it sits in the middle of the load. */
  faultSeconds: number;
  /** PUBLISHED modules in the catalogue. */
  modules: number;
  /** IN_REVIEW modules seeded for the curator (contributors submit more during the load). */
  pendingReviews: number;
  beneficiaries: number;
  contributors: number;
  /** Simulated users sending requests at once (closed loop: each sends its next request when the last is answered). */
  concurrency: number;
  outDir: string;
  databaseUrl: string;
  /** The shared Redis of the scenario without a fault (a unique QUEUE_PREFIX, its keys deleted at the end). */
  redisUrl?: string;
  argv: string[];
}

export const USAGE = `Usage: npm run loadtest -- [--quick] [--duration <s>] [--fault redis] [--fault-seconds <s>]
                            [--modules <n>] [--users <n>] [--concurrency <n>] [--out <dir>]
  --quick              smoke run: 12 s, 2,000 modules, 40 beneficiaries, 8 at once
  --duration <s>       seconds of mixed load (default 60)
  --fault redis        the run gets its own redis-server, killed midway and down for --fault-seconds (default 30)
  --modules <n>        PUBLISHED modules in the catalogue (default 20,000)
  --users <n>          registered beneficiaries (default 300)
  --concurrency <n>    simulated users with a request in flight (default 32)
  --out <dir>          where the report goes (default bench-results/)
Needs DATABASE_URL (a scratch database is created on its server and dropped), and REDIS_URL unless --fault redis.`;

export class UsageError extends Error {}

export function parseOptions(argv: string[], env: NodeJS.ProcessEnv, repoRoot: string): LoadtestOptions {
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') throw new UsageError(USAGE);
    if (arg === '--quick') flags.set(arg, true);
    else if (['--duration', '--fault', '--fault-seconds', '--modules', '--users', '--concurrency', '--out'].includes(arg) && argv[i + 1] !== undefined) flags.set(arg, argv[++i]);
    else throw new UsageError(`Unknown or incomplete argument ${arg}\n${USAGE}`);
  }
  const quick = flags.has('--quick');
  const fault = flags.get('--fault');
  if (fault !== undefined && fault !== 'redis') throw new UsageError(`--fault knows only "redis"\n${USAGE}`);
  const durationSeconds = wholeNumber(flags.get('--duration'), '--duration') ?? (quick ? 12 : 60);
  const faultSeconds = wholeNumber(flags.get('--fault-seconds'), '--fault-seconds') ?? (quick ? 4 : 30);
  if (fault && faultSeconds >= durationSeconds) throw new UsageError(`--fault-seconds must be shorter than --duration\n${USAGE}`);
  if (!env.DATABASE_URL) throw new UsageError(`DATABASE_URL is not set\n${USAGE}`);
  if (!fault && !env.REDIS_URL) throw new UsageError(`REDIS_URL is not set (or pass --fault redis, which starts its own)\n${USAGE}`);
  const beneficiaries = wholeNumber(flags.get('--users'), '--users') ?? (quick ? 40 : 300);
  return {
    quick,
    durationSeconds,
    fault: fault as Fault | undefined,
    faultSeconds,
    modules: wholeNumber(flags.get('--modules'), '--modules') ?? (quick ? 2_000 : 20_000),
    pendingReviews: quick ? 50 : 300,
    beneficiaries,
    contributors: quick ? 4 : 20,
    concurrency: wholeNumber(flags.get('--concurrency'), '--concurrency') ?? (quick ? 8 : 32),
    outDir: typeof flags.get('--out') === 'string' ? (flags.get('--out') as string) : join(repoRoot, 'bench-results'),
    databaseUrl: env.DATABASE_URL,
    redisUrl: fault ? undefined : env.REDIS_URL,
    argv,
  };
}

function wholeNumber(value: string | true | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) throw new UsageError(`${flag} needs a positive whole number\n${USAGE}`);
  return number;
}
