import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  Min,
  MinLength,
  validateSync,
  ValidateIf,
} from 'class-validator';

const toBool = ({ value }: { value: unknown }) =>
  value === undefined || value === '' ? undefined : value === 'true' || value === '1' ? true : value === 'false' || value === '0' ? false : value;
const toInt = ({ value }: { value: unknown }) =>
  value === undefined || value === '' ? undefined : /^-?\d+$/.test(String(value)) ? Number(value) : value;
const emptyToUndefined = ({ value }: { value: unknown }) => (value === '' ? undefined : value);

/**
 * The environment, validated once at start. Names match the variables in
 * product.md ("How it runs"); every other module reads settings from here.
 */
export class EnvironmentVariables {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  @IsString()
  @MinLength(1)
  DATA_DIR = './data';

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsUrl({ protocols: ['postgres', 'postgresql'], require_tld: false, require_protocol: true })
  DATABASE_URL?: string;

  /** Connections to PostgreSQL. Unset: 10, or 1 for embedded PGlite, which runs one statement at a time and mixes up interleaved extended-protocol messages of several connections. */
  @Transform(toInt)
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(200)
  DATABASE_POOL_SIZE?: number;

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsUrl({ protocols: ['redis', 'rediss'], require_tld: false, require_protocol: true })
  REDIS_URL?: string;

