import { DomainError, ErrorCode } from '../common/domain-error';
import { ModuleStatus } from '../catalog/module-status';
import { canTransition, ModerationAction, nextRevisionStatus, nextStatus } from './module-status-machine';

const all = Object.values(ModuleStatus);

describe('module status machine', () => {
  it.each([
    [ModerationAction.SUBMIT, ModuleStatus.DRAFT, ModuleStatus.IN_REVIEW],
    [ModerationAction.SUBMIT, ModuleStatus.CHANGES_REQUESTED, ModuleStatus.IN_REVIEW],
    [ModerationAction.SUBMIT, ModuleStatus.UNPUBLISHED, ModuleStatus.IN_REVIEW],
    [ModerationAction.APPROVE, ModuleStatus.IN_REVIEW, ModuleStatus.PUBLISHED],
    [ModerationAction.REQUEST_CHANGES, ModuleStatus.IN_REVIEW, ModuleStatus.CHANGES_REQUESTED],
    [ModerationAction.REJECT, ModuleStatus.IN_REVIEW, ModuleStatus.REJECTED],
    [ModerationAction.UNPUBLISH, ModuleStatus.PUBLISHED, ModuleStatus.UNPUBLISHED],
  ])('%s moves %s to %s', (action, from, to) => {
    expect(nextStatus(action, from)).toBe(to);
  });

  it('archives from every status but ARCHIVED', () => {
    for (const status of all) {
      expect(canTransition(ModerationAction.ARCHIVE, status)).toBe(status !== ModuleStatus.ARCHIVED);
    }
  });

  it('submits only DRAFT, CHANGES_REQUESTED and UNPUBLISHED modules', () => {
    const allowed = all.filter((status) => canTransition(ModerationAction.SUBMIT, status));
    expect(allowed.sort()).toEqual([ModuleStatus.CHANGES_REQUESTED, ModuleStatus.DRAFT, ModuleStatus.UNPUBLISHED].sort());
  });

  it.each([ModerationAction.APPROVE, ModerationAction.REQUEST_CHANGES, ModerationAction.REJECT])('%s needs IN_REVIEW', (action) => {
    for (const status of all.filter((s) => s !== ModuleStatus.IN_REVIEW)) {
      expect(canTransition(action, status)).toBe(false);
    }
  });

  it('refuses an illegal move with CONFLICT', () => {
    let error: unknown;
    try {
      nextStatus(ModerationAction.APPROVE, ModuleStatus.DRAFT);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe(ErrorCode.CONFLICT);
    expect((error as DomainError).message).toBe('Cannot approve a module that is DRAFT');
  });

  it('never moves a module by editing it: a PUBLISHED module stays PUBLISHED while its revision is reviewed', () => {
    for (const status of all) expect(canTransition(ModerationAction.EDIT_PUBLISHED, status)).toBe(false);
  });
});

describe('pending revision status machine', () => {
  it.each([
    [ModerationAction.EDIT_PUBLISHED, ModuleStatus.PUBLISHED, ModuleStatus.IN_REVIEW],
    [ModerationAction.EDIT_PUBLISHED, ModuleStatus.IN_REVIEW, ModuleStatus.IN_REVIEW],
    [ModerationAction.EDIT_PUBLISHED, ModuleStatus.REJECTED, ModuleStatus.IN_REVIEW],
    [ModerationAction.SUBMIT, ModuleStatus.CHANGES_REQUESTED, ModuleStatus.IN_REVIEW],
    [ModerationAction.APPROVE, ModuleStatus.IN_REVIEW, ModuleStatus.PUBLISHED],
    [ModerationAction.REQUEST_CHANGES, ModuleStatus.IN_REVIEW, ModuleStatus.CHANGES_REQUESTED],
    [ModerationAction.REJECT, ModuleStatus.IN_REVIEW, ModuleStatus.REJECTED],
  ])('%s moves a revision from %s to %s', (action, from, to) => {
    expect(nextRevisionStatus(action, from)).toBe(to);
  });

  it.each([
    [ModerationAction.SUBMIT, ModuleStatus.PUBLISHED, 'Cannot submit a PUBLISHED module without a pending revision'],
    [ModerationAction.SUBMIT, ModuleStatus.IN_REVIEW, 'Cannot submit a revision that is IN_REVIEW'],
    [ModerationAction.APPROVE, ModuleStatus.REJECTED, 'Cannot approve a revision that is REJECTED'],
    [ModerationAction.EDIT_PUBLISHED, ModuleStatus.CHANGES_REQUESTED, 'Cannot edit published a revision that is CHANGES_REQUESTED'],
    [ModerationAction.UNPUBLISH, ModuleStatus.IN_REVIEW, 'Cannot unpublish a revision that is IN_REVIEW'],
  ])('refuses %s of a revision in %s with CONFLICT', (action, from, message) => {
    expect(() => nextRevisionStatus(action, from)).toThrow(expect.objectContaining({ code: ErrorCode.CONFLICT, message }));
  });
});
