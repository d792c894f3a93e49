import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Category.moduleCount is read on every catalogue page; counting PUBLISHED
 * modules per request scanned the whole table. A trigger keeps the count on
 * the category row exact, whoever writes modules (API, imports, seeds).
 */
export class CategoryCounts1764700000000 implements MigrationInterface {
  name = 'CategoryCounts1764700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE categories ADD COLUMN published_module_count integer NOT NULL DEFAULT 0 CHECK (published_module_count >= 0)`);
    await q.query(`
      CREATE FUNCTION count_published_modules() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.status = 'PUBLISHED' THEN
          UPDATE categories SET published_module_count = published_module_count - 1 WHERE id = OLD.category_id;
        END IF;
        IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.status = 'PUBLISHED' THEN
          UPDATE categories SET published_module_count = published_module_count + 1 WHERE id = NEW.category_id;
        END IF;
        RETURN NULL;
      END
      $$`);
    await q.query(`
      CREATE TRIGGER modules_count_published
      AFTER INSERT OR DELETE OR UPDATE OF status, category_id ON modules
      FOR EACH ROW EXECUTE FUNCTION count_published_modules()`);
    // TRUNCATE fires no row triggers.
    await q.query(`
      CREATE FUNCTION reset_published_counts() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE categories SET published_module_count = 0;
        RETURN NULL;
      END
      $$`);
    await q.query(`CREATE TRIGGER modules_truncate_counts AFTER TRUNCATE ON modules FOR EACH STATEMENT EXECUTE FUNCTION reset_published_counts()`);
    await q.query(`
      UPDATE categories c SET published_module_count = (
        SELECT count(*) FROM modules m WHERE m.category_id = c.id AND m.status = 'PUBLISHED')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER modules_truncate_counts ON modules`);
    await q.query(`DROP FUNCTION reset_published_counts()`);
    await q.query(`DROP TRIGGER modules_count_published ON modules`);
    await q.query(`DROP FUNCTION count_published_modules()`);
    await q.query(`ALTER TABLE categories DROP COLUMN published_module_count`);
  }
}
