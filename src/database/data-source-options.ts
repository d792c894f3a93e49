import { DataSourceOptions } from 'typeorm';
import { migrations } from '../../migrations';

/** TypeORM options shared by the app, the migration command and the tests. */
export function dataSourceOptions(url: string, poolSize = 1): DataSourceOptions {
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
    poolSize,
    extra: { connectionTimeoutMillis: 10_000 },
    // Failed queries are not logged here: their parameters hold personal data; unexpected errors are logged by the GraphQL error mapper.
    logging: ['migration'],
  };
}
