import { DomainError } from '../../domain/errors/domain-error.js';

/** An order journal update named a client order id that was never journalled. */
export class JournalEntryNotFound extends DomainError {
  readonly code = 'JOURNAL_ENTRY_NOT_FOUND';

  constructor(readonly clientOrderId: string) {
    super(`order journal has no entry for client order id ${clientOrderId}`);
  }
}
