import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { startEmbeddedPostgres, EmbeddedPostgres } from '../../src/database/embedded-postgres';
import { ADMIN_URL_ENV, PGLITE_URLS_ENV, runMigrations, TEMPLATE_ENV, withDatabase } from './test-databases';

declare global {
  // Read by global-teardown (same process).
  var __embeddedTestDatabases: EmbeddedPostgres[] | undefined;
}

/** Prepares migrated databases once per run; see test-databases.ts. */
export default async function globalSetup(globalConfig: { maxWorkers: number }): Promise<void> {
  const databaseUrl = process.env.DATABASE_URL;
  if (databaseUrl) {
    const template = `dm_test_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
    const client = new Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      await client.query(`CREATE DATABASE "${template}"`);
    } finally {
      await client.end();
    }
    await runMigrations(withDatabase(databaseUrl, template));
    process.env[ADMIN_URL_ENV] = databaseUrl;
    process.env[TEMPLATE_ENV] = template;
    return;
  }
  const servers = await Promise.all(Array.from({ length: Math.max(1, globalConfig.maxWorkers) }, () => startEmbeddedPostgres(undefined, 12)));
  for (const server of servers) await runMigrations(server.url);
  globalThis.__embeddedTestDatabases = servers;
  process.env[PGLITE_URLS_ENV] = servers.map((server) => server.url).join(',');
}
