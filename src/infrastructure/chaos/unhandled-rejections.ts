/**
 * Collects the process's unhandled promise rejections while it is listening. A chaos run starts one before
 * the trading code runs and stops it afterwards; the reasons become evidence.
 */
export class UnhandledRejections {
  private readonly seen: string[] = [];

  private readonly listener = (reason: unknown): void => {
    this.seen.push(reason instanceof Error ? `${reason.name}: ${reason.message}` : String(reason));
  };

  start(): this {
    process.on('unhandledRejection', this.listener);
    return this;
  }

  stop(): void {
    process.off('unhandledRejection', this.listener);
  }

  reasons(): readonly string[] {
    return [...this.seen];
  }
}
