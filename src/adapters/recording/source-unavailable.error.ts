import { DomainError } from '../../domain/errors/domain-error.js';

/** An outside source could not deliver a body: HTTP error status, timeout, network or TLS failure. */
export class SourceUnavailable extends DomainError {
  readonly code = 'SOURCE_UNAVAILABLE';

  constructor(
    readonly source: string,
    readonly reason: string,
    /** HTTP status of the last answer, when there was one. */
    readonly status?: number,
    readonly attempts = 1,
  ) {
    super(`${source} unavailable: ${reason}${attempts > 1 ? ` (after ${attempts} attempts)` : ''}`);
  }
}
