import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Accounts, training-credit wallets, the catalogue and moderation.
 * Rules that must hold whatever the application does are constraints here:
 * price 0 or 1, a balance never below zero, an append-only history.
 */
export class InitialSchema1764300000000 implements MigrationInterface {
  name = 'InitialSchema1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);

    await q.query(`
      CREATE FUNCTION forbid_row_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
      END
      $$`);

    await q.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL,
        password_hash text NOT NULL,
        display_name text NOT NULL,
        role text NOT NULL CHECK (role IN ('BENEFICIARY', 'CONTRIBUTOR', 'CURATOR', 'ADMIN')),
        contributor_kind text CHECK (contributor_kind IN ('INDIVIDUAL', 'ORGANIZATION')),
        organization_name text,
        bio text,
        prakerja_card_number text UNIQUE CHECK (prakerja_card_number ~ '^[0-9]{16}$'),
        interests text[] NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT users_contributor_kind CHECK ((role = 'CONTRIBUTOR') = (contributor_kind IS NOT NULL)),
        CONSTRAINT users_beneficiary_card CHECK ((role = 'BENEFICIARY') = (prakerja_card_number IS NOT NULL))
      )`);
    await q.query(`CREATE UNIQUE INDEX users_email_key ON users (lower(email))`);

    await q.query(`
      CREATE TABLE wallets (
        user_id uuid PRIMARY KEY REFERENCES users (id),
        balance_idr integer NOT NULL CHECK (balance_idr >= 0),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE ledger_entries (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
        user_id uuid NOT NULL REFERENCES wallets (user_id),
        kind text NOT NULL CHECK (kind IN ('GRANT', 'EXTERNAL_SPEND', 'ENROLLMENT_FEE', 'FEE_WAIVED')),
        amount_idr integer NOT NULL,
        balance_after_idr integer NOT NULL CHECK (balance_after_idr >= 0),
        reference text,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ledger_entries_sign CHECK (
          (kind = 'GRANT' AND amount_idr > 0) OR
          (kind IN ('EXTERNAL_SPEND', 'ENROLLMENT_FEE') AND amount_idr < 0) OR
          (kind = 'FEE_WAIVED' AND amount_idr = 0))
      )`);
    await q.query(`CREATE INDEX ledger_entries_user_seq ON ledger_entries (user_id, seq DESC)`);
    // Idempotency of spends reported by the programme's platform.
    await q.query(`CREATE UNIQUE INDEX ledger_entries_external_reference ON ledger_entries (reference) WHERE kind = 'EXTERNAL_SPEND'`);
    await q.query(`CREATE TRIGGER ledger_entries_append_only BEFORE UPDATE OR DELETE ON ledger_entries FOR EACH ROW EXECUTE FUNCTION forbid_row_change()`);

    await q.query(`
      CREATE TABLE categories (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        slug text NOT NULL UNIQUE,
        name text NOT NULL,
        position integer NOT NULL
      )`);
    const categories: [string, string][] = [
      ['penjualan-pemasaran', 'Penjualan dan Pemasaran'],
      ['teknologi-informasi', 'Teknologi Informasi'],
      ['desain-multimedia', 'Desain Grafis dan Multimedia'],
      ['bahasa-asing', 'Bahasa Asing'],
      ['perkantoran', 'Perkantoran dan Administrasi'],
      ['keuangan-akuntansi', 'Keuangan dan Akuntansi'],
      ['manajemen-sdm', 'Manajemen dan SDM'],
      ['kewirausahaan', 'Kewirausahaan dan UMKM'],
      ['makanan-minuman', 'Makanan dan Minuman'],
      ['gaya-hidup-kecantikan', 'Gaya Hidup dan Kecantikan'],
      ['pertanian-perikanan', 'Pertanian, Peternakan dan Perikanan'],
      ['pariwisata-perhotelan', 'Pariwisata dan Perhotelan'],
      ['teknik-otomotif', 'Teknik dan Otomotif'],
      ['kesehatan-k3', 'Kesehatan dan K3'],
      ['kerajinan-seni', 'Kerajinan, Seni dan Musik'],
      ['pengembangan-diri', 'Pengembangan Diri'],
    ];
    for (const [position, [slug, name]] of categories.entries()) {
      await q.query(`INSERT INTO categories (slug, name, position) VALUES ($1, $2, $3)`, [slug, name, position + 1]);
    }

    await q.query(`
      CREATE TABLE modules (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        slug text NOT NULL UNIQUE,
        title text NOT NULL,
        summary text NOT NULL,
        description text NOT NULL,
        category_id uuid NOT NULL REFERENCES categories (id),
        skills text[] NOT NULL,
        level text NOT NULL CHECK (level IN ('BEGINNER', 'INTERMEDIATE', 'ADVANCED')),
        language text NOT NULL,
        delivery_mode text NOT NULL CHECK (delivery_mode IN ('SELF_PACED', 'WEBINAR', 'OFFLINE', 'BLENDED')),
        duration_minutes integer NOT NULL CHECK (duration_minutes >= 0),
        price_idr integer NOT NULL CHECK (price_idr IN (0, 1)),
        certificate boolean NOT NULL DEFAULT false,
        status text NOT NULL CHECK (status IN ('DRAFT', 'IN_REVIEW', 'CHANGES_REQUESTED', 'PUBLISHED', 'REJECTED', 'UNPUBLISHED', 'ARCHIVED')),
        contributor_id uuid NOT NULL REFERENCES users (id),
        moderation_checks jsonb NOT NULL DEFAULT '[]',
        rating_sum integer NOT NULL DEFAULT 0 CHECK (rating_sum >= 0),
        rating_count integer NOT NULL DEFAULT 0 CHECK (rating_count >= 0),
        enrollment_count integer NOT NULL DEFAULT 0 CHECK (enrollment_count >= 0),
        completion_count integer NOT NULL DEFAULT 0 CHECK (completion_count >= 0),
        submitted_at timestamptz,
        published_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1 CHECK (version >= 1)
      )`);
    await q.query(`CREATE INDEX modules_queue ON modules (status, submitted_at, id)`);
    await q.query(`CREATE INDEX modules_contributor_created ON modules (contributor_id, created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX modules_published_category ON modules (category_id) WHERE status = 'PUBLISHED'`);
    // Near-duplicate checks compare a submission with PUBLISHED and IN_REVIEW modules.
    await q.query(`CREATE INDEX modules_title_trgm ON modules USING gin (lower(title) gin_trgm_ops) WHERE status IN ('PUBLISHED', 'IN_REVIEW')`);
    await q.query(`CREATE INDEX modules_summary_trgm ON modules USING gin (lower(summary) gin_trgm_ops) WHERE status IN ('PUBLISHED', 'IN_REVIEW')`);

    await q.query(`
      CREATE TABLE lessons (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        module_id uuid NOT NULL REFERENCES modules (id) ON DELETE CASCADE,
        position integer NOT NULL CHECK (position >= 1),
        title text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('VIDEO', 'ARTICLE', 'QUIZ', 'LIVE_SESSION', 'DOWNLOAD')),
        duration_minutes integer NOT NULL CHECK (duration_minutes BETWEEN 1 AND 600),
        content_url text,
        body text,
        UNIQUE (module_id, position)
      )`);

    await q.query(`
      CREATE TABLE moderation_events (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
        module_id uuid NOT NULL REFERENCES modules (id),
        action text NOT NULL CHECK (action IN ('SUBMIT', 'APPROVE', 'REQUEST_CHANGES', 'REJECT', 'UNPUBLISH', 'ARCHIVE', 'EDIT_PUBLISHED')),
        from_status text NOT NULL,
        to_status text NOT NULL,
        note text,
        actor_id uuid NOT NULL REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX moderation_events_module ON moderation_events (module_id, seq)`);
    await q.query(`CREATE TRIGGER moderation_events_append_only BEFORE UPDATE OR DELETE ON moderation_events FOR EACH ROW EXECUTE FUNCTION forbid_row_change()`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['moderation_events', 'lessons', 'modules', 'categories', 'ledger_entries', 'wallets', 'users']) {
      await q.query(`DROP TABLE ${table}`);
    }
    await q.query(`DROP FUNCTION forbid_row_change()`);
  }
}
