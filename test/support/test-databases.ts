import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../src/database/data-source-options';

/**
 * Test databases. On PostgreSQL (TEST_PG_ADMIN_URL), each test file gets its
 * own database cloned from a template migrated once in globalSetup. In
 * embedded mode (TEST_PGLITE_URLS), each Jest worker owns one PGlite server,
 * emptied back to its migrated state at the start of every file.
 */
export const TEMPLATE_ENV = 'TEST_PG_TEMPLATE';
export const ADMIN_URL_ENV = 'TEST_PG_ADMIN_URL';
export const PGLITE_URLS_ENV = 'TEST_PGLITE_URLS';

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

export async function runMigrations(url: string): Promise<void> {
  const dataSource = new DataSource({ ...dataSourceOptions(url), logging: ['error'] });
  await dataSource.initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await dataSource.destroy();
  }
}

/** Runs `work` on a connection of its own to `url`, closed afterwards. */
export async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/** Tables that migrations fill and tests must not empty. */
const SEEDED_TABLES = new Set(['categories', 'migrations']);

export async function provisionTestDatabase(): Promise<TestDatabase> {
  const adminUrl = process.env[ADMIN_URL_ENV];
  const template = process.env[TEMPLATE_ENV];
  if (adminUrl && template) {
    const name = `${template}_${randomBytes(4).toString('hex')}`;
    await withClient(adminUrl, (client) => client.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`));
    return {
      url: withDatabase(adminUrl, name),
      drop: () => withClient(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined),
    };
  }
  const urls = process.env[PGLITE_URLS_ENV]?.split(',');
  if (!urls) throw new Error('Integration tests need the Jest globalSetup (test/support/global-setup.ts)');
  const url = urls[(Number(process.env.JEST_WORKER_ID ?? '1') - 1) % urls.length];
  await withClient(url, async (client) => {
    const { rows } = await client.query<{ tablename: string }>(`SELECT tablename FROM pg_tables WHERE schemaname = 'public'`);
    const tables = rows.map((row) => row.tablename).filter((name) => !SEEDED_TABLES.has(name));
    if (tables.length > 0) await client.query(`TRUNCATE ${tables.map((t) => `"${t}"`).join(', ')} RESTART IDENTITY CASCADE`);
  });
  return { url, drop: async () => undefined };
}
