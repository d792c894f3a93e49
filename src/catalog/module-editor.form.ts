import { asText } from '../web/form';
import { LessonEntity } from './lesson.entity';
import { ModuleEntity } from './module.entity';
import { LessonKind } from './module-status';

/** One quiz question as the editor's fields hold it: options one per line, correct options as 1-based numbers. */
export interface EditorQuestion {
  prompt: string;
  options: string;
  correct: string;
}

/** One lesson as the editor's fields hold it (text as typed, so a refused form shows it back unchanged). */
export interface EditorLesson {
  /** The kept lesson's id ('' for a new lesson): sent back so learners' progress survives the edit. */
  id: string;
  title: string;
  kind: string;
  durationMinutes: string;
  contentUrl: string;
  body: string;
  passPercent: string;
  questions: EditorQuestion[];
}

/** The editor form's values, as posted or read from the saved module. */
export interface EditorValues {
  title: string;
  summary: string;
  description: string;
  categorySlug: string;
  /** One skill per line (commas also separate). */
  skills: string;
  level: string;
  language: string;
  deliveryMode: string;
  priceIdr: string;
  certificate: boolean;
  lessons: EditorLesson[];
}

/** Most lessons and questions the form keeps, as the input class allows (extra ones would only be refused). */
const MAX_LESSONS = 100;
const MAX_QUESTIONS = 50;

export const emptyQuestion = (): EditorQuestion => ({ prompt: '', options: '', correct: '' });

export const emptyLesson = (): EditorLesson => ({ id: '', title: '', kind: LessonKind.ARTICLE, durationMinutes: '', contentUrl: '', body: '', passPercent: '', questions: [] });

export const emptyEditorValues = (): EditorValues => ({
  title: '',
  summary: '',
  description: '',
  categorySlug: '',
  skills: '',
  level: '',
  language: 'id',
  deliveryMode: '',
  priceIdr: '0',
  certificate: false,
  lessons: [emptyLesson()],
});

/** The saved module (or its pending revision) as editor values. */
export function editorValuesOf(module: Omit<ModuleEntity, 'id'> | ModuleEntity, categorySlug: string, lessons: readonly LessonEntity[]): EditorValues {
  return {
    title: module.title,
    summary: module.summary,
    description: module.description,
    categorySlug,
    skills: module.skills.join('\n'),
    level: module.level,
    language: module.language,
    deliveryMode: module.deliveryMode,
    priceIdr: String(module.priceIdr),
    certificate: module.certificate,
    lessons: [...lessons]
      .sort((a, b) => a.position - b.position)
      .map((lesson) => ({
        id: lesson.id,
        title: lesson.title,
        kind: lesson.kind,
        durationMinutes: String(lesson.durationMinutes),
        contentUrl: lesson.contentUrl ?? '',
        body: lesson.body ?? '',
        passPercent: lesson.passPercent == null ? '' : String(lesson.passPercent),
        questions: (lesson.questions ?? []).map((question) => ({
          prompt: question.prompt,
          options: question.options.join('\n'),
          correct: question.correctOptions.map((index) => index + 1).join(', '),
        })),
      })),
  };
}

/** Indexes 0..n-1 of `prefix.<i>.` keys present in the posted form, in order. */
function indexesOf(form: Record<string, unknown>, prefix: string, max: number): number[] {
  const pattern = new RegExp(`^${prefix.replace(/\./g, '\\.')}\\.(\\d{1,3})\\.`);
  const found = new Set<number>();
  for (const key of Object.keys(form)) {
    const match = pattern.exec(key);
    if (match && Number(match[1]) < max) found.add(Number(match[1]));
  }
  return [...found].sort((a, b) => a - b);
}

/** The editor values a posted form carries (fields named lessons.<i>.title, lessons.<i>.questions.<j>.prompt ...). */
export function editorValuesFromForm(form: Record<string, unknown>): EditorValues {
  const text = (name: string) => asText(form[name]);
  return {
    title: text('title'),
    summary: text('summary'),
    description: text('description'),
    categorySlug: text('categorySlug'),
    skills: text('skills'),
    level: text('level'),
    language: text('language'),
    deliveryMode: text('deliveryMode'),
    priceIdr: text('priceIdr'),
    certificate: text('certificate') === 'true',
    lessons: indexesOf(form, 'lessons', MAX_LESSONS).map((i) => {
      const at = `lessons.${i}`;
      return {
        id: text(`${at}.id`),
        title: text(`${at}.title`),
        kind: text(`${at}.kind`),
        durationMinutes: text(`${at}.durationMinutes`),
        contentUrl: text(`${at}.contentUrl`),
        body: text(`${at}.body`),
        passPercent: text(`${at}.passPercent`),
        questions: indexesOf(form, `${at}.questions`, MAX_QUESTIONS).map((j) => ({
          prompt: text(`${at}.questions.${j}.prompt`),
          options: text(`${at}.questions.${j}.options`),
          correct: text(`${at}.questions.${j}.correct`),
        })),
      };
    }),
  };
}

/** A whole number as typed, else the text itself (so the input class's IsInt refuses it beside its field). */
const integerOrText = (value: string): number | string => (/^\s*-?\d+\s*$/.test(value) ? Number(value) : value);
const optionalInteger = (value: string): number | string | null => (value.trim() === '' ? null : integerOrText(value));
const lines = (value: string): string[] => value.split(/\r?\n/).map((line) => line.trim()).filter((line) => line !== '');
const isBlankQuestion = (question: EditorQuestion) => !question.prompt.trim() && !question.options.trim() && !question.correct.trim();

