/**
 * npm run bench:startup: the embedded API's start-up with N modules, cold (no
 * index snapshot: the index is built from the database) and warm (loaded from
 * the snapshot and checked against the database), then warm again after
 * modules changed while the API was down. Prints time to ready and RSS.
 *
 *   npm run bench:startup -- [--n <modules>] [--changed <modules>] [--data-dir <dir> [--keep-snapshot]]
 *
 * --data-dir keeps the seeded DATA_DIR (reused when it already holds a catalogue), so runs can repeat without
 * seeding; --keep-snapshot starts from the snapshot already there instead of a cold start.
 */
import 'reflect-metadata';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { startEmbeddedPostgres } from '../../src/database/embedded-postgres';
import { loadCorpus } from './catalogue/catalogue-generator';
import { seedCatalogue } from './catalogue/seed-catalogue';
import { runMigrations } from './database/bench-database';
import { startApi } from './processes/api-process';
import { ensureBuild } from './processes/ensure-build';
import { CleanupStack } from './support/cleanup';

const MiB = 2 ** 20;
const SNAPSHOT_FILE = 'search-index.snapshot';

interface Options {
  n: number;
  changed: number;
  dataDir?: string;
  /** Start from the snapshot already in the data dir (no cold start). */
  keepSnapshot: boolean;
}

function parseArguments(argv: string[]): Options {
  const options: Options = { n: 20_000, changed: 200, keepSnapshot: false };
  for (let i = 0; i < argv.length; i++) {
    const value = argv[i + 1];
    if (argv[i] === '--n') (options.n = Number(value)), i++;
    else if (argv[i] === '--changed') (options.changed = Number(value)), i++;
    else if (argv[i] === '--data-dir') (options.dataDir = value), i++;
    else if (argv[i] === '--keep-snapshot') options.keepSnapshot = true;
    else throw new Error(`Unknown argument ${argv[i]}\nUsage: npm run bench:startup -- [--n <modules>] [--changed <modules>] [--data-dir <dir> [--keep-snapshot]]`);
  }
  if (!Number.isInteger(options.n) || options.n < 1 || !Number.isInteger(options.changed) || options.changed < 0) throw new Error('--n and --changed take whole numbers');
  return options;
}

/** Opens the embedded database of `dataDir` (the API must not be running) for one connection's work. */
async function withEmbedded<T>(dataDir: string, work: (client: Client) => Promise<T>, before?: (url: string) => Promise<void>): Promise<T> {
  const embedded = await startEmbeddedPostgres(dataDir, 4);
  try {
    await before?.(embedded.url);
    const client = new Client({ connectionString: embedded.url });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  } finally {
    await embedded.stop();
  }
}

async function seed(dataDir: string, n: number): Promise<void> {
  const started = performance.now();
  await withEmbedded(
    dataDir,
    (client) =>
      seedCatalogue(client, loadCorpus(42), { published: n, pendingReviews: 1 }, (inserted) => {
        if (inserted % 20_000 === 0) console.log(`  ${inserted.toLocaleString('en')} modules inserted`);
      }),
    runMigrations,
  );
  console.log(`seeded ${n.toLocaleString('en')} modules in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

/** Between starts: `count` modules get a new title (a new version) and a tenth of as many leave PUBLISHED. */
async function changeModules(dataDir: string, count: number): Promise<void> {
  await withEmbedded(dataDir, async (client) => {
    await client.query(
      `UPDATE modules SET title = title || ' (diubah)', version = version + 1, updated_at = now()
        WHERE id IN (SELECT id FROM modules WHERE status = 'PUBLISHED' ORDER BY id DESC LIMIT $1)`,
      [count],
    );
    await client.query(`UPDATE modules SET status = 'UNPUBLISHED', version = version + 1 WHERE id IN (SELECT id FROM modules WHERE status = 'PUBLISHED' ORDER BY id LIMIT $1)`, [Math.ceil(count / 10)]);
  });
}

interface Start {
  label: string;
  readyMs: number;
  rssMiB: number;
  snapshotMiB?: number;
}

async function startAndStop(label: string, dataDir: string, cleanup: CleanupStack): Promise<Start> {
  // The API's own account of its start (PGlite, the index built or loaded, the snapshot written); Nest buffers the
  // bootstrap's log lines, so their times are the flush's: the lines carry their own durations.
  const echo = (text: string) => {
    for (const line of text.split('\n')) {
      const entry = /^\{.*\}$/.test(line) ? (JSON.parse(line) as { context?: string; msg?: string }) : undefined;
      if (entry?.context && /EmbeddedPostgres|IndexSnapshots|SearchLifecycle/.test(entry.context)) console.log(`  [${entry.context}] ${entry.msg}`);
    }
  };
  const api = await startApi({ DATA_DIR: dataDir, LOG_LEVEL: 'log' }, cleanup, { onStdout: echo });
  const rssMiB = (await api.rssBytes()) / MiB;
  await api.stop();
  await api.exited;
  const snapshot = join(dataDir, SNAPSHOT_FILE);
  const result = { label, readyMs: api.readyMs, rssMiB, snapshotMiB: existsSync(snapshot) ? statSync(snapshot).size / MiB : undefined };
  console.log(`${label}: ready in ${(result.readyMs / 1000).toFixed(2)} s, RSS ${rssMiB.toFixed(0)} MiB${result.snapshotMiB ? `, snapshot ${result.snapshotMiB.toFixed(0)} MiB after stop` : ''}`);
  return result;
}

async function main(): Promise<void> {
  const options = parseArguments(process.argv.slice(2));
  const cleanup = new CleanupStack();
  process.once('SIGINT', () => void cleanup.runAll().then(() => process.exit(130)));
  try {
    await ensureBuild();
    let dataDir = options.dataDir;
    if (!dataDir) {
      dataDir = mkdtempSync(join(tmpdir(), 'dm-startup-'));
      const temporary = dataDir;
      cleanup.push(`remove ${temporary}`, () => rmSync(temporary, { recursive: true, force: true }));
    }
    mkdirSync(dataDir, { recursive: true });
    if (existsSync(join(dataDir, 'pglite'))) console.log(`reusing the catalogue in ${dataDir}`);
    else await seed(dataDir, options.n);

    const starts: Start[] = [];
    if (!options.keepSnapshot || !existsSync(join(dataDir, SNAPSHOT_FILE))) {
      rmSync(join(dataDir, SNAPSHOT_FILE), { force: true });
      starts.push(await startAndStop('cold (no snapshot)', dataDir, cleanup));
    }
    starts.push(await startAndStop('warm (snapshot)', dataDir, cleanup));
    if (options.changed > 0) {
      await changeModules(dataDir, options.changed);
      starts.push(await startAndStop(`warm, ${options.changed} modules changed and ${Math.ceil(options.changed / 10)} unpublished meanwhile`, dataDir, cleanup));
    }
    console.log('\n| start | time to ready | RSS at ready |\n|---|--:|--:|');
    for (const start of starts) console.log(`| ${start.label} | ${(start.readyMs / 1000).toFixed(2)} s | ${start.rssMiB.toFixed(0)} MiB |`);
  } finally {
    await cleanup.runAll();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});
