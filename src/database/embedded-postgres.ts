import { Logger } from '@nestjs/common';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { lockDataDir } from './data-dir-lock';

const SHARED_BUFFERS = '32MB';

export interface EmbeddedPostgres {
  url: string;
  stop(): Promise<void>;
}

/**
 * Zero-setup PostgreSQL: PGlite (PostgreSQL compiled to WASM) persisted in
 * DATA_DIR, served over the wire protocol on a loopback port so the app uses
 * the ordinary `pg` driver and the same migrations as production.
 * `dataDir` undefined keeps the database in memory (tests).
 */
export async function startEmbeddedPostgres(dataDir: string | undefined, maxConnections: number): Promise<EmbeddedPostgres> {
  const started = performance.now();
  // Loaded lazily: only the embedded mode needs the WASM build.
  const { PGlite } = await import('@electric-sql/pglite');
  const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
  const { PGLiteSocketServer } = await import('@electric-sql/pglite-socket');
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const unlock = dataDir ? lockDataDir(dataDir) : () => undefined;
  const db = await PGlite.create({
    dataDir: dataDir ? join(dataDir, 'pglite') : undefined,
    extensions: { pg_trgm },
    // PGlite's shared buffers live in its WASM heap, which never shrinks; the kernel's page cache keeps
    // the data files warm anyway. 32 MB instead of 128 MB: ~145 MiB less RSS, reads ~4 % slower.
    startParams: [...PGlite.defaultStartParams, '-c', `shared_buffers=${SHARED_BUFFERS}`],
  });
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections });
  await server.start();
  const address = server.getServerConn(); // "127.0.0.1:PORT"
  new Logger('EmbeddedPostgres').log(`Embedded PostgreSQL (PGlite) ${dataDir ? `in ${dataDir}` : 'in memory'} on ${address}, started in ${Math.round(performance.now() - started)} ms`);
  return {
    url: `postgres://postgres@${address}/postgres`,
    async stop() {
      await server.stop();
      await db.close();
      unlock();
    },
  };
}
