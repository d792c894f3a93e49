import { TurnBudget } from './turn-budget';

function busyFor(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until);
}

describe('TurnBudget', () => {
  it('runs work while the turn’s budget lasts, then lets pending I/O callbacks run before the rest', async () => {
    const budget = new TurnBudget(5);
    const order: string[] = [];
    const tasks = Array.from({ length: 6 }, (_, i) =>
      budget.run(() => {
        busyFor(3);
        order.push(`work ${i}`);
      }),
    );
    // Stands for a database answer that arrives while the work is queued (a later phase of the loop than this turn's).
    setTimeout(() => order.push('io'), 0);
    await Promise.all(tasks);

    // 3 ms each against a 5 ms budget: at most two per turn, in order, and the I/O callback gets in
    // within the first two turns (without the budget all six run at once, before it).
    expect(order.filter((entry) => entry !== 'io')).toEqual(['work 0', 'work 1', 'work 2', 'work 3', 'work 4', 'work 5']);
    expect(order.indexOf('io')).toBeLessThan(order.indexOf('work 4'));
  });

  it('returns the work’s value and passes its error on, and keeps going after one', async () => {
    const budget = new TurnBudget(5);
    await expect(budget.run(() => 42)).resolves.toBe(42);
    await expect(budget.run(() => {
      throw new Error('boom');
    })).rejects.toThrow('boom');
    await expect(budget.run(() => 'next')).resolves.toBe('next');
  });
});
