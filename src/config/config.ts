import { Logger } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { EnvironmentVariables, parseEnvironment } from './app-config';

/** Typed, resolved settings. Built once at start by loadConfig(). */
export interface AppConfig {
  env: EnvironmentVariables['NODE_ENV'];
  isProduction: boolean;
  port: number;
  dataDir: string;
  databaseUrl?: string;
  databasePoolSize: number;
  redisUrl?: string;
  queuePrefix: string;
  meili?: { url: string; apiKey?: string };
  /** SEARCH_SYNONYMS_FILE: curators' synonyms, re-read on every reindex. */
  searchSynonymsFile?: string;
  /** SEARCH_CACHE_*: the answers cache in front of the search engine; ttlMs applies to Meilisearch only. */
  searchCache: { maxEntries: number; maxBytes: number; ttlMs: number };
  /** SEARCH_INDEX_SNAPSHOT resolved: the in-process index's file, or undefined for none. */
  searchIndexSnapshot?: string;
  jwtSecret: string;
  admin?: { email: string; password: string };
  trainingCreditIdr: number;
  seedDemo: boolean;
  limits: RequestLimits;
  throttles: Throttles;
  corsOrigins: string[];
  trustProxy: boolean | number | string;
  sessionCacheTtlMs: number;
  workers: boolean;
  /** Retention of finished jobs: done rows in hours, given-up rows in days. */
  jobRetention: { doneHours: number; givenUpDays: number };
  shutdownGraceSeconds: number;
  logLevel: EnvironmentVariables['LOG_LEVEL'];
  /** METRICS_TOKEN: undefined leaves GET /metrics open (refused in production by the validation). */
  metricsToken?: string;
}

export interface RequestLimits {
  bodyBytes: number;
  importBodyBytes: number;
  graphqlTokens: number;
  listItems: number;
  queryCost: number;
}

/** Attempts allowed per window (windows are fixed: see src/throttling/throttle.service.ts). */
export interface Throttles {
  loginFailuresPerAccount: number;
  loginFailuresPerAddress: number;
  registrationsPerAddress: number;
  writesPerUserPerMinute: number;
  certificateChecksPerAddressPerMinute: number;
}

export const APP_CONFIG = Symbol('APP_CONFIG');

const JWT_SECRET_FILE = 'jwt-secret';
const DEFAULT_POOL_SIZE = 10;

/** Express's "trust proxy" value: a boolean, a hop count, or the addresses/subnets as written. */
function parseTrustProxy(value: string): boolean | number | string {
  const trimmed = value.trim();
  if (trimmed === 'true' || trimmed === 'false') return trimmed === 'true';
  return /^\d+$/.test(trimmed) ? Number(trimmed) : trimmed;
}

/** The JWT secret: from the environment, or generated once and kept in DATA_DIR. */
function resolveJwtSecret(env: EnvironmentVariables, dataDir: string): string {
  if (env.JWT_SECRET) return env.JWT_SECRET;
  const file = join(dataDir, JWT_SECRET_FILE);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  new Logger('Config').warn(`JWT_SECRET is not set: generated one and stored it in ${file}. Set JWT_SECRET in production.`);
  return secret;
}

const INDEX_SNAPSHOT_FILE = 'search-index.snapshot';

/** Beside the embedded database by default; tests start without one unless they set it. */
function resolveIndexSnapshot(env: EnvironmentVariables, dataDir: string): string | undefined {
  if (env.SEARCH_INDEX_SNAPSHOT === 'off') return undefined;
  if (env.SEARCH_INDEX_SNAPSHOT) return resolve(env.SEARCH_INDEX_SNAPSHOT);
  return env.NODE_ENV === 'test' ? undefined : join(dataDir, INDEX_SNAPSHOT_FILE);
}

export function loadConfig(environment: NodeJS.ProcessEnv = process.env): AppConfig {
  const env = parseEnvironment(environment);
  const dataDir = resolve(env.DATA_DIR);
  return {
    env: env.NODE_ENV,
    isProduction: env.NODE_ENV === 'production',
    port: env.PORT,
    dataDir,
    databaseUrl: env.DATABASE_URL,
    databasePoolSize: env.DATABASE_POOL_SIZE ?? (env.DATABASE_URL ? DEFAULT_POOL_SIZE : 1),
    redisUrl: env.REDIS_URL,
    queuePrefix: env.QUEUE_PREFIX,
    meili: env.MEILI_URL ? { url: env.MEILI_URL, apiKey: env.MEILI_API_KEY } : undefined,
    searchSynonymsFile: env.SEARCH_SYNONYMS_FILE,
    searchCache: { maxEntries: env.SEARCH_CACHE_ENTRIES, maxBytes: env.SEARCH_CACHE_MAX_BYTES, ttlMs: env.SEARCH_CACHE_TTL_MS },
    searchIndexSnapshot: resolveIndexSnapshot(env, dataDir),
    jwtSecret: resolveJwtSecret(env, dataDir),
    admin: env.ADMIN_EMAIL && env.ADMIN_PASSWORD ? { email: env.ADMIN_EMAIL, password: env.ADMIN_PASSWORD } : undefined,
    trainingCreditIdr: env.TRAINING_CREDIT_IDR,
    seedDemo: env.SEED_DEMO,
    limits: {
      bodyBytes: env.REQUEST_BODY_LIMIT_BYTES,
      importBodyBytes: Math.max(env.IMPORT_BODY_LIMIT_BYTES, env.REQUEST_BODY_LIMIT_BYTES),
      graphqlTokens: env.GRAPHQL_MAX_TOKENS,
      listItems: env.MAX_LIST_ITEMS,
      queryCost: env.MAX_QUERY_COST,
    },
    throttles: {
      loginFailuresPerAccount: env.LOGIN_FAILURES_PER_ACCOUNT,
      loginFailuresPerAddress: env.LOGIN_FAILURES_PER_ADDRESS,
      registrationsPerAddress: env.REGISTRATIONS_PER_ADDRESS,
      writesPerUserPerMinute: env.WRITES_PER_USER_PER_MINUTE,
      certificateChecksPerAddressPerMinute: env.VERIFY_CERTIFICATE_PER_ADDRESS_PER_MINUTE,
    },
    corsOrigins: env.CORS_ORIGINS.split(',').map((origin) => origin.trim()).filter(Boolean),
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    sessionCacheTtlMs: env.SESSION_CACHE_TTL_MS,
    workers: env.WORKERS,
    jobRetention: { doneHours: env.OUTBOX_RETENTION_HOURS, givenUpDays: env.OUTBOX_GIVEN_UP_RETENTION_DAYS },
    shutdownGraceSeconds: env.SHUTDOWN_GRACE_SECONDS,
    logLevel: env.LOG_LEVEL,
    metricsToken: env.METRICS_TOKEN,
  };
}
