import { hitAt, mean, ndcgAt, reciprocalRank } from './metrics';

describe('relevance metrics', () => {
  const relevant = new Set(['b', 'x']);
  it('hit@k counts a relevant result within the first k only', () => {
    expect(hitAt(2, ['a', 'b', 'c'], relevant)).toBe(1);
    expect(hitAt(1, ['a', 'b', 'c'], relevant)).toBe(0);
  });
  it('reciprocal rank is 1 / the rank of the first relevant result, 0 without one', () => {
    expect(reciprocalRank(['a', 'b'], relevant)).toBe(0.5);
    expect(reciprocalRank(['a', 'c'], relevant)).toBe(0);
  });
  it('nDCG is 1 for an ideal ranking and lower when relevant results come later', () => {
    expect(ndcgAt(10, ['x', 'b', 'a'], relevant)).toBeCloseTo(1);
    expect(ndcgAt(10, ['a', 'x', 'b'], relevant)).toBeCloseTo((1 / Math.log2(3) + 1 / Math.log2(4)) / (1 + 1 / Math.log2(3)));
    expect(ndcgAt(10, [], relevant)).toBe(0);
  });
  it('mean of nothing is 0', () => {
    expect(mean([])).toBe(0);
    expect(mean([1, 0])).toBe(0.5);
  });
});
