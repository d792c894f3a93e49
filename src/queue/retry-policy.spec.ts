import { GIVE_UP_AFTER_MS, MAX_ATTEMPTS, retryDelayMs } from './retry-policy';

describe('retry policy', () => {
  it('waits 0.5 s doubling up to a minute between attempts', () => {
    expect([1, 2, 3, 7, 8, 29].map(retryDelayMs)).toEqual([500, 1_000, 2_000, 32_000, 60_000, 60_000]);
  });

  it('gives up only after an outage of more than 10 minutes (about 23)', () => {
    expect(MAX_ATTEMPTS).toBe(30);
    expect(GIVE_UP_AFTER_MS).toBe(63_500 + 22 * 60_000);
    expect(GIVE_UP_AFTER_MS).toBeGreaterThan(10 * 60_000);
  });
});
