import { allowedTypos, isWithinEditDistance } from './edit-distance';

/** Plain dynamic-programming Levenshtein distance, the reference. */
function distance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      rows[i][j] = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
  }
  return rows[a.length][b.length];
}

describe('isWithinEditDistance', () => {
  it.each([
    ['pemasaran', 'pemasran', 1, true],
    ['pemasaran', 'pemsaran', 1, true],
    ['digital', 'digtal', 1, true],
    ['digital', 'dgtal', 1, false],
    ['kewirausahaan', 'kewirusahan', 2, true],
    ['jahit', 'jahit', 0, true],
    ['jahit', 'jahut', 0, false],
    ['usaha', 'usahawan', 2, false],
  ])('%s ~ %s within %i: %s', (a, b, max, expected) => {
    expect(isWithinEditDistance(a, b, max)).toBe(expected);
  });

  it('agrees with the plain distance on many pairs, long words included (its reused rows never leak between calls)', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    const word = (length: number) => Array.from({ length }, () => 'aeiknrst'[Math.floor(random() * 8)]).join('');
    for (let i = 0; i < 2_000; i++) {
      const a = word(1 + Math.floor(random() * (i % 50 === 0 ? 150 : 12)));
      const b = random() < 0.5 ? word(1 + Math.floor(random() * (i % 50 === 0 ? 150 : 12))) : a.slice(1) + 'x';
      for (const max of [0, 1, 2]) expect(isWithinEditDistance(a, b, max)).toBe(distance(a, b) <= max);
    }
  });

  it('allows Meilisearch’s typo budget: none below 5 letters, 1 from 5, 2 from 9', () => {
    expect([allowedTypos('ubi'), allowedTypos('jahit'), allowedTypos('pemasaran')]).toEqual([0, 1, 2]);
  });
});
