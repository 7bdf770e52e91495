import { DomainError } from '../../../domain/errors/domain-error.js';

/** One row of a bar file that cannot become a bar; names the file, the line and the field. */
export class BarRowError extends DomainError {
  readonly code = 'BAR_ROW';

  constructor(
    readonly file: string,
    /** 1-based line of the file the row starts on. */
    readonly line: number,
    /** The column or JSON key at fault ("high", "timestamp", "data[3].t"), or "row" for the row as a whole. */
    readonly field: string,
    readonly why: string,
  ) {
    super(`${file}:${line}: ${field}: ${why}`);
  }
}

/** A bar file that cannot be read at all: unknown layout, missing header, broken JSON structure. */
export class BarFileError extends DomainError {
  readonly code = 'BAR_FILE';

  constructor(
    readonly file: string,
    readonly why: string,
    readonly line?: number,
  ) {
    super(`${file}${line === undefined ? '' : `:${line}`}: ${why}`);
  }
}
