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

const { DRAFT, IN_REVIEW, CHANGES_REQUESTED, PUBLISHED, REJECTED, UNPUBLISHED, ARCHIVED } = ModuleStatus;

/** The contract's status machine (ModuleStatus in schema.graphql), the only place it is written down. */
const TRANSITIONS: Record<ModerationAction, { from: readonly ModuleStatus[]; to: ModuleStatus }> = {
  [ModerationAction.SUBMIT]: { from: [DRAFT, CHANGES_REQUESTED, UNPUBLISHED], to: IN_REVIEW },
  [ModerationAction.APPROVE]: { from: [IN_REVIEW], to: PUBLISHED },
  [ModerationAction.REQUEST_CHANGES]: { from: [IN_REVIEW], to: CHANGES_REQUESTED },
  [ModerationAction.REJECT]: { from: [IN_REVIEW], to: REJECTED },
  [ModerationAction.UNPUBLISH]: { from: [PUBLISHED], to: UNPUBLISHED },
  [ModerationAction.ARCHIVE]: { from: [DRAFT, IN_REVIEW, CHANGES_REQUESTED, PUBLISHED, REJECTED, UNPUBLISHED], to: ARCHIVED },
  [ModerationAction.EDIT_PUBLISHED]: { from: [PUBLISHED], to: IN_REVIEW },
};

/** Statuses in which the owner may edit a module (contract: not IN_REVIEW or ARCHIVED). */
export const EDITABLE_STATUSES: ReadonlySet<ModuleStatus> = new Set([DRAFT, CHANGES_REQUESTED, PUBLISHED, REJECTED, UNPUBLISHED]);

export function canTransition(action: ModerationAction, from: ModuleStatus): boolean {
  return TRANSITIONS[action].from.includes(from);
}

/** The status `action` moves a module in status `from` to; CONFLICT when the move is illegal. */
export function nextStatus(action: ModerationAction, from: ModuleStatus): ModuleStatus {
  if (!canTransition(action, from)) {
    throw conflict(`Cannot ${action.toLowerCase().replace('_', ' ')} a module that is ${from}`);
  }
  return TRANSITIONS[action].to;
}
