import { InvalidValue } from '../../domain/errors/invalid-value.error.js';
import type { JournalEntry } from '../../domain/orders/journal-entry.js';
import type { OrderJournal } from '../../domain/ports/repository.port.js';
import type { EpochMs } from '../../domain/values/time.js';

export type JournalChanges = Parameters<OrderJournal['update']>[1];

/**
 * The entry's own id and its intent's id are one key in storage; an entry whose two ids differ would
 * come back changed, so both repositories refuse it.
 */
export function assertJournalEntryConsistent(entry: JournalEntry): void {
  if (entry.intent.clientOrderId !== entry.clientOrderId) {
    throw new InvalidValue(
      'journal entry',
      entry.clientOrderId,
      `its intent names client order id ${entry.intent.clientOrderId}`,
    );
  }
}

/**
 * Applies an update to a journal entry. A change given as undefined leaves that field as it is, so an
 * update can never erase a broker order id or an error message by accident.
 */
export function applyJournalChanges(entry: JournalEntry, changes: JournalChanges, at: EpochMs): JournalEntry {
  const brokerOrderId = changes.brokerOrderId ?? entry.brokerOrderId;
  const lastError = changes.lastError ?? entry.lastError;
  return {
    clientOrderId: entry.clientOrderId,
    intent: entry.intent,
    state: changes.state ?? entry.state,
    ...(brokerOrderId === undefined ? {} : { brokerOrderId }),
    filledQuantity: changes.filledQuantity ?? entry.filledQuantity,
    ...(lastError === undefined ? {} : { lastError }),
    createdAt: entry.createdAt,
    updatedAt: at,
  };
}
