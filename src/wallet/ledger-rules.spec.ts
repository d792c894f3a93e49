import { exhausts, isExhausted } from './ledger-rules';

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
});
