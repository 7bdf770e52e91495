import { DomainError } from './domain-error.js';

/**
 * The broker refused or could not carry out a request. `retryable` is true only when repeating the
 * same request cannot create a second order (reads, or writes already proven not to have happened).
 */
export class BrokerError extends DomainError {
  readonly code = 'BROKER_ERROR';

  constructor(
    readonly operation: string,
    readonly reason: string,
    readonly retryable = false,
  ) {
    super(`${operation} failed: ${reason}`);
  }
}
