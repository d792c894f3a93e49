import 'reflect-metadata';
import { INestApplication } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DestinationStream } from 'pino';
import { DataSource } from 'typeorm';
import { createApp } from '../../src/bootstrap';
import { loadConfig } from '../../src/config/config';
import { provisionTestDatabase } from './test-databases';

export const TEST_METRICS_TOKEN = 'test-metrics-token-0123456789';

export interface GraphQLResponse<T = Record<string, any>> {
  status: number;
  data?: T | null;
  errors?: { message: string; path?: string[]; extensions: { code: string; fields?: { field: string; message: string }[] } }[];
}

export interface TestApp {
  app: INestApplication;
  baseUrl: string;
  db: DataSource;
  databaseUrl: string;
  gql<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, token?: string): Promise<GraphQLResponse<T>>;
  close(): Promise<void>;
}

/**
 * Starts the real application on a loopback port, against a fresh migrated
 * database (or the database of `sharing`: a second process of one service),
 * and talks to it over HTTP like any client.
 */
export async function startTestApp(env: Record<string, string> = {}, sharing?: TestApp, options: { logDestination?: DestinationStream } = {}): Promise<TestApp> {
  const database = sharing ? { url: sharing.databaseUrl, drop: async () => undefined } : await provisionTestDatabase();
  // Embedded test databases are PGlite servers: one connection, as the app itself uses for PGlite.
  const poolSize = process.env.DATABASE_URL ? {} : { DATABASE_POOL_SIZE: '1' };
  const dataDir = mkdtempSync(join(tmpdir(), 'dm-test-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: database.url,
    DATA_DIR: dataDir,
    JWT_SECRET: 'test-secret-that-is-long-enough-0123456789',
    // Production refuses to start without it; metrics.spec.ts unsets it ('') to see /metrics open.
    METRICS_TOKEN: TEST_METRICS_TOKEN,
    SEED_DEMO: 'false',
    LOG_LEVEL: 'error',
    // Tests register and log in many accounts from one address; throttling tests set small limits.
    LOGIN_FAILURES_PER_ACCOUNT: '100000',
    LOGIN_FAILURES_PER_ADDRESS: '100000',
    REGISTRATIONS_PER_ADDRESS: '100000',
    WRITES_PER_USER_PER_MINUTE: '100000',
    VERIFY_CERTIFICATE_PER_ADDRESS_PER_MINUTE: '100000',
    REDIS_URL: process.env.REDIS_URL,
    // Each test app has its own queues, so parallel test files never take each other's jobs.
    QUEUE_PREFIX: `test-${randomBytes(4).toString('hex')}`,
    ...poolSize,
    ...env,
  });
  const app = await createApp(config, options.logDestination);
  await app.listen(0, '127.0.0.1');
  const baseUrl = await app.getUrl();
  const db = app.get<DataSource>(getDataSourceToken());
  return {
    app,
    baseUrl,
    db,
    databaseUrl: database.url,
    async gql(query, variables, token) {
      const response = await fetch(`${baseUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      return { status: response.status, ...((await response.json()) as object) };
    },
    async close() {
      await app.close();
      await database.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The first error's code, for terse assertions. */
export const errorCode = (response: GraphQLResponse): string | undefined => response.errors?.[0]?.extensions.code;