  /** Key prefix of the BullMQ queues, so several deployments (or test runs) can share one Redis. */
  @Matches(/^[A-Za-z0-9:_-]{1,64}$/, { message: 'QUEUE_PREFIX must be 1 to 64 letters, digits, ":", "_" or "-"' })
  QUEUE_PREFIX = 'dm';

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_tld: false, require_protocol: true })
  MEILI_URL?: string;

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  MEILI_API_KEY?: string;

  /** Curators' synonym groups (JSON like src/search/data/synonyms-id.json), added to the bundled ones and read again on every reindex. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  SEARCH_SYNONYMS_FILE?: string;

  /**
   * The in-process search index's snapshot file, loaded at start instead of building the index (checked against the
   * database first); "off" for none. Unset: DATA_DIR/search-index.snapshot, but off when NODE_ENV=test.
   */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  @Matches(/^(off|[^\0]*[^/\0])$/, { message: 'SEARCH_INDEX_SNAPSHOT must be a file path (not ending in /) or off' })
  SEARCH_INDEX_SNAPSHOT?: string;

  @Transform(emptyToUndefined)
  @ValidateIf((env: EnvironmentVariables) => env.NODE_ENV === 'production' || env.JWT_SECRET !== undefined)
  // Decorators apply bottom-up: the "required" message is checked first.
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters' })
  @IsString({ message: 'JWT_SECRET is required when NODE_ENV=production' })
  JWT_SECRET?: string;

  @Transform(emptyToUndefined)
  @ValidateIf((env: EnvironmentVariables) => env.ADMIN_PASSWORD !== undefined || env.ADMIN_EMAIL !== undefined)
  @IsEmail({}, { message: 'ADMIN_EMAIL must be an email address (required with ADMIN_PASSWORD)' })
  ADMIN_EMAIL?: string;

  @Transform(emptyToUndefined)
  @ValidateIf((env: EnvironmentVariables) => env.ADMIN_EMAIL !== undefined || env.ADMIN_PASSWORD !== undefined)
  @MinLength(10, { message: 'ADMIN_PASSWORD must be at least 10 characters' })
  @IsString({ message: 'ADMIN_PASSWORD is required with ADMIN_EMAIL' })
  ADMIN_PASSWORD?: string;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1_000_000_000)
  TRAINING_CREDIT_IDR = 1_000_000;

  @Transform(toBool)
  @IsBoolean()
  SEED_DEMO = true;

  /** Request body limit in bytes for everyone; importModules by a contributor has IMPORT_BODY_LIMIT_BYTES. */
  @Transform(toInt)
  @IsInt()
  @Min(1024)
  REQUEST_BODY_LIMIT_BYTES = 1_048_576;

  /** Body limit of importModules sent with a CONTRIBUTOR token: 5,000 modules are several MB of JSON. */
  @Transform(toInt)
  @IsInt()
  @Min(1024)
  IMPORT_BODY_LIMIT_BYTES = 33_554_432;

  /** Tokens graphql-js may lex in one document before it gives up (string literals count as one). */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  GRAPHQL_MAX_TOKENS = 5_000;

  /** Items in any list argument, also nested in inputs; importModules.items and markNotificationsRead.ids have their own bounds. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  MAX_LIST_ITEMS = 100;

  /** Cost of one operation: each field 1, list fields times their first/pageSize (see src/graphql/query-cost.ts). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  MAX_QUERY_COST = 20_000;

  /** Origins allowed to call the API from a browser, comma-separated; empty = same origin only. */
  @Matches(/^(\s*https?:\/\/[^\s,/]+\s*(,\s*https?:\/\/[^\s,/]+\s*)*)?$/, { message: 'CORS_ORIGINS must be comma-separated origins such as https://prakerja.example.id' })
  CORS_ORIGINS = '';

  /** Express "trust proxy": false, true, a number of hops, or comma-separated addresses/subnets (loopback, 10.0.0.0/8). */
  @Matches(/^[A-Za-z0-9.:/, _-]+$/, { message: 'TRUST_PROXY must be true, false, a hop count or addresses/subnets' })
  TRUST_PROXY = 'false';

  /** Failed logins per account (email) in 15 minutes, from any address. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  LOGIN_FAILURES_PER_ACCOUNT = 10;

  /** Failed logins per client address in 15 minutes, over all accounts (generous: carrier NAT addresses are shared). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  LOGIN_FAILURES_PER_ADDRESS = 100;

  /** Registrations per client address per hour. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  REGISTRATIONS_PER_ADDRESS = 50;

  /** Mutations per authenticated user per minute. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  WRITES_PER_USER_PER_MINUTE = 120;

  /** Certificate checks (verifyCertificate) per client address per minute: enough for an employer, too few to enumerate codes. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  VERIFY_CERTIFICATE_PER_ADDRESS_PER_MINUTE = 30;

  /** How long a process may trust what it read about a token (ended or not); 0 reads the database on every request. At most a minute, the promised bound. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(60_000)
  SESSION_CACHE_TTL_MS = 30_000;

  /** Search answers kept in each API process (src/search/caching-search-engine.ts); 0 turns the cache off. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(100_000)
  SEARCH_CACHE_ENTRIES = 2_000;

  /** Bound on the cached answers' estimated size in bytes; 0 turns the cache off. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(4_294_967_296)
  SEARCH_CACHE_MAX_BYTES = 67_108_864;

  /** With Meilisearch, which other processes write: the oldest answer served, in ms. At most the 1 s sync-lag target. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1_000)
  SEARCH_CACHE_TTL_MS = 500;

  /** Done outbox rows (and completed BullMQ jobs) are deleted after this many hours. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  OUTBOX_RETENTION_HOURS = 24;

  /** Given-up outbox rows (and failed BullMQ jobs) are kept this many days for inspection and retry, then deleted. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  OUTBOX_GIVEN_UP_RETENTION_DAYS = 30;

  /** On SIGTERM, how long in-flight requests and running jobs may take before the process exits anyway. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(600)
  SHUTDOWN_GRACE_SECONDS = 25;

  /** Run job workers in the API process. Off only with Redis and Meilisearch: the in-process index follows changes only through this process's workers. */
  @Transform(toBool)
  @IsBoolean()
  WORKERS = true;

  /** Bearer token GET /metrics requires; required in production, unset elsewhere leaves /metrics open. */
  @Transform(emptyToUndefined)
  @ValidateIf((env: EnvironmentVariables) => env.NODE_ENV === 'production' || env.METRICS_TOKEN !== undefined)
  @MinLength(16, { message: 'METRICS_TOKEN must be at least 16 characters' })
  @IsString({ message: 'METRICS_TOKEN is required when NODE_ENV=production' })
  METRICS_TOKEN?: string;

  @IsIn(['fatal', 'error', 'warn', 'log', 'debug', 'verbose'])
  LOG_LEVEL: 'fatal' | 'error' | 'warn' | 'log' | 'debug' | 'verbose' = 'log';
}

export class ConfigError extends Error {}

/** Parses and validates the environment; throws one line naming the bad setting. */
export function parseEnvironment(env: NodeJS.ProcessEnv): EnvironmentVariables {
  const parsed = plainToInstance(EnvironmentVariables, { ...env }, { exposeDefaultValues: true });
  const errors = validateSync(parsed, { whitelist: true, forbidUnknownValues: false });
  if (errors.length > 0) {
    const first = errors[0];
    const message = Object.values(first.constraints ?? {})[0] ?? 'is invalid';
    const text = message.startsWith(first.property) ? message : `${first.property} ${message}`;
    throw new ConfigError(`Invalid configuration: ${text}`);
  }
  if (!parsed.WORKERS && (!parsed.REDIS_URL || !parsed.MEILI_URL)) {
    throw new ConfigError('Invalid configuration: WORKERS=false needs REDIS_URL and MEILI_URL (jobs then run in npm run worker)');
  }
  return parsed;
}