/**
 * The plain object the mutation's input class validates (ModuleInput, or
 * UpdateModuleInput with id and expectedVersion added): skills split on lines
 * and commas, options on lines, correct options from 1-based numbers to
 * indexes; questions only on QUIZ lessons (the rules refuse them elsewhere),
 * blank question rows left out.
 */
export function moduleInputOf(values: EditorValues): Record<string, unknown> {
  return {
    title: values.title,
    summary: values.summary,
    description: values.description,
    categorySlug: values.categorySlug,
    skills: values.skills.split(/[\n,]/).map((skill) => skill.trim()).filter((skill) => skill !== ''),
    level: values.level,
    language: values.language,
    deliveryMode: values.deliveryMode,
    priceIdr: integerOrText(values.priceIdr),
    certificate: values.certificate,
    lessons: values.lessons.map((lesson) => {
      const quiz = lesson.kind === LessonKind.QUIZ;
      return {
        ...(lesson.id ? { id: lesson.id } : {}),
        title: lesson.title,
        kind: lesson.kind,
        durationMinutes: integerOrText(lesson.durationMinutes),
        contentUrl: lesson.contentUrl.trim() === '' ? null : lesson.contentUrl,
        body: lesson.body.trim() === '' ? null : lesson.body,
        ...(quiz
          ? {
              passPercent: optionalInteger(lesson.passPercent),
              questions: lesson.questions.filter((question) => !isBlankQuestion(question)).map((question) => ({
                prompt: question.prompt,
                options: lines(question.options),
                correctOptions: question.correct
                  .split(/[\s,;]+/)
                  .filter((number) => number !== '')
                  .map((number) => (/^\d+$/.test(number) ? Number(number) - 1 : Number.NaN)),
              })),
            }
          : {}),
      };
    }),
  };
}

/** What a submit button of the editor asks for: only 'simpan' writes. */
export type EditorAction =
  | { kind: 'save' }
  | { kind: 'preview' }
  | { kind: 'addLesson' }
  | { kind: 'removeLesson'; lesson: number }
  | { kind: 'moveLesson'; lesson: number; by: -1 | 1 }
  | { kind: 'addQuestion'; lesson: number }
  | { kind: 'removeQuestion'; lesson: number; question: number };

/** The action an `aksi` value names (simpan, pratinjau, tambah-pelajaran, hapus-pelajaran-2, naik-2, turun-2, tambah-soal-2, hapus-soal-2-0); unknown → save. */
export function editorActionOf(aksi: string): EditorAction {
  let match: RegExpExecArray | null;
  if (aksi === 'pratinjau') return { kind: 'preview' };
  if (aksi === 'tambah-pelajaran') return { kind: 'addLesson' };
  if ((match = /^hapus-pelajaran-(\d{1,3})$/.exec(aksi))) return { kind: 'removeLesson', lesson: Number(match[1]) };
  if ((match = /^(naik|turun)-(\d{1,3})$/.exec(aksi))) return { kind: 'moveLesson', lesson: Number(match[2]), by: match[1] === 'naik' ? -1 : 1 };
  if ((match = /^tambah-soal-(\d{1,3})$/.exec(aksi))) return { kind: 'addQuestion', lesson: Number(match[1]) };
  if ((match = /^hapus-soal-(\d{1,3})-(\d{1,3})$/.exec(aksi))) return { kind: 'removeQuestion', lesson: Number(match[1]), question: Number(match[2]) };
  return { kind: 'save' };
}

/** The form after a lesson or question button (nothing saved); a button naming a row that is not there changes nothing. */
export function applyEditorAction(values: EditorValues, action: EditorAction): EditorValues {
  const lessons = values.lessons.map((lesson) => ({ ...lesson, questions: [...lesson.questions] }));
  switch (action.kind) {
    case 'addLesson':
      if (lessons.length < MAX_LESSONS) lessons.push(emptyLesson());
      break;
    case 'removeLesson':
      if (action.lesson < lessons.length) lessons.splice(action.lesson, 1);
      break;
    case 'moveLesson': {
      const to = action.lesson + action.by;
      if (action.lesson < lessons.length && to >= 0 && to < lessons.length) [lessons[action.lesson], lessons[to]] = [lessons[to], lessons[action.lesson]];
      break;
    }
    case 'addQuestion': {
      const lesson = lessons[action.lesson];
      if (lesson && lesson.questions.length < MAX_QUESTIONS) {
        lesson.kind = LessonKind.QUIZ;
        lesson.questions.push(emptyQuestion());
      }
      break;
    }
    case 'removeQuestion':
      lessons[action.lesson]?.questions.splice(action.question, 1);
      break;
    default:
      break;
  }
  return { ...values, lessons };
}

/** QUIZ lessons show at least one (blank) question row to fill in. */
export function withQuestionRows(values: EditorValues): EditorValues {
  return {
    ...values,
    lessons: values.lessons.map((lesson) => (lesson.kind === LessonKind.QUIZ && lesson.questions.length === 0 ? { ...lesson, questions: [emptyQuestion()] } : lesson)),
  };
}
