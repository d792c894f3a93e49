/**
 * What authenticating a request costs: verifying the JWT as before this
 * change (the secret given as a string) and now (as a KeyObject), and
 * SessionCheck.authenticate on a cache hit and on a miss (one primary-key read of users plus the
 * revoked_tokens lookup), against USERS accounts and REVOKED revoked tokens
 * in a scratch database. Sequential calls (one client): latencies, not load;
 * the median of three rounds.
 *
 *   [DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres] \
 *     node -r @swc-node/register test/bench/session-check-bench.ts [users=100000] [revoked=10000]
 *
 * Without DATABASE_URL it runs on embedded PGlite (in memory).
 */
import 'reflect-metadata';
import { JwtService } from '@nestjs/jwt';
import { DataSource } from 'typeorm';
import { Role } from '../../src/auth/role';
import { SessionCheck } from '../../src/auth/session-check';
import { TokenService } from '../../src/auth/token.service';
import { AppConfig } from '../../src/config/config';
import { dataSourceOptions } from '../../src/database/data-source-options';
import { startEmbeddedPostgres } from '../../src/database/embedded-postgres';
import { createScratchDatabase, runMigrations, stamp, withClient } from './database/bench-database';
import { CleanupStack } from './support/cleanup';
import { median, summarizeLatencies } from './support/stats';

const SAMPLED_TOKENS = 1_000;

async function openDatabase(cleanup: CleanupStack): Promise<{ url: string; mode: string }> {
  const serverUrl = process.env.DATABASE_URL;
  if (serverUrl) return { url: await createScratchDatabase(serverUrl, `bench_sessions_${stamp()}`, cleanup), mode: 'PostgreSQL' };
  const embedded = await startEmbeddedPostgres(undefined, 2);
  cleanup.push('stop PGlite', () => embedded.stop());
  return { url: embedded.url, mode: 'embedded PGlite' };
}

/** Accounts and revocations in bulk, in SQL (no password hashing: the check never reads the hash). */
async function seed(url: string, users: number, revoked: number): Promise<void> {
  await withClient(url, async (client) => {
    await client.query(
      `INSERT INTO users (email, password_hash, display_name, role, prakerja_card_number, token_version)
       SELECT 'peserta-' || i || '@example.id', 'x', 'Peserta ' || i, 'BENEFICIARY', lpad(i::text, 16, '0'), i % 3
         FROM generate_series(1, $1) AS i`,
      [users],
    );
    await client.query(
      `INSERT INTO revoked_tokens (token_id, user_id, expires_at)
       SELECT gen_random_uuid(), id, now() + interval '12 hours' FROM users ORDER BY random() LIMIT $1`,
      [revoked],
    );
    await client.query('ANALYZE users; ANALYZE revoked_tokens');
  });
}

/** Mean microseconds per call of `work` over `calls` sequential calls. */
async function meanMicroseconds(calls: number, work: (i: number) => unknown): Promise<number> {
  const started = process.hrtime.bigint();
  for (let i = 0; i < calls; i++) await work(i);
  return Number(process.hrtime.bigint() - started) / 1_000 / calls;
}

async function main(): Promise<void> {
  const users = Number(process.argv[2] ?? 100_000);
  const revoked = Number(process.argv[3] ?? 10_000);
  const cleanup = new CleanupStack();
  try {
    const { url, mode } = await openDatabase(cleanup);
    await runMigrations(url);
    const seeding = performance.now();
    await seed(url, users, revoked);
    console.log(`${mode}: ${users} accounts, ${revoked} revoked tokens seeded in ${((performance.now() - seeding) / 1000).toFixed(1)} s`);

    const dataSource = new DataSource(dataSourceOptions(url, 1));
    await dataSource.initialize();
    cleanup.push('close the data source', () => dataSource.destroy());
    const config = (sessionCacheTtlMs: number) => ({ jwtSecret: 'bench-secret-that-is-long-enough-0123456789', sessionCacheTtlMs }) as AppConfig;
    const tokens = new TokenService(config(0));
    const accounts: { id: string; token_version: number }[] = await dataSource.query(`SELECT id, token_version FROM users ORDER BY random() LIMIT $1`, [SAMPLED_TOKENS]);
    const headers = accounts.map((account) => `Bearer ${tokens.issue({ id: account.id, role: Role.BENEFICIARY, tokenVersion: account.token_version })}`);
    const header = (i: number) => headers[i % headers.length];

    const cached = new SessionCheck(tokens, dataSource, config(60_000));
    const uncached = new SessionCheck(tokens, dataSource, config(0));
    for (const value of headers) await cached.authenticate(value); // fills the cache; also warms the database

    const stringSecret = new JwtService({ secret: 'bench-secret-that-is-long-enough-0123456789' });
    const rawTokens = headers.map((value) => value.slice('Bearer '.length));
    const rounds = async (calls: number, work: (i: number) => unknown) => {
      const means: number[] = [];
      for (let round = 0; round < 3; round++) means.push(await meanMicroseconds(calls, work));
      return median(means);
    };
    const beforeUs = await rounds(5_000, (i) => stringSecret.verify(rawTokens[i % rawTokens.length], { algorithms: ['HS256'] }));
    const verifyUs = await rounds(50_000, (i) => tokens.verify(header(i)));
    const hitUs = await rounds(50_000, (i) => cached.authenticate(header(i)));
    const missMs: number[] = [];
    for (let i = 0; i < 3_000; i++) {
      const started = performance.now();
      await uncached.authenticate(header(i));
      missMs.push(performance.now() - started);
    }
    const miss = summarizeLatencies(missMs);
    const missMeanUs = (missMs.reduce((sum, value) => sum + value, 0) / missMs.length) * 1_000;
    console.log(`JWT verification as before (string secret):          ${beforeUs.toFixed(1)} µs per request`);
    console.log(`JWT verification now (KeyObject secret):             ${verifyUs.toFixed(1)} µs per request`);
    console.log(`session check, cache hit (verify + LRU lookup):      ${hitUs.toFixed(1)} µs per request (${hitUs >= verifyUs ? '+' : ''}${(hitUs - verifyUs).toFixed(1)} µs: the lookup is within the noise)`);
    console.log(
      `session check, cache miss (verify + one query):       mean ${missMeanUs.toFixed(0)} µs; p50 ${(miss.p50 * 1000).toFixed(0)} µs, p95 ${(miss.p95 * 1000).toFixed(0)} µs, p99 ${(miss.p99 * 1000).toFixed(0)} µs over ${miss.count} calls`,
    );
  } finally {
    await cleanup.runAll();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
