import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { getDataSourceToken, TypeOrmModule } from '@nestjs/typeorm';
import type { ClientBase } from 'pg';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/config';
import { dataSourceOptions } from './data-source-options';
import { EmbeddedPostgres, startEmbeddedPostgres } from './embedded-postgres';
import { ModuleChanges } from './module-changes';

const EMBEDDED_POSTGRES = Symbol('EMBEDDED_POSTGRES');

/** Stops the embedded database, after closing the pool that talks to it. */
class EmbeddedPostgresLifecycle implements OnApplicationShutdown {
  constructor(
    @Inject(EMBEDDED_POSTGRES) private readonly embedded: EmbeddedPostgres | null,
    private readonly moduleRef: ModuleRef,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    if (!this.embedded) return;
    const dataSource = this.moduleRef.get<DataSource>(getDataSourceToken(), { strict: false });
    if (dataSource.isInitialized) await dataSource.destroy();
    await this.embedded.stop();
  }
}

@Module({
  providers: [
    {
      provide: EMBEDDED_POSTGRES,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => (config.databaseUrl ? null : startEmbeddedPostgres(config.dataDir, config.databasePoolSize + 2)),
    },
    { provide: ModuleChanges, inject: [APP_CONFIG], useFactory: (config: AppConfig) => new ModuleChanges(!config.databaseUrl) },
    EmbeddedPostgresLifecycle,
  ],
  exports: [EMBEDDED_POSTGRES, ModuleChanges],
})
class EmbeddedPostgresModule {}

/**
 * PostgreSQL through TypeORM: DATABASE_URL when set, otherwise embedded
 * PGlite in DATA_DIR. Migrations run at start in both cases.
 */
@Global()
@Module({
  imports: [
    EmbeddedPostgresModule,
    TypeOrmModule.forRootAsync({
      imports: [EmbeddedPostgresModule],
      inject: [APP_CONFIG, EMBEDDED_POSTGRES, ModuleChanges],
      useFactory: (config: AppConfig, embedded: EmbeddedPostgres | null, changes: ModuleChanges) => {
        const options = dataSourceOptions(config.databaseUrl ?? embedded!.url, config.databasePoolSize);
        // Every pooled connection listens before its first use (see ModuleChanges).
        const extra = changes.watching ? { ...options.extra, onConnect: (client: ClientBase) => changes.listen(client) } : options.extra;
        return { ...options, extra, migrationsRun: true, autoLoadEntities: true, retryAttempts: config.isProduction ? 10 : 2, retryDelay: 1000 };
      },
    }),
  ],
  exports: [EmbeddedPostgresModule],
})
export class DatabaseModule {}
