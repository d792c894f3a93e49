import { LedgerEntryKind } from './ledger-entry.entity';
import { enrollmentCharge, exhausts, isExhausted } from './ledger-rules';

describe('ledger rules', () => {
  it('calls a balance below Rp1 exhausted', () => {
    expect(isExhausted(0)).toBe(true);
    expect(isExhausted(1)).toBe(false);
    expect(isExhausted(1_000_000)).toBe(false);
  });

  it('sees exhaustion only in the move that crosses below Rp1', () => {
    expect(exhausts(100_000, 0)).toBe(true);
    expect(exhausts(1, 0)).toBe(true);
    expect(exhausts(2, 1)).toBe(false);
    expect(exhausts(0, 0)).toBe(false);
  });

  it('charges Rp1 while the balance allows, waives the fee otherwise', () => {
    expect(enrollmentCharge(1)).toEqual({ kind: LedgerEntryKind.ENROLLMENT_FEE, amountIdr: -1 });
    expect(enrollmentCharge(1_000_000)).toEqual({ kind: LedgerEntryKind.ENROLLMENT_FEE, amountIdr: -1 });
    expect(enrollmentCharge(0)).toEqual({ kind: LedgerEntryKind.FEE_WAIVED, amountIdr: 0 });
  });
});
