import { storedQuestions } from '../quizzes/quiz-rows';
import { LessonInput, ModuleInput } from './dto/module.input';
import { LessonEntity } from './lesson.entity';
import { storedMarkdown } from './markdown/stored-markdown';
import { ModuleEntity } from './module.entity';
import { ModuleStatus } from './module-status';

/** The columns of a new DRAFT module from a validated ModuleInput (Markdown stored as written, made safe when served). */
export function draftModuleRow(input: ModuleInput, categoryId: string, contributorId: string): Partial<ModuleEntity> {
  return {
    title: input.title,
    summary: input.summary,
    description: storedMarkdown(input.description),
    categoryId,
    skills: normalizeSkills(input.skills),
    level: input.level,
    language: input.language,
    deliveryMode: input.deliveryMode,
    priceIdr: input.priceIdr,
    certificate: input.certificate,
    durationMinutes: totalDuration(input.lessons),
    status: ModuleStatus.DRAFT,
    contributorId,
  };
}

/** Lesson rows of a module, positions from 1, bodies stored as written, quiz questions with new ids. */
export function lessonRows(moduleId: string, lessons: LessonInput[]): Partial<LessonEntity>[] {
  return lessons.map((lesson, index) => ({
    moduleId,
    position: index + 1,
    title: lesson.title,
    kind: lesson.kind,
    durationMinutes: lesson.durationMinutes,
    contentUrl: lesson.contentUrl ?? null,
    body: lesson.body != null ? storedMarkdown(lesson.body) : null,
    ...storedQuestions(lesson),
  }));
}

export const totalDuration = (lessons: LessonInput[]) => lessons.reduce((sum, lesson) => sum + lesson.durationMinutes, 0);

/** Skills are matched and faceted case-insensitively: store them lower-case, once each. */
export const normalizeSkills = (skills: string[]) => [...new Set(skills.map((skill) => skill.toLowerCase()))];
