import { Client } from 'pg';
import { ADMIN_URL_ENV, TEMPLATE_ENV } from './test-databases';

export default async function globalTeardown(): Promise<void> {
  await Promise.all((globalThis.__embeddedTestDatabases ?? []).map((server) => server.stop()));
  const adminUrl = process.env[ADMIN_URL_ENV];
  const template = process.env[TEMPLATE_ENV];
  if (adminUrl && template) {
    const client = new Client({ connectionString: adminUrl });
    await client.connect();
    try {
      // Clones left by a crashed file share the template's name as a prefix.
      const { rows } = await client.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [`${template}%`]);
      for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    } finally {
      await client.end();
    }
  }
}
