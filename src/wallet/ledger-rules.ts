import { LedgerEntryKind } from './ledger-entry.entity';

/** The training credit is exhausted when the balance is below Rp1. */
export const isExhausted = (balanceIdr: number): boolean => balanceIdr < 1;

/** Whether moving from `before` to `after` is the move that exhausts the credit (it happens once per exhaustion). */
export const exhausts = (beforeIdr: number, afterIdr: number): boolean => !isExhausted(beforeIdr) && isExhausted(afterIdr);

export interface EnrollmentCharge {
  kind: LedgerEntryKind.ENROLLMENT_FEE | LedgerEntryKind.FEE_WAIVED;
  /** Signed, as written to the ledger: -1 or 0. */
  amountIdr: number;
}

/** What enrolling in a Rp1 module writes: the Rp1 fee while the balance allows it, otherwise a waiver. */
export function enrollmentCharge(balanceIdr: number): EnrollmentCharge {
  return balanceIdr >= 1 ? { kind: LedgerEntryKind.ENROLLMENT_FEE, amountIdr: -1 } : { kind: LedgerEntryKind.FEE_WAIVED, amountIdr: 0 };
}
