import { EntityManager } from 'typeorm';
import { isCurator, Viewer } from '../auth/viewer';
import { DomainError, ErrorCode, forbidden, notFound } from '../common/domain-error';
import { isUuid } from '../common/uuid';
import { ModuleEntity } from './module.entity';
import { ModuleStatus } from './module-status';

export { isUuid };

/** PUBLISHED modules are public; any status is visible to its owner and to curators. */
export function canSee(viewer: Viewer | null, module: Pick<ModuleEntity, 'status' | 'contributorId'>): boolean {
  return module.status === ModuleStatus.PUBLISHED || isOwnerOrCurator(viewer, module);
}

/**
 * How a module reached through a relation (Enrollment.module, Review.module,
 * Report.module) looks to `viewer`: whole when they may see it (PUBLISHED,
 * theirs, or a curator's view); otherwise only what curators last approved of
 * its text, the approved title, with no summary, description, skills or
 * lessons (see Module.lessons), so nothing an owner writes after a take-down
 * reaches learners or reporters. Such relations are non-null in the contract,
 * so the module is shown withheld rather than refused.
 */
export function moduleAsSeenBy(viewer: Viewer | null, module: ModuleEntity): ModuleEntity {
  if (canSee(viewer, module)) return module;
  return { ...module, title: module.approvedTitle ?? '', summary: '', description: '', skills: [] };
}

export function isOwnerOrCurator(viewer: Viewer | null, module: Pick<ModuleEntity, 'contributorId'>): boolean {
  return !!viewer && (viewer.id === module.contributorId || isCurator(viewer));
}

/** CONFLICT on a stale expectedVersion: someone changed the module since the caller read it (pages tell it from other conflicts). */
export class StaleVersionError extends DomainError {
  constructor(current: number, expected: number) {
    super(ErrorCode.CONFLICT, `The module is at version ${current}, not ${expected}; reload it and try again`);
  }
}

export function staleVersion(current: number, expected: number) {
  return new StaleVersionError(current, expected);
}

/** Reads a module with a row lock for the rest of the transaction; NOT_FOUND if there is none. */
export async function lockModule(manager: EntityManager, id: string): Promise<ModuleEntity> {
  const module = isUuid(id) ? await manager.findOne(ModuleEntity, { where: { id }, lock: { mode: 'pessimistic_write' } }) : null;
  if (!module) throw notFound('Module');
  return module;
}

/**
 * Locks a module the caller owns. Someone else's module is FORBIDDEN when
 * the caller can see it, NOT_FOUND when they cannot (no existence leak).
 */
export async function lockOwnedModule(manager: EntityManager, viewer: Viewer, id: string): Promise<ModuleEntity> {
  const module = await lockModule(manager, id);
  checkOwner(viewer, module);
  return module;
}

/** The owner-only rule: someone else's module is FORBIDDEN when the caller can see it, NOT_FOUND when they cannot. */
export function checkOwner(viewer: Viewer, module: ModuleEntity): void {
  if (module.contributorId !== viewer.id) {
    throw canSee(viewer, module) ? forbidden('Only the owner may change this module') : notFound('Module');
  }
}

/** A module the caller owns, read without a lock (for showing it); the same refusals as lockOwnedModule. */
export async function findOwnedModule(manager: EntityManager, viewer: Viewer, id: string): Promise<ModuleEntity> {
  const module = isUuid(id) ? await manager.findOneBy(ModuleEntity, { id }) : null;
  if (!module) throw notFound('Module');
  checkOwner(viewer, module);
  return module;
}
