export type LogFileOperation = 'open' | 'write' | 'rotate';

/** The log file could not be opened, written or rotated; the line at hand is lost, later ones are tried again. */
export class LogFileError extends Error {
  constructor(
    readonly path: string,
    readonly operation: LogFileOperation,
    cause: unknown,
  ) {
    super(`log file ${path}: cannot ${operation}: ${cause instanceof Error ? cause.message : String(cause)}`, {
      cause,
    });
    this.name = 'LogFileError';
  }
}
