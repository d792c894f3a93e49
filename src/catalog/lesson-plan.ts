import { randomUUID } from 'node:crypto';
import { badInput } from '../common/domain-error';
import { keepQuestionIds, sameQuestions } from '../quizzes/stored-question';
import { LessonInput } from './dto/module.input';
import { LessonEntity } from './lesson.entity';
import { lessonRows } from './module-rows';

export const NOT_A_LESSON_OF_THIS_MODULE = 'is not a lesson of this module';

/** What makes two lessons the same lesson for a client that sends no ids. */
const sameContent = (a: LessonEntity, b: LessonEntity) =>
  a.title === b.title && a.kind === b.kind && a.durationMinutes === b.durationMinutes && (a.contentUrl ?? null) === (b.contentUrl ?? null) && (a.body ?? null) === (b.body ?? null) &&
  (a.passPercent ?? null) === (b.passPercent ?? null) && sameQuestions(a.questions, b.questions);

/**
 * The lessons an edit leaves, as rows with their ids, so learners' progress
 * survives: a lesson given with an id keeps it (the id must be one of `known`,
 * else BAD_USER_INPUT on `lessons.<i>.id`); a lesson without one takes the id
 * of an unclaimed known lesson with identical content (older clients resend
 * unchanged lessons without ids), else a new id. A kept lesson's unchanged
 * quiz questions keep their ids too (keepQuestionIds). Known lessons left unclaimed
 * are the ones the edit removes.
 */
export function planLessons(moduleId: string, inputs: LessonInput[], known: readonly LessonEntity[]): LessonEntity[] {
  const knownIds = new Set(known.map((lesson) => lesson.id));
  const claimed = new Set<string>();
  inputs.forEach((input, index) => {
    if (input.id == null) return;
    if (!knownIds.has(input.id)) throw badInput(`lessons.${index}.id`, NOT_A_LESSON_OF_THIS_MODULE);
    if (claimed.has(input.id)) throw badInput(`lessons.${index}.id`, 'is given for two lessons');
    claimed.add(input.id);
  });
  return lessonRows(moduleId, inputs).map((row, index) => {
    const lesson = row as LessonEntity;
    const id = inputs[index].id ?? known.find((candidate) => !claimed.has(candidate.id) && sameContent(candidate, lesson))?.id ?? randomUUID();
    claimed.add(id);
    const questions = lesson.questions && keepQuestionIds(lesson.questions, questionsOf(known, id));
    return { ...lesson, id, questions };
  });
}

/** The questions `known` holds for lesson `id` (published and pending alike), once each. */
const questionsOf = (known: readonly LessonEntity[], id: string) => [
  ...new Map(known.filter((candidate) => candidate.id === id).flatMap((candidate) => candidate.questions ?? []).map((question) => [question.id, question])).values(),
];
