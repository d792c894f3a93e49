import { ModuleRevisionModel } from './models/module-revision.model';
import { ModuleRevisionEntity } from './module-revision.entity';

export function toModuleRevisionModel(revision: ModuleRevisionEntity): ModuleRevisionModel {
  return {
    id: revision.id,
    status: revision.status,
    title: revision.title,
    summary: revision.summary,
    description: revision.description,
    categoryId: revision.categoryId,
    skills: revision.skills,
    level: revision.level,
    language: revision.language,
    deliveryMode: revision.deliveryMode,
    priceIdr: revision.priceIdr,
    certificate: revision.certificate,
    lessonRows: revision.lessons,
    storedChecks: revision.moderationChecks,
    submittedAt: revision.submittedAt,
    reviewNote: revision.reviewNote,
  };
}
