import type { ClientBase } from 'pg';

/** Notified at commit by the modules table's statement trigger (migration ModuleStateNotify1764930000000). */
const CHANNEL = 'module_states';

/**
 * Counts the commits that may have changed a module's status or version, so
 * that what was read of those before a change is never used after it.
 *
 * Only in embedded mode (`watching`): there the API is the only process that
 * can write the database (the data-directory lock), every connection is this
 * process's pool's, each of which listens from its first statement on, and
 * PGlite (one session) sends a commit's notification on the connection that
 * committed, ahead of the commit's answer: the count has moved before the
 * committing code, or anyone it answers, goes on. On PostgreSQL other API
 * processes and the worker commit too, and their notifications arrive
 * late, so nothing is counted and every read goes to the database.
 */
export class ModuleChanges {
  private count = 0;

  constructor(readonly watching: boolean) {}

  /** Changes counted so far: a value read after a call is valid while this has not moved. */
  get generation(): number {
    return this.count;
  }

  /** pg-pool's onConnect: awaited before the pool hands the connection out. */
  async listen(client: ClientBase): Promise<void> {
    const changed = () => {
      this.count++;
    };
    client.on('notification', (message) => {
      if (message.channel === CHANNEL) changed();
    });
    // A connection lost mid-commit may have committed without its notification reaching us.
    client.on('end', changed);
    client.on('error', changed);
    await client.query(`LISTEN ${CHANNEL}`);
  }
}
