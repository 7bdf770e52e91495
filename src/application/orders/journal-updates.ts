import type { BrokerOrder } from '../../domain/orders/broker-order.js';
import type { JournalEntry } from '../../domain/orders/journal-entry.js';
import type { OrderJournal } from '../../domain/ports/repository.port.js';
import type { EpochMs } from '../../domain/values/time.js';

/**
 * Writes what the broker says about an order into its journal entry. The filled quantity never goes down:
 * the journal may already count fills the broker's order snapshot has not caught up with.
 */
export function journalBrokerOrder(journal: OrderJournal, order: BrokerOrder, at: EpochMs): JournalEntry | undefined {
  const entry = journal.get(order.clientOrderId);
  if (entry === undefined) return undefined;
  return journal.update(
    order.clientOrderId,
    {
      state: order.status,
      brokerOrderId: order.brokerOrderId,
      filledQuantity: Math.max(entry.filledQuantity, order.filledQuantity),
      ...(order.rejectReason === undefined ? {} : { lastError: order.rejectReason }),
    },
    at,
  );
}
