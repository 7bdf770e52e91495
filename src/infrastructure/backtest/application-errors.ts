import { pino, type Logger } from 'pino';

const KEPT = 5;

/**
 * The backtest's logger: a year of trading days logs far too much to keep, so only errors are written, and
 * they are counted here (the first few kept) instead of printed. A step that failed inside a day shows up in
 * the summary rather than silently thinning the results.
 */
export class ApplicationErrors {
  count = 0;
  readonly first: string[] = [];
  readonly logger: Logger;

  constructor() {
    this.logger = pino(
      { level: 'error', base: null, timestamp: false },
      {
        write: (line: string) => {
          this.record(line);
        },
      },
    );
  }

  private record(line: string): void {
    this.count += 1;
    if (this.first.length >= KEPT) return;
    try {
      const parsed = JSON.parse(line) as { msg?: unknown; error?: unknown };
      this.first.push([parsed.msg, parsed.error].filter((part) => typeof part === 'string').join(': '));
    } catch {
      this.first.push(line.trim());
    }
  }
}
