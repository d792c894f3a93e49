import { diffWordsWithSpace } from 'diff';
import { DeliveryMode, LessonKind, Level } from '../catalog/module-status';
import { DELIVERY_MODE_LABELS, languageLabel, LESSON_KIND_LABELS, LEVEL_LABELS } from '../catalog/views/labels';
import { StoredQuestion } from '../quizzes/stored-question';
import { formatDuration, formatPrice } from '../web/format';

/** A lesson as both sides of a revision hold it (the published row, or a row of the revision's jsonb). */
export interface ComparableLesson {
  id: string;
  position: number;
  title: string;
  kind: LessonKind;
  durationMinutes: number;
  contentUrl: string | null;
  body: string | null;
  questions: StoredQuestion[] | null;
  passPercent: number | null;
}

/** The editable content of a module, as the published version or its pending revision has it. */
export interface ComparableContent {
  title: string;
  summary: string;
  description: string;
  categoryName: string;
  skills: string[];
  level: Level;
  language: string;
  deliveryMode: DeliveryMode;
  priceIdr: number;
  certificate: boolean;
  lessons: ComparableLesson[];
}

/** A run of text unchanged, added by the revision, or removed by it. */
export interface DiffPart {
  change: 'same' | 'added' | 'removed';
  text: string;
}

export interface FieldChange {
  label: string;
  parts: DiffPart[];
}

export interface LessonChange {
  id: string;
  change: 'added' | 'removed' | 'changed';
  /** The revision's title (the published one for a removed lesson). */
  title: string;
  fields: FieldChange[];
}

export interface RevisionDiff {
  fields: FieldChange[];
  lessons: LessonChange[];
}

/** Past this many milliseconds a word diff gives up and the whole text is shown as replaced. */
const WORD_DIFF_TIMEOUT_MS = 250;

/** Word by word, whitespace kept exactly as written (diffWords moves it between runs); `before` and `after` differ. */
function textDiff(before: string, after: string): DiffPart[] {
  const changes = diffWordsWithSpace(before, after, { timeout: WORD_DIFF_TIMEOUT_MS });
  if (!changes) return [{ change: 'removed', text: before }, { change: 'added', text: after }].filter((part) => part.text !== '') as DiffPart[];
  return changes.map((change) => ({ change: change.added ? 'added' : change.removed ? 'removed' : 'same', text: change.value }));
}

/** The change of one field as text, or nothing when the field is unchanged. */
function fieldChange(label: string, before: string, after: string): FieldChange[] {
  return before === after ? [] : [{ label, parts: textDiff(before, after) }];
}

const questionsText = (questions: StoredQuestion[] | null): string =>
  (questions ?? [])
    .map((question, index) =>
      [`${index + 1}. ${question.prompt}`, ...question.options.map((option, optionIndex) => `- ${option}${question.correctOptions.includes(optionIndex) ? ' (jawaban benar)' : ''}`)].join('\n'),
    )
    .join('\n');

/** Each lesson field as text, labelled, in the order the page shows them. */
function lessonTexts(lesson: ComparableLesson): [string, string][] {
  return [
    ['Judul', lesson.title],
    ['Urutan', String(lesson.position)],
    ['Jenis', LESSON_KIND_LABELS[lesson.kind]],
    ['Durasi', formatDuration(lesson.durationMinutes)],
    ['Alamat konten', lesson.contentUrl ?? ''],
    ['Isi', lesson.body ?? ''],
    ['Pertanyaan kuis', questionsText(lesson.questions)],
    ['Nilai lulus', lesson.passPercent === null ? '' : `${lesson.passPercent}%`],
  ];
}

function moduleTexts(content: ComparableContent): [string, string][] {
  return [
    ['Judul', content.title],
    ['Ringkasan', content.summary],
    ['Deskripsi', content.description],
    ['Kategori', content.categoryName],
    ['Keterampilan', content.skills.join(', ')],
    ['Tingkat', LEVEL_LABELS[content.level]],
    ['Bahasa', languageLabel(content.language)],
    ['Cara belajar', DELIVERY_MODE_LABELS[content.deliveryMode]],
    ['Harga', formatPrice(content.priceIdr)],
    ['Sertifikat', content.certificate ? 'Ada sertifikat' : 'Tanpa sertifikat'],
  ];
}

/**
 * What a pending revision changes in its published module: the fields that
 * differ, word by word, and the lessons added, removed or changed, matched by
 * id (lessons keep their ids through revisions), in the revision's order with
 * removed lessons last.
 */
export function diffRevision(published: ComparableContent, revision: ComparableContent): RevisionDiff {
  const before = moduleTexts(published);
  const fields = moduleTexts(revision).flatMap(([label, after], index) => fieldChange(label, before[index][1], after));

  const publishedLessons = new Map(published.lessons.map((lesson) => [lesson.id, lesson]));
  const revisedIds = new Set(revision.lessons.map((lesson) => lesson.id));
  const lessons: LessonChange[] = [];
  for (const lesson of revision.lessons) {
    const old = publishedLessons.get(lesson.id);
    if (!old) {
      const added = lessonTexts(lesson).filter(([, text]) => text !== '');
      lessons.push({ id: lesson.id, change: 'added', title: lesson.title, fields: added.map(([label, text]) => ({ label, parts: [{ change: 'added', text }] })) });
      continue;
    }
    const oldTexts = lessonTexts(old);
    const changed = lessonTexts(lesson).flatMap(([label, after], index) => fieldChange(label, oldTexts[index][1], after));
    if (changed.length > 0) lessons.push({ id: lesson.id, change: 'changed', title: lesson.title, fields: changed });
  }
  for (const lesson of published.lessons) {
    if (!revisedIds.has(lesson.id)) lessons.push({ id: lesson.id, change: 'removed', title: lesson.title, fields: [] });
  }
  return { fields, lessons };
}
