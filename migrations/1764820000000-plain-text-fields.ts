import { MigrationInterface, QueryRunner } from 'typeorm';

/** A `<` that HTML reads as the start of a tag, comment or declaration (src/common/plain-text.ts). */
const MARKUP = `'<[A-Za-z/!?]'`;
/** The same text with a space after each such `<`: still readable, never markup. */
const plain = (column: string) => `regexp_replace(${column}, '<([A-Za-z/!?])', '< \\1', 'g')`;
const plainArray = (column: string) => `ARRAY(SELECT ${plain('item')} FROM unnest(${column}) WITH ORDINALITY AS items(item, position) ORDER BY position)`;
const hasMarkup = (column: string) => `${column} ~ ${MARKUP}`;
const arrayHasMarkup = (column: string) => `array_to_string(${column}, ' ') ~ ${MARKUP}`;

/**
 * Plain-text fields (titles, summaries, skills, names, bios, interests,
 * curators' notes) now refuse HTML markup on input. Rows written before the
 * rule are brought under it, so every string the API returns for them is text
 * wherever it is inserted. The changed PUBLISHED modules are re-synced to the
 * search index through the outbox. Rows without markup are not touched.
 */
export class PlainTextFields1764820000000 implements MigrationInterface {
  name = 'PlainTextFields1764820000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      WITH changed AS (
        UPDATE modules SET title = ${plain('title')}, summary = ${plain('summary')}, skills = ${plainArray('skills')}
         WHERE ${hasMarkup('title')} OR ${hasMarkup('summary')} OR ${arrayHasMarkup('skills')}
        RETURNING id, status)
      INSERT INTO outbox_events (job, payload)
      SELECT 'sync-module', jsonb_build_object('moduleId', id) FROM changed WHERE status = 'PUBLISHED'`);
    await q.query(`UPDATE lessons SET title = ${plain('title')} WHERE ${hasMarkup('title')}`);
    await q.query(`
      UPDATE users SET display_name = ${plain('display_name')}, organization_name = ${plain('organization_name')}, bio = ${plain('bio')},
             interests = ${plainArray('interests')}
       WHERE ${hasMarkup('display_name')} OR ${hasMarkup('organization_name')} OR ${hasMarkup('bio')} OR ${arrayHasMarkup('interests')}`);
    await q.query(`
      UPDATE module_revisions SET title = ${plain('title')}, summary = ${plain('summary')}, skills = ${plainArray('skills')}, review_note = ${plain('review_note')},
             lessons = (SELECT coalesce(jsonb_agg(jsonb_set(lesson, '{title}', to_jsonb(${plain("lesson->>'title'")})) ORDER BY position), '[]')
                          FROM jsonb_array_elements(lessons) WITH ORDINALITY AS items(lesson, position))
       WHERE ${hasMarkup('title')} OR ${hasMarkup('summary')} OR ${arrayHasMarkup('skills')} OR ${hasMarkup('review_note')} OR ${hasMarkup('lessons::text')}`);
    await q.query(`UPDATE reports SET resolution_note = ${plain('resolution_note')} WHERE ${hasMarkup('resolution_note')}`);
    await q.query(`UPDATE notifications SET message = ${plain('message')} WHERE ${hasMarkup('message')}`);
    // The history is append-only; this one correction of its notes is the exception.
    await q.query(`ALTER TABLE moderation_events DISABLE TRIGGER moderation_events_append_only`);
    await q.query(`UPDATE moderation_events SET note = ${plain('note')} WHERE ${hasMarkup('note')}`);
    await q.query(`ALTER TABLE moderation_events ENABLE TRIGGER moderation_events_append_only`);
  }

  async down(): Promise<void> {
    // The markup removed is not kept: nothing to restore.
  }
}
