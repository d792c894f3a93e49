import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A notification on channel module_states when a statement may have changed
 * a module's status or version (or added or removed modules), sent by
 * PostgreSQL at commit. The embedded mode's search keeps the modules' states
 * it has read until then (src/database/module-changes.ts); nothing listens in
 * PostgreSQL mode. A statement trigger: one notification per statement, none
 * for updates of other columns (enrolment counts, ratings).
 */
export class ModuleStateNotify1764930000000 implements MigrationInterface {
  name = 'ModuleStateNotify1764930000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION notify_module_states() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('module_states', '');
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER modules_state_notify AFTER INSERT OR UPDATE OF status, version OR DELETE OR TRUNCATE ON modules
        FOR EACH STATEMENT EXECUTE FUNCTION notify_module_states()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER modules_state_notify ON modules`);
    await q.query(`DROP FUNCTION notify_module_states()`);
  }
}
