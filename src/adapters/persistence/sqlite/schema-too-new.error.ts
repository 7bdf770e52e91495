import { DomainError } from '../../../domain/errors/domain-error.js';

/** The database was migrated by a newer Skim; this one would not understand it, so it leaves it alone. */
export class SchemaTooNew extends DomainError {
  readonly code = 'SCHEMA_TOO_NEW';

  constructor(
    readonly path: string,
    readonly found: number,
    readonly supported: number,
  ) {
    super(
      `database ${path} has schema version ${found}, newer than the ${supported} this Skim knows; ` +
        'upgrade Skim (the database was not changed)',
    );
  }
}
