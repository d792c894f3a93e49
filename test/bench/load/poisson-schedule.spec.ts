import { seededRandom } from '../search/synthetic-corpus';
import { poissonSchedule } from './poisson-schedule';

describe('poissonSchedule', () => {
  const rate = 200;
  const seconds = 100;
  const schedule = poissonSchedule(rate, seconds, seededRandom(16));
  const gaps = Array.from(schedule, (at, i) => at - (i === 0 ? 0 : schedule[i - 1]));

  it('sends about rate × seconds requests, in order, inside the run', () => {
    expect(schedule.length).toBeGreaterThan(rate * seconds * 0.97);
    expect(schedule.length).toBeLessThan(rate * seconds * 1.03);
    expect(gaps.every((gap) => gap >= 0)).toBe(true);
    expect(schedule[schedule.length - 1]).toBeLessThan(seconds * 1000);
  });

  it('has exponential gaps: mean = standard deviation = 1/rate, and P(gap > mean) = 1/e', () => {
    const mean = gaps.reduce((a, b) => a + b, 0) / gaps.length;
    const sd = Math.sqrt(gaps.reduce((sum, gap) => sum + (gap - mean) ** 2, 0) / gaps.length);
    expect(mean).toBeCloseTo(1000 / rate, 1);
    expect(sd / mean).toBeGreaterThan(0.95);
    expect(sd / mean).toBeLessThan(1.05);
    const longerThanMean = gaps.filter((gap) => gap > 1000 / rate).length / gaps.length;
    expect(longerThanMean).toBeGreaterThan(Math.exp(-1) - 0.02);
    expect(longerThanMean).toBeLessThan(Math.exp(-1) + 0.02);
  });

  it('has Poisson counts per second: variance ≈ mean (no bursts, no even spacing)', () => {
    const perSecond = new Array<number>(seconds).fill(0);
    for (const at of schedule) perSecond[Math.floor(at / 1000)] += 1;
    const mean = perSecond.reduce((a, b) => a + b, 0) / seconds;
    const variance = perSecond.reduce((sum, count) => sum + (count - mean) ** 2, 0) / seconds;
    expect(variance / mean).toBeGreaterThan(0.6);
    expect(variance / mean).toBeLessThan(1.5);
  });

  it('is the same for the same seed, and refuses a rate or duration that is not positive', () => {
    expect(poissonSchedule(50, 2, seededRandom(1))).toEqual(poissonSchedule(50, 2, seededRandom(1)));
    expect(() => poissonSchedule(0, 5, Math.random)).toThrow(/positive rate/);
    expect(() => poissonSchedule(200, -1, Math.random)).toThrow(/positive rate/);
  });
});
