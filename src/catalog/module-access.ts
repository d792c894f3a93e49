import { EntityManager } from 'typeorm';
import { isCurator, Viewer } from '../auth/viewer';
import { conflict, forbidden, notFound } from '../common/domain-error';
import { isUuid } from '../common/uuid';
import { ModuleEntity } from './module.entity';
import { ModuleStatus } from './module-status';

export { isUuid };

/** PUBLISHED modules are public; any status is visible to its owner and to curators. */
export function canSee(viewer: Viewer | null, module: Pick<ModuleEntity, 'status' | 'contributorId'>): boolean {
  return module.status === ModuleStatus.PUBLISHED || isOwnerOrCurator(viewer, module);
}

export function isOwnerOrCurator(viewer: Viewer | null, module: Pick<ModuleEntity, 'contributorId'>): boolean {
  return !!viewer && (viewer.id === module.contributorId || isCurator(viewer));
}

export function staleVersion(current: number, expected: number) {
  return conflict(`The module is at version ${current}, not ${expected}; reload it and try again`);
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
  if (module.contributorId !== viewer.id) {
    throw canSee(viewer, module) ? forbidden('Only the owner may change this module') : notFound('Module');
  }
  return module;
}
