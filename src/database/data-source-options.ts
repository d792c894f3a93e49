import { DataSourceOptions } from 'typeorm';
import { migrations } from '../../migrations';

export const POOL_SIZE = 10;

/** TypeORM options shared by the app, the migration command and the tests. */
export function dataSourceOptions(url: string): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    migrations,
    migrationsRun: false,
    migrationsTransactionMode: 'each',
    synchronize: false,
    // PGlite has no uuid-ossp; gen_random_uuid() is core PostgreSQL since 13.
    installExtensions: false,
    uuidExtension: 'pgcrypto',
    poolSize: POOL_SIZE,
    extra: { connectionTimeoutMillis: 10_000 },
    // Failed queries are not logged here: their parameters hold personal data; unexpected errors are logged by the GraphQL error mapper.
    logging: ['migration'],
  };
}
