import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, parseEnvironment } from './app-config';
import { loadConfig } from './config';

const fails = (env: NodeJS.ProcessEnv) => {
  try {
    parseEnvironment(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('expected a ConfigError');
};

describe('configuration', () => {
  it('applies the documented defaults', () => {
    const env = parseEnvironment({});
    expect(env).toMatchObject({ PORT: 3000, DATA_DIR: './data', TRAINING_CREDIT_IDR: 1_000_000, SEED_DEMO: true, NODE_ENV: 'development', SESSION_CACHE_TTL_MS: 30_000 });
    expect(env).toMatchObject({ SEARCH_CACHE_ENTRIES: 2_000, SEARCH_CACHE_MAX_BYTES: 67_108_864, SEARCH_CACHE_TTL_MS: 500 });
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it('puts the search index snapshot beside the embedded database, off for tests unless set, and refuses a directory path', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'config-'));
    const base = { DATA_DIR: dataDir, JWT_SECRET: 'x'.repeat(32) };
    expect(loadConfig(base).searchIndexSnapshot).toBe(join(dataDir, 'search-index.snapshot'));
    expect(loadConfig({ ...base, DATABASE_URL: 'postgres://db/app' }).searchIndexSnapshot).toBe(join(dataDir, 'search-index.snapshot'));
    expect(loadConfig({ ...base, NODE_ENV: 'test' }).searchIndexSnapshot).toBeUndefined();
    expect(loadConfig({ ...base, NODE_ENV: 'test', SEARCH_INDEX_SNAPSHOT: join(dataDir, 'index.bin') }).searchIndexSnapshot).toBe(join(dataDir, 'index.bin'));
    expect(loadConfig({ ...base, SEARCH_INDEX_SNAPSHOT: 'off' }).searchIndexSnapshot).toBeUndefined();
    expect(fails({ SEARCH_INDEX_SNAPSHOT: '/var/lib/dm/' })).toBe('Invalid configuration: SEARCH_INDEX_SNAPSHOT must be a file path (not ending in /) or off');
  });

  it.each([
    [{ PORT: 'abc' }, /^Invalid configuration: PORT /],
    [{ PORT: '70000' }, /^Invalid configuration: PORT /],
    [{ DATABASE_URL: 'mysql://x' }, /^Invalid configuration: DATABASE_URL /],
    [{ REDIS_URL: 'localhost:6379' }, /^Invalid configuration: REDIS_URL /],
    [{ TRAINING_CREDIT_IDR: '-5' }, /^Invalid configuration: TRAINING_CREDIT_IDR /],
    [{ SEED_DEMO: 'maybe' }, /^Invalid configuration: SEED_DEMO /],
    [{ NODE_ENV: 'production' }, /^Invalid configuration: JWT_SECRET is required when NODE_ENV=production$/],
    [{ ADMIN_EMAIL: 'admin@example.id' }, /^Invalid configuration: ADMIN_PASSWORD /],
    [{ ADMIN_PASSWORD: 'long-enough-password' }, /^Invalid configuration: ADMIN_EMAIL /],
    [{ WORKERS: 'false', REDIS_URL: 'redis://127.0.0.1:6379' }, /^Invalid configuration: WORKERS=false needs REDIS_URL and MEILI_URL/],
    // Sessions must end within a minute: a longer cache would break that promise.
    [{ SESSION_CACHE_TTL_MS: '60001' }, /^Invalid configuration: SESSION_CACHE_TTL_MS /],
    [{ SESSION_CACHE_TTL_MS: '-1' }, /^Invalid configuration: SESSION_CACHE_TTL_MS /],
    // Search answers Meilisearch's other writers changed must go within the 1 s sync-lag target.
    [{ SEARCH_CACHE_TTL_MS: '1001' }, /^Invalid configuration: SEARCH_CACHE_TTL_MS /],
    [{ SEARCH_CACHE_TTL_MS: '0' }, /^Invalid configuration: SEARCH_CACHE_TTL_MS /],
    [{ SEARCH_CACHE_ENTRIES: '-1' }, /^Invalid configuration: SEARCH_CACHE_ENTRIES /],
    [{ SEARCH_CACHE_MAX_BYTES: '64MB' }, /^Invalid configuration: SEARCH_CACHE_MAX_BYTES /],
    [{ CORS_ORIGINS: '*' }, /^Invalid configuration: CORS_ORIGINS must be comma-separated origins/],
    [{ REQUEST_BODY_LIMIT_BYTES: '1mb' }, /^Invalid configuration: REQUEST_BODY_LIMIT_BYTES /],
    [{ LOGIN_FAILURES_PER_ACCOUNT: '0' }, /^Invalid configuration: LOGIN_FAILURES_PER_ACCOUNT /],
    [{ NODE_ENV: 'production', JWT_SECRET: 's'.repeat(40) }, /^Invalid configuration: METRICS_TOKEN is required when NODE_ENV=production$/],
    [{ METRICS_TOKEN: 'short' }, /^Invalid configuration: METRICS_TOKEN must be at least 16 characters$/],
  ])('stops on %j with one line naming the setting', (env, message) => {
    const text = fails(env);
    expect(text).toMatch(message);
    expect(text).not.toContain('\n');
  });

  it('reads request limits, the CORS allow-list and trust proxy', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'config-spec-'));
    const defaults = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'fatal' });
    expect(defaults.limits).toEqual({ bodyBytes: 1_048_576, importBodyBytes: 33_554_432, graphqlTokens: 5_000, listItems: 100, queryCost: 20_000 });
    expect(defaults.throttles).toEqual({ loginFailuresPerAccount: 10, loginFailuresPerAddress: 100, registrationsPerAddress: 50, writesPerUserPerMinute: 120, certificateChecksPerAddressPerMinute: 30 });
    expect(defaults).toMatchObject({ corsOrigins: [], trustProxy: false });
    const set = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'fatal', CORS_ORIGINS: 'https://a.example.id, http://localhost:5173', TRUST_PROXY: '2' });
    expect(set).toMatchObject({ corsOrigins: ['https://a.example.id', 'http://localhost:5173'], trustProxy: 2 });
    expect(loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'fatal', TRUST_PROXY: 'loopback, 10.0.0.0/8' }).trustProxy).toBe('loopback, 10.0.0.0/8');
  });

  it('accepts a production configuration', () => {
    const env = parseEnvironment({ NODE_ENV: 'production', JWT_SECRET: 's'.repeat(40), METRICS_TOKEN: 'm'.repeat(32), DATABASE_URL: 'postgres://u@db:5432/app', REDIS_URL: 'redis://cache:6379' });
    expect(env.DATABASE_URL).toBe('postgres://u@db:5432/app');
  });

  it('generates the JWT secret once and keeps it in DATA_DIR', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'config-spec-'));
    const first = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'fatal' });
    const second = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'fatal' });
    expect(first.jwtSecret).toHaveLength(64);
    expect(second.jwtSecret).toBe(first.jwtSecret);
    expect(readFileSync(join(dataDir, 'jwt-secret'), 'utf8')).toBe(first.jwtSecret);
  });
});
