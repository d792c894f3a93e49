import { EntityManager } from 'typeorm';
import { LessonEntity } from '../catalog/lesson.entity';
import { ModuleEntity, StoredModerationCheck } from '../catalog/module.entity';
import { KINDS_NEEDING_URL } from '../catalog/module-status';
import bannedWordsFile from './data/banned-words.json';

/** pg_trgm similarity from which a title or summary counts as a near-duplicate. */
export const NEAR_DUPLICATE_SIMILARITY = 0.6;

/** The banned-word list, kept as data (imported, so the build copies it). */
export const BANNED_WORDS: readonly string[] = bannedWordsFile.words.map((word) => word.toLowerCase());

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Banned words and phrases found in `texts`, matched as whole words. */
export function findBannedWords(texts: string[], bannedWords: readonly string[] = BANNED_WORDS): string[] {
  const haystack = texts.join('\n').toLowerCase();
  return bannedWords.filter((word) => new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(word).replace(/ /g, '\\s+')}(?![\\p{L}\\p{N}])`, 'u').test(haystack));
}

/** Lessons that need content and lack it: a URL for video, live and download lessons; any content otherwise. */
export function lessonsMissingContent(lessons: Pick<LessonEntity, 'position' | 'kind' | 'contentUrl' | 'body' | 'questions'>[]): number[] {
  return lessons
    .filter((lesson) => (KINDS_NEEDING_URL.has(lesson.kind) ? !lesson.contentUrl : !lesson.contentUrl && !lesson.body?.trim() && !lesson.questions?.length))
    .map((lesson) => lesson.position);
}

/** The findings shown to curators for one submission: the module's stored lessons, or those of its pending revision. */
export async function runAutomaticChecks(manager: EntityManager, module: ModuleEntity, revisionLessons?: LessonEntity[]): Promise<StoredModerationCheck[]> {
  const lessons = revisionLessons ?? (await manager.find(LessonEntity, { where: { moduleId: module.id }, order: { position: 'ASC' } }));
  const checks: StoredModerationCheck[] = [];

  // The % operator uses the trigram indexes to narrow candidates; the similarity() test applies the real threshold.
  const duplicates: { id: string }[] = await manager.query(
    `SELECT id FROM modules
      WHERE status IN ('PUBLISHED', 'IN_REVIEW') AND id <> $1
        AND ((lower(title) % lower($2) AND similarity(lower(title), lower($2)) >= $4)
          OR (lower(summary) % lower($3) AND similarity(lower(summary), lower($3)) >= $4))
      ORDER BY greatest(similarity(lower(title), lower($2)), similarity(lower(summary), lower($3))) DESC, id
      LIMIT 10`,
    [module.id, module.title, module.summary, NEAR_DUPLICATE_SIMILARITY],
  );
  if (duplicates.length > 0) {
    checks.push({
      code: 'NEAR_DUPLICATE',
      message: `The title or summary closely resembles ${duplicates.length} published or in-review module(s)`,
      relatedModuleIds: duplicates.map((row) => row.id),
    });
  }

  const missing = lessonsMissingContent(lessons);
  if (missing.length > 0) {
    checks.push({ code: 'MISSING_CONTENT', message: `Lesson(s) ${missing.join(', ')} lack their content (a contentUrl for VIDEO, LIVE_SESSION and DOWNLOAD lessons)`, relatedModuleIds: [] });
  }

  const texts = [module.title, module.summary, module.description, ...module.skills, ...lessons.flatMap(lessonTexts)];
  const banned = findBannedWords(texts);
  if (banned.length > 0) {
    checks.push({ code: 'BANNED_WORDS', message: `Contains words on the banned list: ${banned.join(', ')}`, relatedModuleIds: [] });
  }
  return checks;
}

/** What a learner reads in a lesson: its title, body, and quiz prompts and options (never which are correct). */
const lessonTexts = (lesson: LessonEntity) => [lesson.title, lesson.body ?? '', ...(lesson.questions ?? []).flatMap((question) => [question.prompt, ...question.options])];
