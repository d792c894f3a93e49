import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { conflict } from '../common/domain-error';
import { ModuleEntity } from '../catalog/module.entity';
import { ModuleRevisionEntity } from '../catalog/module-revision.entity';
import { ModuleStatus } from '../catalog/module-status';
import { NotificationKind } from '../notifications/notification-kind';
import { NotifyPayload } from '../notifications/notify-payload';
import { JobName } from '../queue/jobs';
import { Outbox } from '../queue/outbox';
import { ModerationEventEntity } from './moderation-event.entity';
import { ModerationAction, nextRevisionStatus, nextStatus } from './module-status-machine';

/** Decisions the module's owner is told about. */
const OWNER_NOTIFICATION: Partial<Record<ModerationAction, NotifyPayload['kind']>> = {
  [ModerationAction.APPROVE]: NotificationKind.MODULE_APPROVED,
  [ModerationAction.REQUEST_CHANGES]: NotificationKind.CHANGES_REQUESTED,
  [ModerationAction.REJECT]: NotificationKind.MODULE_REJECTED,
  [ModerationAction.UNPUBLISH]: NotificationKind.MODULE_UNPUBLISHED,
};

export interface Transition {
  action: ModerationAction;
  actorId: string;
  note?: string | null;
  /** Other column changes written in the same UPDATE (e.g. the fields of an edit). */
  changes?: Partial<ModuleEntity>;
}

/**
 * Every status change of a module goes through here: the status machine is
 * checked, the version bumped, and the move appended to the history, all in
 * the caller's transaction.
 */
@Injectable()
export class ModuleWorkflow {
  constructor(private readonly outbox: Outbox) {}

  async apply(manager: EntityManager, module: ModuleEntity, transition: Transition): Promise<ModuleEntity> {
    const to = nextStatus(transition.action, module.status);
    const now = new Date();
    const changes: Partial<ModuleEntity> = { ...transition.changes, status: to, updatedAt: now };
    if (to === ModuleStatus.IN_REVIEW) changes.submittedAt = now;
    if (to === ModuleStatus.PUBLISHED) Object.assign(changes, { publishedAt: now, approvedTitle: changes.title ?? module.title });
    const updated = await updateVersioned(manager, module, changes);
    // A pending revision is an edit of the public content: it goes when the module stops being public.
    if (module.status === ModuleStatus.PUBLISHED) await manager.delete(ModuleRevisionEntity, { moduleId: module.id });
    await this.record(manager, module, transition, module.status, to);
    return updated;
  }

  /**
   * A move of a PUBLISHED module's pending revision (`from`: its status,
   * PUBLISHED when there is none); the module stays PUBLISHED. Its version is
   * bumped all the same, so an owner's and a curator's expectedVersion cover
   * the revision too; `updatedAt` moves only when the public content does.
   */
  async applyToRevision(manager: EntityManager, module: ModuleEntity, from: ModuleStatus, transition: Transition): Promise<{ module: ModuleEntity; to: ModuleStatus }> {
    const to = nextRevisionStatus(transition.action, from);
    const changes: Partial<ModuleEntity> = { ...transition.changes, updatedAt: module.updatedAt };
    if (to === ModuleStatus.PUBLISHED) Object.assign(changes, { updatedAt: new Date(), publishedAt: new Date(), approvedTitle: changes.title ?? module.title });
    const updated = await updateVersioned(manager, module, changes);
    // Submissions of a revision are recorded as EDIT_PUBLISHED, whichever call sent it.
    const action = to === ModuleStatus.IN_REVIEW ? ModerationAction.EDIT_PUBLISHED : transition.action;
    await this.record(manager, module, { ...transition, action }, from, to);
    return { module: updated, to };
  }

  /** Appends the move to the history, tells the owner of decisions, and queues the search sync when the public content changes. */
  private async record(manager: EntityManager, module: ModuleEntity, transition: Transition, from: ModuleStatus, to: ModuleStatus): Promise<void> {
    const event = await manager.insert(ModerationEventEntity, {
      moduleId: module.id,
      action: transition.action,
      fromStatus: from,
      toStatus: to,
      note: transition.note ?? null,
      actorId: transition.actorId,
    });
    const kind = OWNER_NOTIFICATION[transition.action];
    if (kind) {
      // One notification per history entry, however often the job runs.
      const dedupeKey = `moderation-event:${event.identifiers[0].id as string}`;
      await this.outbox.enqueue(manager, JobName.NOTIFY, { kind, userId: module.contributorId, moduleIds: [module.id], dedupeKey, note: transition.note ?? null });
    }
    // Entering or leaving PUBLISHED changes what the search index must hold; any move of a PUBLISHED
    // module's revision bumps the version its document carries (and an approval, its content).
    if (module.status === ModuleStatus.PUBLISHED || to === ModuleStatus.PUBLISHED) {
      await this.outbox.enqueue(manager, JobName.SYNC_MODULE, { moduleId: module.id });
    }
  }
}

/**
 * Writes `changes` and bumps the version only if the row still has the
 * version and status that `module` was read with (CONFLICT otherwise).
 */
export async function updateVersioned(manager: EntityManager, module: ModuleEntity, changes: Partial<ModuleEntity>): Promise<ModuleEntity> {
  const result = await manager
    .createQueryBuilder()
    .update(ModuleEntity)
    .set({ ...changes, updatedAt: changes.updatedAt ?? new Date(), version: () => 'version + 1' })
    .where('id = :id AND version = :version AND status = :status', { id: module.id, version: module.version, status: module.status })
    .execute();
  if (result.affected !== 1) throw conflict('The module was changed meanwhile; reload it and try again');
  return manager.findOneByOrFail(ModuleEntity, { id: module.id });
}
