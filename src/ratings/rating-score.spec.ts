import { confidenceRating } from './rating-score';

describe('confidenceRating', () => {
  it('is null while unrated', () => {
    expect(confidenceRating(0, 0, 4.1)).toBeNull();
  });

  it('ranks one 5-star rating below a hundred 4.8s', () => {
    const one = confidenceRating(5, 1, 4)!;
    const hundred = confidenceRating(480, 100, 4)!;
    expect(one).toBeCloseTo((10 * 4 + 5) / 11, 10);
    expect(hundred).toBeCloseTo((10 * 4 + 480) / 110, 10);
    expect(hundred).toBeGreaterThan(one);
  });

  it('keeps the own average while no mean exists', () => {
    expect(confidenceRating(9, 2, null)).toBe(4.5);
  });
});
