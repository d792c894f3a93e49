import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import type { QueryRunner } from 'typeorm';
import { ModuleStateNotify1764930000000 } from '../../migrations/1764930000000-module-state-notify';
import { ModuleStatus } from '../../src/catalog/module-status';
import { ModuleChanges } from '../../src/database/module-changes';
import type { ModuleState } from '../../src/search/hit-check';
import { ModuleStateCache } from '../../src/search/module-state-cache';
import { provisionTestDatabase, TestDatabase } from '../support/test-databases';

/**
 * The embedded mode's cache of modules' states behind the search's hit check:
 * a state read before a committed change of a module's status or version is
 * never used after it. On the run's database (in embedded runs the worker's
 * PGlite through pglite-socket, as the app runs it), in a schema of its own
 * whose modules table has only the columns involved.
 */
const SCHEMA = 'module_state_cache_test';

describe('module states cache (embedded)', () => {
  let database: TestDatabase;
  let pool: Pool;
  let changes: ModuleChanges;
  let cache: ModuleStateCache;
  let reads: string[][];
  const [a, b] = [randomUUID(), randomUUID()];

  const read = async (ids: string[]): Promise<Map<string, ModuleState>> => {
    reads.push(ids);
    const { rows } = await pool.query<{ id: string } & ModuleState>(`SELECT id, status, version FROM modules WHERE id = ANY($1::uuid[])`, [ids]);
    return new Map(rows.map((row) => [row.id, { status: row.status, version: row.version }]));
  };
  const statesOf = (ids: string[]) => cache.statesOf(ids, read);

  beforeAll(async () => {
    database = await provisionTestDatabase();
    changes = new ModuleChanges(true);
    pool = new Pool({
      connectionString: database.url,
      max: 1,
      onConnect: async (client) => {
        await client.query(`SET search_path TO ${SCHEMA}`);
        await changes.listen(client);
      },
    });
    await pool.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`);
    await pool.query(`CREATE SCHEMA ${SCHEMA}`);
    await pool.query(`CREATE TABLE modules (id uuid PRIMARY KEY, status text NOT NULL, version integer NOT NULL, title text NOT NULL)`);
    await new ModuleStateNotify1764930000000().up({ query: (sql: string) => pool.query(sql) } as unknown as QueryRunner);
    await pool.query(`INSERT INTO modules VALUES ($1, 'PUBLISHED', 1, 'a'), ($2, 'PUBLISHED', 1, 'b')`, [a, b]);
    cache = new ModuleStateCache(changes);
  }, 60_000);
  afterAll(async () => {
    // A PGlite server is one session for all its connections: the next file's must not inherit these.
    await pool?.query(`UNLISTEN *`);
    await pool?.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`);
    await pool?.query(`SET search_path TO DEFAULT`);
    await pool?.end();
    await database?.drop();
  });
  beforeEach(() => {
    reads = [];
  });

  it('reads a state once while no module changes, and reads only the ones it lacks', async () => {
    expect((await statesOf([a])).get(a)).toEqual({ status: ModuleStatus.PUBLISHED, version: 1 });
    expect((await statesOf([a, b])).get(b)).toEqual({ status: ModuleStatus.PUBLISHED, version: 1 });
    expect((await statesOf([a, b])).size).toBe(2);
    expect(reads).toEqual([[a], [b]]);
  });

  it('keeps them through changes of other columns', async () => {
    await pool.query(`UPDATE modules SET title = 'a2' WHERE id = $1`, [a]);
    await statesOf([a, b]);
    expect(reads).toEqual([]);
  });

  it('reads again after a committed unpublish or a new version, as soon as the commit has answered', async () => {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await client.query(`UPDATE modules SET status = 'UNPUBLISHED', version = version + 1 WHERE id = $1`, [a]);
      await client.query('COMMIT');
    } finally {
      client.release();
    }
    expect((await statesOf([a, b])).get(a)).toEqual({ status: ModuleStatus.UNPUBLISHED, version: 2 });
    await pool.query(`UPDATE modules SET version = version + 1 WHERE id = $1`, [b]);
    expect((await statesOf([a, b])).get(b)).toEqual({ status: ModuleStatus.PUBLISHED, version: 2 });
    expect(reads).toEqual([[a, b], [a, b]]);
  });

  it('does not keep a read that a change overlapped', async () => {
    const c = randomUUID();
    await pool.query(`INSERT INTO modules VALUES ($1, 'PUBLISHED', 1, 'c')`, [c]);
    const overlapped = cache.statesOf([c], async (ids) => {
      const states = await read(ids);
      await pool.query(`UPDATE modules SET status = 'UNPUBLISHED', version = version + 1 WHERE id = $1`, [c]);
      return states;
    });
    expect((await overlapped).get(c)).toEqual({ status: ModuleStatus.PUBLISHED, version: 1 });
    expect((await statesOf([c])).get(c)).toEqual({ status: ModuleStatus.UNPUBLISHED, version: 2 });
    expect(reads).toEqual([[c], [c]]);
  });

  it('reads again after a deletion', async () => {
    await pool.query(`DELETE FROM modules WHERE id = $1`, [b]);
    expect((await statesOf([b])).has(b)).toBe(false);
  });
});
