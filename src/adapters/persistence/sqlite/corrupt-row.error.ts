import { DomainError } from '../../../domain/errors/domain-error.js';

/** A stored row that cannot be read back as a domain value: the database was changed outside Skim. */
export class CorruptRow extends DomainError {
  readonly code = 'CORRUPT_ROW';

  constructor(
    readonly table: string,
    readonly key: string,
    readonly column: string,
    readonly why: string,
  ) {
    super(`corrupt row in table ${table} (key ${key}), column ${column}: ${why}`);
  }
}
