import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedPostgres } from '../../../src/database/embedded-postgres';
import { runMigrations, withClient, withDatabase } from '../../support/test-databases';
import type { CleanupStack } from '../support/cleanup';

/** A connection string the bench may use until it calls close(). */
export interface OpenDatabase {
  url: string;
  close(): Promise<void>;
}

/**
 * The database of one run. Embedded: a PGlite data directory in a temp
 * DATA_DIR, which the bench opens itself only while the API is not running.
 * PostgreSQL: a scratch database created on DATABASE_URL's server and dropped
 * at the end.
 */
export interface BenchDatabase {
  readonly mode: 'embedded' | 'postgres';
  /** DATA_DIR for the API (embedded: where PGlite lives; always a temp dir). */
  readonly dataDir: string;
  /** The scratch database's URL (PostgreSQL mode only). */
  readonly url?: string;
  /** Where the API's own settings point (DATABASE_URL or none). */
  apiEnvironment(): Record<string, string>;
  open(): Promise<OpenDatabase>;
}

const stamp = () => `${new Date().toISOString().replace(/\D/g, '').slice(0, 14)}_${process.pid}`;

export async function createBenchDatabase(databaseUrl: string | undefined, cleanup: CleanupStack): Promise<BenchDatabase> {
  const dataDir = mkdtempSync(join(tmpdir(), 'dm-bench-'));
  cleanup.push(`remove ${dataDir}`, () => rmSync(dataDir, { recursive: true, force: true }));
  if (!databaseUrl) {
    return {
      mode: 'embedded',
      dataDir,
      apiEnvironment: () => ({}),
      async open() {
        const embedded = await startEmbeddedPostgres(dataDir, 4);
        return { url: embedded.url, close: () => embedded.stop() };
      },
    };
  }
  const name = `bench_${stamp()}`;
  await createScratchDatabase(databaseUrl, name, cleanup);
  const url = withDatabase(databaseUrl, name);
  return {
    mode: 'postgres',
    dataDir,
    url,
    apiEnvironment: () => ({ DATABASE_URL: url }),
    open: async () => ({ url, close: async () => undefined }),
  };
}

/** Creates `name` on the server of `serverUrl`; it is dropped (even with open connections) at cleanup. */
export async function createScratchDatabase(serverUrl: string, name: string, cleanup: CleanupStack): Promise<string> {
  await withClient(serverUrl, (client) => client.query(`CREATE DATABASE "${name}"`));
  cleanup.push(`drop database ${name}`, () => withClient(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined));
  return withDatabase(serverUrl, name);
}

export { runMigrations, stamp, withClient };
