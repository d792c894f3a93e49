/**
 * Spreads CPU-only work over event-loop turns. Searches on the in-process
 * index never wait on I/O, so fifty of them queued at once would all run in
 * one turn, and a request waiting on I/O (a transaction's next statement)
 * would wait that long for each of its round trips. Here work runs while the
 * turn's budget lasts; the rest waits for the next turn, after pending I/O.
 */
export class TurnBudget {
  private spentMs = 0;
  private turnEndScheduled = false;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly budgetMs: number) {}

  /** Runs `work` (synchronous) now, or in a later turn when this one's budget is spent. */
  async run<T>(work: () => T): Promise<T> {
    if (this.spentMs >= this.budgetMs || this.waiting.length > 0) await new Promise<void>((resolve) => this.waiting.push(resolve));
    const started = performance.now();
    try {
      return work();
    } finally {
      this.spend(performance.now() - started);
    }
  }

  private spend(ms: number): void {
    this.spentMs += ms;
    if (!this.turnEndScheduled) {
      this.turnEndScheduled = true;
      setImmediate(() => this.startTurn());
    }
    if (this.spentMs < this.budgetMs) this.waiting.shift()?.();
  }

  private startTurn(): void {
    this.turnEndScheduled = false;
    this.spentMs = 0;
    this.waiting.shift()?.();
  }
}
