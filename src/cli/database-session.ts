import { DataSource } from 'typeorm';
import { AppConfig } from '../config/config';
import { dataSourceOptions } from '../database/data-source-options';
import { startEmbeddedPostgres } from '../database/embedded-postgres';

export interface DatabaseSession {
  dataSource: DataSource;
  close(): Promise<void>;
}

/** A plain connection for commands that need SQL only: DATABASE_URL, or the embedded database in DATA_DIR (locked). */
export async function openDatabase(config: AppConfig): Promise<DatabaseSession> {
  const embedded = config.databaseUrl ? undefined : await startEmbeddedPostgres(config.dataDir, 2);
  const dataSource = await new DataSource(dataSourceOptions(config.databaseUrl ?? embedded!.url)).initialize().catch(async (error: unknown) => {
    await embedded?.stop();
    throw error;
  });
  return {
    dataSource,
    async close() {
      await dataSource.destroy();
      await embedded?.stop();
    },
  };
}

export async function withDatabase<T>(config: AppConfig, work: (dataSource: DataSource) => Promise<T>): Promise<T> {
  const session = await openDatabase(config);
  try {
    return await work(session.dataSource);
  } finally {
    await session.close();
  }
}
