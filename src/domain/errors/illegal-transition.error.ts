import { DomainError } from './domain-error.js';

/** A state machine was asked for a move its lifecycle does not allow. */
export class IllegalTransition extends DomainError {
  readonly code = 'ILLEGAL_TRANSITION';

  constructor(
    readonly entity: string,
    readonly id: string,
    readonly from: string,
    readonly to: string,
  ) {
    super(`${entity} ${id} cannot go from ${from} to ${to}`);
  }
}
