import { DomainError } from './domain-error.js';

/** A value object was asked to hold something it cannot represent (off-tick price, negative quantity, ...). */
export class InvalidValue extends DomainError {
  readonly code = 'INVALID_VALUE';

  constructor(
    readonly kind: string,
    readonly value: unknown,
    readonly why: string,
  ) {
    super(`invalid ${kind} ${JSON.stringify(value)}: ${why}`);
  }
}
