import { DataSource } from 'typeorm';
import { ContributorKind } from '../accounts/user.entity';
import { DeliveryMode, Level } from '../catalog/module-status';
import { confidenceRating } from '../ratings/rating-score';
import { ModuleDocument } from './search-engine.port';
import { bundledTopicLexicon } from './text/topic-lexicon';

/** A row of the documents query (modules joined with category and contributor). */
export interface DocumentRow {
  id: string;
  version: number;
  slug: string;
  title: string;
  summary: string;
  description: string;
  skills: string[];
  category_id: string;
  contributor_id: string;
  category_slug: string;
  category_name: string;
  contributor_name: string;
  contributor_display_name: string;
  contributor_kind: ContributorKind | null;
  level: Level;
  language: string;
  delivery_mode: DeliveryMode;
  price_idr: number;
  certificate: boolean;
  duration_minutes: number;
  rating_sum: number;
  rating_count: number;
  /** m of ratingScore as rating_mean holds it (the same for every document); null while there is no rating. */
  rating_mean: number | null;
  has_quiz: boolean;
  enrollment_count: number;
  completion_count: number;
  published_at: Date | null;
  status: string;
}

const SELECT = `
  SELECT m.id, m.version, m.slug, m.title, m.summary, m.description, m.skills, m.level, m.language, m.delivery_mode,
         m.price_idr, m.certificate, m.duration_minutes, m.rating_sum, m.rating_count, m.enrollment_count,
         m.completion_count, m.published_at, m.status, m.category_id, m.contributor_id,
         c.slug AS category_slug, c.name AS category_name,
         coalesce(u.organization_name, u.display_name) AS contributor_name, u.display_name AS contributor_display_name,
         u.contributor_kind,
         EXISTS (SELECT 1 FROM lessons l WHERE l.module_id = m.id AND l.kind = 'QUIZ' AND l.questions IS NOT NULL) AS has_quiz,
         (SELECT mean FROM rating_mean) AS rating_mean
    FROM modules m JOIN categories c ON c.id = m.category_id JOIN users u ON u.id = m.contributor_id`;

/** The index document of a module row: the one mapping every index write goes through. */
export function toDocument(row: DocumentRow): ModuleDocument {
  return {
    id: row.id,
    version: row.version,
    slug: row.slug,
    title: row.title,
    summary: row.summary,
    description: row.description,
    skills: row.skills,
    categoryId: row.category_id,
    categorySlug: row.category_slug,
    categoryName: row.category_name,
    contributorId: row.contributor_id,
    contributorName: row.contributor_name,
    contributorDisplayName: row.contributor_display_name,
    contributorKind: row.contributor_kind ?? ContributorKind.INDIVIDUAL,
    level: row.level,
    language: row.language,
    deliveryMode: row.delivery_mode,
    priceIdr: row.price_idr,
    certificate: row.certificate,
    durationMinutes: row.duration_minutes,
    ratingAverage: row.rating_count > 0 ? Math.round((row.rating_sum / row.rating_count) * 100) / 100 : null,
    ratingCount: row.rating_count,
    ratingSum: row.rating_sum,
    ratingScore: confidenceRating(row.rating_sum, row.rating_count, row.rating_mean),
    hasQuiz: row.has_quiz,
    enrollmentCount: row.enrollment_count,
    completionCount: row.completion_count,
    publishedAt: (row.published_at ?? new Date(0)).getTime(),
    topics: [...bundledTopicLexicon().topicsOf(`${row.title} ${row.skills.join(' ')}`).keys()].sort(),
  };
}

/** The search documents of the given modules that are PUBLISHED; the others are absent. */
export async function publishedDocuments(dataSource: DataSource, ids: string[]): Promise<Map<string, ModuleDocument>> {
  const rows: DocumentRow[] = await dataSource.query(`${SELECT} WHERE m.id = ANY($1) AND m.status = 'PUBLISHED'`, [ids]);
  return new Map(rows.map((row) => [row.id, toDocument(row)]));
}

/** Every PUBLISHED module as documents, in batches (keyset pagination by id). */
export async function* allPublishedDocuments(dataSource: DataSource, batchSize = 2_000): AsyncGenerator<ModuleDocument[]> {
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const rows: DocumentRow[] = await dataSource.query(`${SELECT} WHERE m.status = 'PUBLISHED' AND m.id > $1 ORDER BY m.id LIMIT $2`, [after, batchSize]);
    if (rows.length === 0) return;
    yield rows.map(toDocument);
    after = rows[rows.length - 1].id;
  }
}

/** id -> version of every PUBLISHED module, for reconciliation. */
export async function publishedVersions(dataSource: DataSource): Promise<Map<string, number>> {
  const rows: { id: string; version: number }[] = await dataSource.query(`SELECT id, version FROM modules WHERE status = 'PUBLISHED'`);
  return new Map(rows.map((row) => [row.id, row.version]));
}

/**
 * What a search document holds of a PUBLISHED module that changes without
 * its version (counters, its category's and contributor's names) and the
 * rating mean: read cheaply (no text, no lessons) to check an index snapshot.
 */
export interface PublishedState {
  modules: Map<string, { version: number; enrollmentCount: number; completionCount: number; ratingSum: number; ratingCount: number; categoryId: string; contributorId: string }>;
  categories: Map<string, { slug: string; name: string }>;
  ratingMean: number | null;
}

export async function publishedState(dataSource: DataSource): Promise<PublishedState> {
  const modules: { id: string; version: number; enrollment_count: number; completion_count: number; rating_sum: number; rating_count: number; category_id: string; contributor_id: string }[] =
    await dataSource.query(
      `SELECT id, version, enrollment_count, completion_count, rating_sum, rating_count, category_id, contributor_id FROM modules WHERE status = 'PUBLISHED'`,
    );
  const categories: { id: string; slug: string; name: string }[] = await dataSource.query(`SELECT id, slug, name FROM categories`);
  const [mean]: { mean: number | null }[] = await dataSource.query(`SELECT mean FROM rating_mean`);
  return {
    modules: new Map(
      modules.map((row) => [
        row.id,
        {
          version: row.version,
          enrollmentCount: row.enrollment_count,
          completionCount: row.completion_count,
          ratingSum: row.rating_sum,
          ratingCount: row.rating_count,
          categoryId: row.category_id,
          contributorId: row.contributor_id,
        },
      ]),
    ),
    categories: new Map(categories.map((row) => [row.id, { slug: row.slug, name: row.name }])),
    ratingMean: mean?.mean ?? null,
  };
}

/** The searchable names and kind of these contributors, as documents hold them. */
export async function contributorNames(dataSource: DataSource, ids: string[]): Promise<Map<string, { name: string; displayName: string; kind: ContributorKind }>> {
  const rows: { id: string; name: string; display_name: string; contributor_kind: ContributorKind | null }[] = await dataSource.query(
    `SELECT id, coalesce(organization_name, display_name) AS name, display_name, contributor_kind FROM users WHERE id = ANY($1)`,
    [ids],
  );
  return new Map(rows.map((row) => [row.id, { name: row.name, displayName: row.display_name, kind: row.contributor_kind ?? ContributorKind.INDIVIDUAL }]));
}
