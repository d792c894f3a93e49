import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Certificates (issue 14): an enrollment that becomes COMPLETED gets a code,
 * the learner's name and the module's QUIZ lesson count as they stand then.
 * A row trigger issues them, because an enrollment completes on three paths
 * (completeLesson, submitQuiz, and an owner's edit removing the lessons a
 * learner had left, which completes in bulk SQL); the CHECK proves none is missed.
 *
 * The code: 12 characters of Crockford's base32 (no I, L, O, U), 5 bits each
 * taken from the random bytes of gen_random_uuid() (PostgreSQL's strong random
 * source; the uuid's version and variant bytes 6 and 8 are skipped): 60 bits,
 * printed XXXX-XXXX-XXXX. Existing COMPLETED enrollments get theirs here.
 *
 * rating_mean holds m of Module.ratingScore (the mean of every rating given
 * to PUBLISHED modules), the one value the API and the search documents use;
 * a periodic job moves it (src/ratings/rating-mean-refresh.ts).
 */
export class VerifiedCompletion1764890000000 implements MigrationInterface {
  name = 'VerifiedCompletion1764890000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE enrollments ADD COLUMN certificate_code text, ADD COLUMN certificate_learner_name text,
        ADD COLUMN certificate_quizzes_total integer`);
    await q.query(`CREATE UNIQUE INDEX enrollments_certificate_code_key ON enrollments (certificate_code)`);
    await q.query(`
      CREATE FUNCTION certificate_code() RETURNS text LANGUAGE plpgsql VOLATILE AS $$
      DECLARE
        alphabet constant text := '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
        raw bytea := decode(replace(gen_random_uuid()::text, '-', ''), 'hex');
        code text := '';
      BEGIN
        FOR i IN 0..11 LOOP
          code := code || substr(alphabet, (get_byte(raw, CASE WHEN i < 6 THEN i ELSE i + 3 END) & 31) + 1, 1);
          IF i IN (3, 7) THEN code := code || '-'; END IF;
        END LOOP;
        RETURN code;
      END $$`);
    await q.query(`
      CREATE FUNCTION issue_certificate() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.status = 'COMPLETED' AND NEW.certificate_code IS NULL THEN
          NEW.certificate_code := certificate_code();
          SELECT display_name INTO NEW.certificate_learner_name FROM users WHERE id = NEW.beneficiary_id;
          SELECT count(*) INTO NEW.certificate_quizzes_total FROM lessons WHERE module_id = NEW.module_id AND kind = 'QUIZ' AND questions IS NOT NULL;
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER enrollments_issue_certificate BEFORE INSERT OR UPDATE OF status ON enrollments FOR EACH ROW EXECUTE FUNCTION issue_certificate()`);
    await q.query(`UPDATE enrollments SET status = status WHERE status = 'COMPLETED'`);
    await q.query(`
      CREATE TABLE rating_mean (
        singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
        mean double precision CHECK (mean BETWEEN 1 AND 5),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`INSERT INTO rating_mean (mean) SELECT sum(rating_sum)::float8 / nullif(sum(rating_count), 0) FROM modules WHERE status = 'PUBLISHED'`);
    await q.query(`
      ALTER TABLE enrollments ADD CONSTRAINT enrollments_certificate_when_completed
        CHECK ((status = 'COMPLETED') = (certificate_code IS NOT NULL AND certificate_learner_name IS NOT NULL AND certificate_quizzes_total IS NOT NULL))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE rating_mean`);
    await q.query(`DROP TRIGGER enrollments_issue_certificate ON enrollments`);
    await q.query(`DROP FUNCTION issue_certificate()`);
    await q.query(`DROP FUNCTION certificate_code()`);
    await q.query(`
      ALTER TABLE enrollments DROP CONSTRAINT enrollments_certificate_when_completed,
        DROP COLUMN certificate_code, DROP COLUMN certificate_learner_name, DROP COLUMN certificate_quizzes_total`);
  }
}
