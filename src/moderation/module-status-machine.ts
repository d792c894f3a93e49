import { conflict } from '../common/domain-error';
import { ModuleStatus } from '../catalog/module-status';

/** Every recorded move of a module's status; the names appear in its history. */
export enum ModerationAction {
  SUBMIT = 'SUBMIT',
  APPROVE = 'APPROVE',
  REQUEST_CHANGES = 'REQUEST_CHANGES',
  REJECT = 'REJECT',
  UNPUBLISH = 'UNPUBLISH',
  ARCHIVE = 'ARCHIVE',
  EDIT_PUBLISHED = 'EDIT_PUBLISHED',
}

const describe = (action: ModerationAction) => action.toLowerCase().replace('_', ' ');

const { DRAFT, IN_REVIEW, CHANGES_REQUESTED, PUBLISHED, REJECTED, UNPUBLISHED, ARCHIVED } = ModuleStatus;

/** The contract's status machine (ModuleStatus in schema.graphql), the only place it is written down. */
const TRANSITIONS: Partial<Record<ModerationAction, { from: readonly ModuleStatus[]; to: ModuleStatus }>> = {
  [ModerationAction.SUBMIT]: { from: [DRAFT, CHANGES_REQUESTED, UNPUBLISHED], to: IN_REVIEW },
  [ModerationAction.APPROVE]: { from: [IN_REVIEW], to: PUBLISHED },
  [ModerationAction.REQUEST_CHANGES]: { from: [IN_REVIEW], to: CHANGES_REQUESTED },
  [ModerationAction.REJECT]: { from: [IN_REVIEW], to: REJECTED },
  [ModerationAction.UNPUBLISH]: { from: [PUBLISHED], to: UNPUBLISHED },
  [ModerationAction.ARCHIVE]: { from: [DRAFT, IN_REVIEW, CHANGES_REQUESTED, PUBLISHED, REJECTED, UNPUBLISHED], to: ARCHIVED },
};

/**
 * The moves of a PUBLISHED module's pending revision, named by the status it
 * has (PUBLISHED while there is none). The module itself stays PUBLISHED.
 * EDIT_PUBLISHED (updateModule) creates or replaces the revision; a
 * CHANGES_REQUESTED one is edited in place and sent again by SUBMIT (both are
 * recorded as EDIT_PUBLISHED); APPROVE makes it the public content.
 */
const REVISION_TRANSITIONS: Partial<Record<ModerationAction, { from: readonly ModuleStatus[]; to: ModuleStatus }>> = {
  [ModerationAction.EDIT_PUBLISHED]: { from: [PUBLISHED, IN_REVIEW, REJECTED], to: IN_REVIEW },
  [ModerationAction.SUBMIT]: { from: [CHANGES_REQUESTED], to: IN_REVIEW },
  [ModerationAction.APPROVE]: { from: [IN_REVIEW], to: PUBLISHED },
  [ModerationAction.REQUEST_CHANGES]: { from: [IN_REVIEW], to: CHANGES_REQUESTED },
  [ModerationAction.REJECT]: { from: [IN_REVIEW], to: REJECTED },
};

/** Revision statuses the owner edits in place, to send them with submitModule (the contract's REQUEST_CHANGES loop). */
export const REVISION_EDITED_IN_PLACE: ReadonlySet<ModuleStatus> = new Set([CHANGES_REQUESTED]);

/** Statuses in which the owner may edit a module (contract: not IN_REVIEW or ARCHIVED). */
export const EDITABLE_STATUSES: ReadonlySet<ModuleStatus> = new Set([DRAFT, CHANGES_REQUESTED, PUBLISHED, REJECTED, UNPUBLISHED]);

export function canTransition(action: ModerationAction, from: ModuleStatus): boolean {
  return TRANSITIONS[action]?.from.includes(from) ?? false;
}

/** The status `action` moves a module in status `from` to; CONFLICT when the move is illegal. */
export function nextStatus(action: ModerationAction, from: ModuleStatus): ModuleStatus {
  if (!canTransition(action, from)) {
    throw conflict(`Cannot ${describe(action)} a module that is ${from}`);
  }
  return TRANSITIONS[action]!.to;
}

/** The status `action` moves a pending revision in status `from` (PUBLISHED: none yet) to; CONFLICT when illegal. */
export function nextRevisionStatus(action: ModerationAction, from: ModuleStatus): ModuleStatus {
  const move = REVISION_TRANSITIONS[action];
  if (!move?.from.includes(from)) {
    throw conflict(from === PUBLISHED ? `Cannot ${describe(action)} a PUBLISHED module without a pending revision` : `Cannot ${describe(action)} a revision that is ${from}`);
  }
  return move.to;
}
