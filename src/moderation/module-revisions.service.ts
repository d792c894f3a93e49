import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Viewer } from '../auth/viewer';
import { LessonInput } from '../catalog/dto/module.input';
import { LessonEntity } from '../catalog/lesson.entity';
import { planLessons } from '../catalog/lesson-plan';
import { writeLessons } from '../catalog/lesson-store';
import { ModuleEntity } from '../catalog/module.entity';
import { ModuleRevisionEntity } from '../catalog/module-revision.entity';
import { totalDuration } from '../catalog/module-rows';
import { ModuleStatus } from '../catalog/module-status';
import { JobName } from '../queue/jobs';
import { Outbox } from '../queue/outbox';
import { ModerationChecks } from './moderation-checks.service';
import { ModerationAction, nextRevisionStatus, REVISION_EDITED_IN_PLACE } from './module-status-machine';
import { updateVersioned, ModuleWorkflow } from './module-workflow.service';

/** The editable content of a module, as a revision holds it. */
type RevisionContent = Pick<
  ModuleRevisionEntity,
  'title' | 'summary' | 'description' | 'categoryId' | 'skills' | 'level' | 'language' | 'deliveryMode' | 'durationMinutes' | 'priceIdr' | 'certificate' | 'lessons'
>;

const contentOf = (source: Omit<RevisionContent, 'lessons'>, lessons: LessonEntity[]): RevisionContent => ({
  title: source.title,
  summary: source.summary,
  description: source.description,
  categoryId: source.categoryId,
  skills: source.skills,
  level: source.level,
  language: source.language,
  deliveryMode: source.deliveryMode,
  durationMinutes: source.durationMinutes,
  priceIdr: source.priceIdr,
  certificate: source.certificate,
  lessons,
});

/**
 * Edits of PUBLISHED modules, reviewed as a pending revision while the
 * approved content stays public: every move goes through the revision status
 * machine and the module's history (ModuleWorkflow.applyToRevision). Callers
 * pass a module they locked, in their transaction.
 */
@Injectable()
export class ModuleRevisions {
  constructor(
    private readonly workflow: ModuleWorkflow,
    private readonly checks: ModerationChecks,
    private readonly outbox: Outbox,
  ) {}

  /**
   * updateModule on a PUBLISHED module: `changes` (already validated and
   * sanitised) and `lessonInputs` apply to its pending revision, or to a new
   * one copied from the public content. A CHANGES_REQUESTED revision is edited
   * in place (submitModule sends it again); otherwise it goes to review.
   */
  async edit(manager: EntityManager, viewer: Viewer, module: ModuleEntity, changes: Partial<ModuleEntity>, lessonInputs?: LessonInput[] | null): Promise<ModuleEntity> {
    const revision = await lockRevision(manager, module.id);
    const published = await manager.find(LessonEntity, { where: { moduleId: module.id }, order: { position: 'ASC' } });
    const base = revision ? contentOf(revision, revision.lessons) : contentOf(module, published);
    const content: RevisionContent = { ...base, ...pickContent(changes) };
    if (lessonInputs) {
      // Ids of the public lessons and of lessons the revision added are both this module's.
      content.lessons = planLessons(module.id, lessonInputs, [...published, ...(revision?.lessons ?? [])]);
      content.durationMinutes = totalDuration(lessonInputs);
    }
    if (revision && REVISION_EDITED_IN_PLACE.has(revision.status)) {
      await manager.update(ModuleRevisionEntity, { id: revision.id }, content);
      // The index document carries the version, which search hits are checked against.
      await this.outbox.enqueue(manager, JobName.SYNC_MODULE, { moduleId: module.id });
      return updateVersioned(manager, module, { updatedAt: module.updatedAt });
    }
    return this.send(manager, viewer, module, revision?.status ?? ModuleStatus.PUBLISHED, ModerationAction.EDIT_PUBLISHED, content);
  }

  /** submitModule on a PUBLISHED module: sends its CHANGES_REQUESTED revision to review again. */
  async submit(manager: EntityManager, viewer: Viewer, module: ModuleEntity): Promise<ModuleEntity> {
    const revision = await lockRevision(manager, module.id);
    nextRevisionStatus(ModerationAction.SUBMIT, revision?.status ?? ModuleStatus.PUBLISHED);
    return this.send(manager, viewer, module, revision!.status, ModerationAction.SUBMIT, contentOf(revision!, revision!.lessons));
  }

  /**
   * reviewModule on a PUBLISHED module: decides its IN_REVIEW revision.
   * APPROVE makes it the public content (lessons updated in place, so their
   * ids and progress survive); the others keep the public content and the
   * revision, with the curator's note, for its owner.
   */
  async decide(manager: EntityManager, viewer: Viewer, module: ModuleEntity, action: ModerationAction, note: string | null): Promise<ModuleEntity> {
    const revision = await lockRevision(manager, module.id);
    const from = revision?.status ?? ModuleStatus.PUBLISHED;
    const to = nextRevisionStatus(action, from);
    if (to !== ModuleStatus.PUBLISHED) {
      await manager.update(ModuleRevisionEntity, { id: revision!.id }, { status: to, reviewNote: note });
      return (await this.workflow.applyToRevision(manager, module, from, { action, actorId: viewer.id, note })).module;
    }
    const { lessons, ...content } = contentOf(revision!, revision!.lessons);
    await writeLessons(manager, module.id, lessons);
    await manager.delete(ModuleRevisionEntity, { id: revision!.id });
    const changes: Partial<ModuleEntity> = { ...content, moderationChecks: revision!.moderationChecks, submittedAt: revision!.submittedAt };
    return (await this.workflow.applyToRevision(manager, module, from, { action, actorId: viewer.id, note, changes })).module;
  }

  private async send(manager: EntityManager, viewer: Viewer, module: ModuleEntity, from: ModuleStatus, action: ModerationAction, content: RevisionContent): Promise<ModuleEntity> {
    nextRevisionStatus(action, from);
    const moderationChecks = await this.checks.run(manager, { ...module, ...content }, content.lessons);
    await manager.upsert(
      ModuleRevisionEntity,
      { moduleId: module.id, ...content, status: ModuleStatus.IN_REVIEW, moderationChecks, submittedAt: new Date(), reviewNote: null },
      { conflictPaths: ['moduleId'] },
    );
    return (await this.workflow.applyToRevision(manager, module, from, { action, actorId: viewer.id })).module;
  }
}

/** The module's pending revision, locked for the transaction (the module row is locked first by the caller). */
function lockRevision(manager: EntityManager, moduleId: string): Promise<ModuleRevisionEntity | null> {
  return manager.findOne(ModuleRevisionEntity, { where: { moduleId }, lock: { mode: 'pessimistic_write' } });
}

/** The content fields among a module update's changes. */
function pickContent(changes: Partial<ModuleEntity>): Partial<RevisionContent> {
  const keys = ['title', 'summary', 'description', 'categoryId', 'skills', 'level', 'language', 'deliveryMode', 'priceIdr', 'certificate'] as const;
  return Object.fromEntries(keys.filter((key) => changes[key] !== undefined).map((key) => [key, changes[key]]));
}
