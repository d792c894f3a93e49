import { toQuizQuestionModel } from '../quizzes/quiz.mapper';
import type { CategoryReference } from './category-directory';
import { CategoryModel, LessonModel, ModuleModel } from './models/module.model';
import { LessonEntity } from './lesson.entity';
import { ModuleEntity } from './module.entity';

export function toModuleModel(module: ModuleEntity): ModuleModel {
  return {
    id: module.id,
    slug: module.slug,
    title: module.title,
    summary: module.summary,
    description: module.description,
    categoryId: module.categoryId,
    skills: module.skills,
    level: module.level,
    language: module.language,
    deliveryMode: module.deliveryMode,
    durationMinutes: module.durationMinutes,
    priceIdr: module.priceIdr,
    certificate: module.certificate,
    status: module.status,
    contributorId: module.contributorId,
    ratingAverage: module.ratingCount > 0 ? Math.round((module.ratingSum / module.ratingCount) * 100) / 100 : null,
    ratingCount: module.ratingCount,
    ratingSum: module.ratingSum,
    enrollmentCount: module.enrollmentCount,
    completionCount: module.completionCount,
    publishedAt: module.publishedAt,
    createdAt: module.createdAt,
    updatedAt: module.updatedAt,
    version: module.version,
    storedChecks: module.moderationChecks,
  };
}

/** A lesson as a caller sees it: content (quiz questions too) only when `showContent`, correct options only when `showAnswers` (owner, curators). */
export function toLessonModel(lesson: LessonEntity, showContent: boolean, showAnswers: boolean): LessonModel {
  return {
    id: lesson.id,
    position: lesson.position,
    title: lesson.title,
    kind: lesson.kind,
    durationMinutes: lesson.durationMinutes,
    contentUrl: showContent ? lesson.contentUrl : null,
    body: showContent ? lesson.body : null,
    questions: showContent && lesson.questions ? lesson.questions.map((question) => toQuizQuestionModel(question, showAnswers)) : null,
    passPercent: lesson.passPercent,
  };
}

export function toCategoryModel(category: CategoryReference): CategoryModel {
  return { id: category.id, slug: category.slug, name: category.name };
}
