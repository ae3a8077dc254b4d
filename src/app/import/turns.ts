/**
 * Hands the event loop back to other requests once `budgetMs` of work has gone by since the last turn:
 * a long read never holds the server for more than about that long at a time.
 */
export class Turns {
  private last = performance.now();

  constructor(private readonly budgetMs = 20) {}

  /** Call often (it only reads the clock): waits for the next turn of the event loop when the budget is spent. */
  async maybeYield(): Promise<void> {
    if (performance.now() - this.last < this.budgetMs) return;
    await new Promise<void>((resolve) => setImmediate(resolve));
    this.last = performance.now();
  }
}
