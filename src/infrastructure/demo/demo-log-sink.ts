import type { DestinationStream } from 'pino';

/** Level numbers pino writes: 40 is warn, 50 error, 60 fatal. */
const WARN = 40;

interface LogRecord {
  readonly level?: unknown;
  readonly msg?: unknown;
}

/**
 * A pino destination for the demo: everything goes to the log file (handled by the logger), and warnings and
 * errors also reach the narration, so that a refused order or a failing step shows up where the reader is.
 */
export function warningsTo(report: (message: string) => void): DestinationStream {
  return {
    write(line: string): void {
      const record = parse(line);
      if (record === undefined || typeof record.level !== 'number' || record.level < WARN) return;
      report(typeof record.msg === 'string' ? record.msg : line.trim());
    },
  };
}

function parse(line: string): LogRecord | undefined {
  try {
    return JSON.parse(line) as LogRecord;
  } catch {
    return undefined;
  }
}
