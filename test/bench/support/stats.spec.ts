import { median, percentileOfSorted, summarizeLatencies } from './stats';

describe('percentiles (nearest rank)', () => {
  it('takes the sample at rank ⌈p·n⌉ of the sorted samples', () => {
    const sorted = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentileOfSorted(sorted, 0.5)).toBe(50);
    expect(percentileOfSorted(sorted, 0.95)).toBe(95);
    expect(percentileOfSorted(sorted, 0.99)).toBe(99);
    expect(percentileOfSorted(sorted, 1)).toBe(100);
    expect(percentileOfSorted(sorted, 0)).toBe(1);
  });

  it('never reads outside the samples, and has no value without samples', () => {
    expect(percentileOfSorted([7], 0.99)).toBe(7);
    expect(percentileOfSorted([], 0.5)).toBeNaN();
  });

  it('summarises unsorted samples: count, mean, p50/p95/p99 and max', () => {
    const samples = [...Array.from({ length: 98 }, () => 10), 500, 1_000];
    const summary = summarizeLatencies(samples.reverse());
    expect(summary).toEqual({ count: 100, mean: (98 * 10 + 500 + 1_000) / 100, p50: 10, p95: 10, p99: 500, max: 1_000 });
  });

  it('has NaN figures and a zero count without samples', () => {
    const summary = summarizeLatencies([]);
    expect(summary.count).toBe(0);
    expect(summary.mean).toBeNaN();
    expect(summary.max).toBeNaN();
  });

  it('takes the median of an even count as the lower middle sample', () => {
    expect(median([4, 1, 3, 2])).toBe(2);
  });
});
