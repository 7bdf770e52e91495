/** Lets at most `limit` holders in at once; the others wait in arrival order. */
export class ConcurrencyGate {
  private inside = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly limit: number) {
    if (!Number.isSafeInteger(limit) || limit < 1) throw new RangeError(`invalid concurrency limit ${limit}`);
  }

  enter(): Promise<void> {
    if (this.inside < this.limit) {
      this.inside += 1;
      return Promise.resolve();
    }
    return new Promise<void>((admit) => this.waiting.push(admit));
  }

  /** Hands the place straight to the next waiter, if any. */
  leave(): void {
    const next = this.waiting.shift();
    if (next === undefined) this.inside -= 1;
    else next();
  }
}
