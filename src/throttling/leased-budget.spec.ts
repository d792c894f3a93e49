import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { LeasedBudget } from './leased-budget';

/** A shared counter of `points` per window, and how often it is asked. */
function counter(points: number, durationSeconds = 60) {
  const limiter = new RateLimiterMemory({ points, duration: durationSeconds });
  const consume = jest.spyOn(limiter, 'consume');
  return { limiter, calls: () => consume.mock.calls.length };
}

/** How many of `attempts` one-point writes the budgets let through, taking turns. */
async function allowed(budgets: LeasedBudget[], attempts: number): Promise<number> {
  let passed = 0;
  for (let i = 0; i < attempts; i++) {
    try {
      await budgets[i % budgets.length].consume('user', 1);
      passed++;
    } catch (refusal) {
      expect(refusal).toBeInstanceOf(RateLimiterRes);
    }
  }
  return passed;
}

describe('LeasedBudget', () => {
  it('refuses exactly where the shared counter alone would, asking it once per lease', async () => {
    const { limiter, calls } = counter(5);
    const budget = new LeasedBudget(limiter, 2);
    expect(await allowed([budget], 8)).toBe(5);
    // Leases of 2, 2, then the 1 point left; each refusal asks again.
    expect(calls()).toBe(3 + 3);
  });

  it('counts a request of several points at once, and tells how long to wait', async () => {
    const { limiter } = counter(5);
    const budget = new LeasedBudget(limiter, 10);
    await budget.consume('user', 3);
    await budget.consume('user', 2);
    const refusal: unknown = await budget.consume('user', 1).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(RateLimiterRes);
    expect((refusal as RateLimiterRes).msBeforeNext).toBeGreaterThan(55_000);
    await expect(budget.consume('other', 5)).resolves.toBeUndefined();
  });

  it('never lets several processes sharing the counter through more than its points', async () => {
    const { limiter } = counter(7);
    const replicas = [new LeasedBudget(limiter, 3), new LeasedBudget(limiter, 3)];
    const passed = await allowed(replicas, 20);
    expect(passed).toBeLessThanOrEqual(7);
    expect(passed).toBeGreaterThanOrEqual(7 - 2);
  });

  it('drops what is left of a lease when its window ends', async () => {
    const { limiter, calls } = counter(2, 1);
    const budget = new LeasedBudget(limiter, 2);
    await budget.consume('user', 1);
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    await budget.consume('user', 1);
    expect(calls()).toBe(2);
  });
});
