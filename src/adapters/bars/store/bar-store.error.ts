import { DomainError } from '../../../domain/errors/domain-error.js';

/** The bar store on disk cannot be used as it is: a damaged file, an unknown version, a bad argument. */
export class BarStoreError extends DomainError {
  readonly code = 'BAR_STORE';

  constructor(
    /** The file or directory at fault. */
    readonly path: string,
    readonly why: string,
  ) {
    super(`bar store ${path}: ${why}`);
  }
}
