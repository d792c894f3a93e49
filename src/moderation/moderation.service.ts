import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { Viewer } from '../auth/viewer';
import { badInput } from '../common/domain-error';
import { containsMarkup } from '../common/plain-text';
import { findOwnedModule, isOwnerOrCurator, lockModule, lockOwnedModule, staleVersion } from '../catalog/module-access';
import { ModuleEntity, StoredModerationCheck } from '../catalog/module.entity';
import { ModuleRevisionEntity } from '../catalog/module-revision.entity';
import { ModuleStatus } from '../catalog/module-status';
import { checkPageSize, Connection, decodeCursor, toPage } from '../graphql/pagination';
import { ReviewDecision, ReviewModuleInput } from './dto/review-module.input';
import { ModerationChecks } from './moderation-checks.service';
import { ModerationEventEntity } from './moderation-event.entity';
import { ModerationAction } from './module-status-machine';
import { ModuleRevisions } from './module-revisions.service';
import { ModuleWorkflow } from './module-workflow.service';

const ACTION_OF_DECISION: Record<ReviewDecision, ModerationAction> = {
  [ReviewDecision.APPROVE]: ModerationAction.APPROVE,
  [ReviewDecision.REQUEST_CHANGES]: ModerationAction.REQUEST_CHANGES,
  [ReviewDecision.REJECT]: ModerationAction.REJECT,
};

/** Curator moderation: submissions, reviews, take-downs, the queue and the history. */
@Injectable()
export class ModerationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly workflow: ModuleWorkflow,
    private readonly checks: ModerationChecks,
    private readonly revisions: ModuleRevisions,
  ) {}

  /**
   * The owner sends a module to review; the automatic checks run and are kept
   * for the curators. For a PUBLISHED module, its CHANGES_REQUESTED revision.
   */
  async submit(viewer: Viewer, id: string): Promise<ModuleEntity> {
    return this.dataSource.transaction(async (manager) => {
      const module = await lockOwnedModule(manager, viewer, id);
      if (module.status === ModuleStatus.PUBLISHED) return this.revisions.submit(manager, viewer, module);
      const moderationChecks = await this.checks.run(manager, module);
      return this.workflow.apply(manager, module, { action: ModerationAction.SUBMIT, actorId: viewer.id, changes: { moderationChecks } });
    });
  }

  /**
   * The automatic checks submit would run on the owner's saved draft (a
   * PUBLISHED module: its pending revision), without storing anything, so
   * the owner sees the findings before sending it.
   */
  async previewChecks(viewer: Viewer, id: string): Promise<StoredModerationCheck[]> {
    const manager = this.dataSource.manager;
    const module = await findOwnedModule(manager, viewer, id);
    const revision = module.status === ModuleStatus.PUBLISHED ? await manager.findOneBy(ModuleRevisionEntity, { moduleId: module.id }) : null;
    if (!revision) return this.checks.run(manager, module);
    const { title, summary, description, skills } = revision;
    return this.checks.run(manager, { ...module, title, summary, description, skills }, revision.lessons);
  }

  async review(viewer: Viewer, input: ReviewModuleInput): Promise<ModuleEntity> {
    return this.dataSource.transaction(async (manager) => {
      const module = await lockModule(manager, input.moduleId);
      if (module.version !== input.expectedVersion) {
        throw staleVersion(module.version, input.expectedVersion);
      }
      // A PUBLISHED module under review is its pending revision.
      if (module.status === ModuleStatus.PUBLISHED) return this.revisions.decide(manager, viewer, module, ACTION_OF_DECISION[input.decision], input.note ?? null);
      return this.workflow.apply(manager, module, { action: ACTION_OF_DECISION[input.decision], actorId: viewer.id, note: input.note ?? null });
    });
  }

  /** Takes a PUBLISHED module down (a curator's unpublishModule, or a report resolution). */
  async unpublish(viewer: Viewer, moduleId: string, note: string, manager?: EntityManager): Promise<ModuleEntity> {
    const trimmed = note.trim();
    if (trimmed.length === 0 || trimmed.length > 2000) throw badInput('note', 'is required (1 to 2000 characters)');
    if (containsMarkup(trimmed)) throw badInput('note', 'must be plain text, without HTML markup');
    const work = async (tx: EntityManager) => {
      const module = await lockModule(tx, moduleId);
      return this.workflow.apply(tx, module, { action: ModerationAction.UNPUBLISH, actorId: viewer.id, note: trimmed });
    };
    return manager ? work(manager) : this.dataSource.transaction(work);
  }

  /**
   * Modules waiting for curators, oldest submission first. A PUBLISHED module
   * whose pending revision is IN_REVIEW is listed among the IN_REVIEW ones, by
   * the revision's submission.
   */
  async queue(statuses: ModuleStatus[] | null | undefined, first: number | null | undefined, after?: string | null): Promise<Connection<ModuleEntity>> {
    const size = checkPageSize(first);
    const cursor = decodeCursor(after);
    const wanted = statuses?.length ? statuses : [ModuleStatus.IN_REVIEW];
    const query = this.dataSource
      .getRepository(ModuleEntity)
      .createQueryBuilder('m')
      .leftJoin(ModuleRevisionEntity, 'r', `r.module_id = m.id AND r.status = 'IN_REVIEW' AND m.status = 'PUBLISHED' AND :withRevisions`, {
        withRevisions: wanted.includes(ModuleStatus.IN_REVIEW),
      })
      .where('(m.status IN (:...wanted) OR r.id IS NOT NULL)', { wanted });
    const totalCount = await query.getCount();
    const submitted = `date_trunc('milliseconds', coalesce(r.submitted_at, m.submitted_at, m.created_at))`;
    if (cursor) query.andWhere(`(${submitted}, m.id) > (:key::timestamptz, :id)`, { key: cursor.key, id: cursor.id });
    const { entities, raw } = await query.addSelect(submitted, 'queued_at').orderBy(submitted, 'ASC').addOrderBy('m.id', 'ASC').limit(size + 1).getRawAndEntities<{ queued_at: Date }>();
    const queuedAt = new Map(entities.map((module, index) => [module.id, raw[index].queued_at]));
    return { ...toPage(entities, size, (module) => ({ key: queuedAt.get(module.id)!.toISOString(), id: module.id })), totalCount };
  }

  /** Histories of many modules at once (for batched field resolution), oldest event first. */
  async histories(moduleIds: readonly string[]): Promise<ModerationEventEntity[][]> {
    const events = await this.dataSource.getRepository(ModerationEventEntity).find({ where: { moduleId: In([...moduleIds]) }, order: { seq: 'ASC' } });
    const byModule = new Map<string, ModerationEventEntity[]>(moduleIds.map((id) => [id, []]));
    for (const event of events) byModule.get(event.moduleId)?.push(event);
    return moduleIds.map((id) => byModule.get(id) ?? []);
  }

  /** Owner and curators see the automatic-check findings; others an empty list. */
  visibleChecks(viewer: Viewer | null, module: { contributorId: string; storedChecks: StoredModerationCheck[] }): StoredModerationCheck[] {
    return isOwnerOrCurator(viewer, module) ? module.storedChecks : [];
  }
}
