import { seededRandom } from '../bench/search/synthetic-corpus';
import { zipfSampler } from './zipf';

describe('zipfSampler', () => {
  it('draws every index in range, the first most often, in Zipf proportions', () => {
    const draw = zipfSampler(100, seededRandom(7));
    const counts = new Array<number>(100).fill(0);
    for (let i = 0; i < 50_000; i++) counts[draw()] += 1;
    expect(counts.every((count) => count > 0)).toBe(true);
    // Weight 1/rank: rank 1 is drawn about twice as often as rank 2 and ten times as often as rank 10.
    expect(counts[0] / counts[1]).toBeGreaterThan(1.7);
    expect(counts[0] / counts[1]).toBeLessThan(2.3);
    expect(counts[0] / counts[9]).toBeGreaterThan(8);
    expect(counts[0] / counts[9]).toBeLessThan(12);
  });
});
