/**
 * Runs an async task, waits `intervalMs` after it finishes, runs it again, until stopped. Runs never
 * overlap, so a slow gateway slows the polling down instead of piling requests up.
 */
export class RepeatingTask {
  private timer: NodeJS.Timeout | undefined;
  /** Bumped by every start and stop, so a run still in flight from an earlier start schedules nothing. */
  private generation = 0;
  private running = false;

  constructor(
    private readonly intervalMs: number,
    private readonly task: () => Promise<void>,
  ) {}

  get active(): boolean {
    return this.running;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.generation += 1;
    void this.runOnce(this.generation);
  }

  stop(): void {
    this.running = false;
    this.generation += 1;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private async runOnce(generation: number): Promise<void> {
    await this.task();
    if (generation !== this.generation) return;
    this.timer = setTimeout(() => {
      void this.runOnce(generation);
    }, this.intervalMs);
    this.timer.unref();
  }
}
