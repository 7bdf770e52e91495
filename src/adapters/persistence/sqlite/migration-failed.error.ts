import { DomainError } from '../../../domain/errors/domain-error.js';

/** A migration could not be applied; its transaction was rolled back, so the schema stays at the version before it. */
export class MigrationFailed extends DomainError {
  readonly code = 'MIGRATION_FAILED';

  constructor(
    readonly path: string,
    readonly version: number,
    readonly reason: string,
  ) {
    super(`migration ${version} of database ${path} failed and was rolled back: ${reason}`);
  }
}
