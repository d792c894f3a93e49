import type { ClientBase } from 'pg';
import { LessonKind } from '../../../src/catalog/module-status';
import { storedQuestions } from '../../../src/quizzes/quiz-rows';
import { RATING_MEAN_THRESHOLD, RATING_MEAN_UPSERT_SQL } from '../../../src/ratings/rating-mean-upsert';
import { insertRows } from './bulk-insert';
import {
  CatalogueCorpus,
  contributorRows,
  ContributorRow,
  LessonRow,
  moduleBatches,
  ModuleRow,
  uniqueWord,
  UNUSABLE_PASSWORD_HASH,
} from './catalogue-generator';

const MODULE_COLUMNS = [
  'id', 'slug', 'title', 'summary', 'description', 'category_id', 'skills', 'level', 'language', 'delivery_mode',
  'duration_minutes', 'price_idr', 'certificate', 'status', 'contributor_id', 'rating_sum', 'rating_count',
  'enrollment_count', 'submitted_at', 'published_at', 'created_at', 'updated_at', 'version',
] as const;
const LESSON_COLUMNS = ['module_id', 'position', 'title', 'kind', 'duration_minutes', 'content_url', 'body', 'questions', 'pass_percent'] as const;
const BATCH_SIZE = 1_000;
/** Published modules whose ids the enrol scenario uses. */
const ENROL_TARGETS = 2_000;

export interface PendingReview {
  id: string;
  version: number;
  /** A word only this module's title contains. */
  word: string;
}

export interface SeededCatalogue {
  published: number;
  /** IN_REVIEW modules a curator approves during the sync-lag scenario. */
  pendingReviews: PendingReview[];
  /** Some PUBLISHED modules (Rp0 and Rp1) to enrol in. */
  enrolTargets: { id: string; priceIdr: number }[];
  seconds: number;
}

/**
 * Writes the catalogue straight into a migrated database with multi-row
 * INSERTs: contributors, `published` PUBLISHED modules with their lessons, and
 * `pendingReviews` IN_REVIEW modules (with their SUBMIT event).
 */
export async function seedCatalogue(
  client: ClientBase,
  corpus: CatalogueCorpus,
  counts: { published: number; pendingReviews: number },
  onProgress?: (inserted: number) => void,
): Promise<SeededCatalogue> {
  const started = performance.now();
  const { rows: categories } = await client.query<{ id: string }>(`SELECT id FROM categories ORDER BY position`);
  if (categories.length === 0) throw new Error('The database has no categories: was it migrated?');
  const categoryIds = categories.map((category) => category.id);
  const contributors = contributorRows(corpus);
  await insertUsers(client, contributors);

  const enrolTargets: SeededCatalogue['enrolTargets'] = [];
  let inserted = 0;
  for (const batch of moduleBatches(corpus, { count: counts.published, batchSize: BATCH_SIZE, categoryIds, contributors })) {
    await insertModules(client, batch.modules, batch.lessons);
    for (const module of batch.modules) if (enrolTargets.length < ENROL_TARGETS) enrolTargets.push({ id: module.id, priceIdr: module.priceIdr });
    inserted += batch.modules.length;
    onProgress?.(inserted);
  }

  const pendingReviews = await insertPendingReviews(client, corpus, counts.pendingReviews, categoryIds, contributors);
  // m as the API's refresh would set it, so its first refresh finds nothing moved and rebuilds no index mid-run.
  await client.query(RATING_MEAN_UPSERT_SQL, [RATING_MEAN_THRESHOLD]);
  await client.query('ANALYZE');
  return { published: inserted, pendingReviews, enrolTargets, seconds: (performance.now() - started) / 1000 };
}

async function insertUsers(client: ClientBase, contributors: ContributorRow[]): Promise<void> {
  await insertRows(
    client,
    'users',
    ['id', 'email', 'password_hash', 'display_name', 'role', 'contributor_kind', 'organization_name'],
    contributors.map((c) => [c.id, c.email, UNUSABLE_PASSWORD_HASH, c.displayName, 'CONTRIBUTOR', c.kind, c.organizationName]),
  );
}

async function insertModules(client: ClientBase, modules: ModuleRow[], lessons: LessonRow[]): Promise<void> {
  await client.query('BEGIN');
  try {
    await insertRows(
      client,
      'modules',
      MODULE_COLUMNS,
      modules.map((m) => [
        m.id, m.slug, m.title, m.summary, m.description, m.categoryId, m.skills, m.level, m.language, m.deliveryMode,
        m.durationMinutes, m.priceIdr, m.certificate, m.status, m.contributorId, m.ratingSum, m.ratingCount,
        m.enrollmentCount, m.submittedAt, m.publishedAt, m.submittedAt, m.publishedAt ?? m.submittedAt, m.version,
      ]),
    );
    await insertRows(
      client,
      'lessons',
      LESSON_COLUMNS,
      lessons.map((l) => {
        const quiz = storedQuestions({ kind: l.kind as LessonKind, questions: l.questions });
        return [l.moduleId, l.position, l.title, l.kind, l.durationMinutes, l.contentUrl, l.body, quiz.questions === null ? null : JSON.stringify(quiz.questions), quiz.passPercent];
      }),
      2_000,
    );
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
}

async function insertPendingReviews(
  client: ClientBase,
  corpus: CatalogueCorpus,
  count: number,
  categoryIds: string[],
  contributors: ContributorRow[],
): Promise<PendingReview[]> {
  if (count === 0) return [];
  const words = new Set<string>();
  while (words.size < count) words.add(uniqueWord(corpus.random));
  const [batch] = moduleBatches(corpus, { count, batchSize: count, categoryIds, contributors, firstIndex: 10_000_000 });
  const now = Date.now();
  const wordList = [...words];
  const modules = batch.modules.map((module, i): ModuleRow => ({
    ...module,
    title: `${module.title.slice(0, 100)} ${wordList[i]}`,
    status: 'IN_REVIEW',
    submittedAt: new Date(now - (count - i) * 1_000),
    publishedAt: null,
    ratingSum: 0,
    ratingCount: 0,
    enrollmentCount: 0,
    version: 2,
  }));
  await insertModules(client, modules, batch.lessons);
  await insertRows(
    client,
    'moderation_events',
    ['module_id', 'action', 'from_status', 'to_status', 'actor_id', 'created_at'],
    modules.map((m) => [m.id, 'SUBMIT', 'DRAFT', 'IN_REVIEW', m.contributorId, m.submittedAt]),
  );
  return modules.map((module, i) => ({ id: module.id, version: module.version, word: wordList[i] }));
}
