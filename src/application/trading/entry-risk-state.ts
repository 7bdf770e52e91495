import type { AsxSymbol } from '../../domain/values/instrument.js';
import type { ClientOrderId } from '../../domain/orders/client-order-id.js';
import type { JournalEntry } from '../../domain/orders/journal-entry.js';
import type { Repository } from '../../domain/ports/repository.port.js';
import type { EntryRiskState } from '../../domain/risk/entry-risk-check.js';
import type { Money } from '../../domain/values/money.js';
import type { LocalDate } from '../../domain/values/time.js';
import { liveOrders } from '../orders/live-orders.js';
import { isWithin, sydneyDayBounds } from '../shared/sydney-day.js';

/**
 * Today's entry orders that may still trade. Entries are DAY orders, so one from an earlier day cannot
 * be live whatever the journal last heard.
 */
export function liveEntriesOf(repository: Repository, today: LocalDate): JournalEntry[] {
  const bounds = sydneyDayBounds(today);
  return liveOrders(
    repository.journal,
    (entry) => entry.intent.purpose === 'entry' && isWithin(entry.createdAt, bounds),
  );
}

export function heldSymbols(repository: Repository): ReadonlySet<AsxSymbol> {
  return new Set(repository.positions.withStatus(['open', 'half_exited']).map((p) => p.instrument.symbol));
}

/**
 * What the entry risk check needs to know right now. `resuming` leaves out the entry being retried itself,
 * so that looking up its own unresolved order is not refused as a duplicate.
 */
export function entryRiskState(
  repository: Repository,
  today: LocalDate,
  dayPnl: Money,
  ordersInLastMinute: number,
  resuming?: ClientOrderId,
): EntryRiskState {
  const openPositions = repository.positions.withStatus(['open', 'half_exited']).length;
  const live = liveEntriesOf(repository, today).filter((entry) => entry.clientOrderId !== resuming);
  // A partly filled entry is already counted as an open position.
  const inFlight = live.filter((entry) => repository.positions.get(entry.clientOrderId) === undefined);
  return {
    openPositions,
    entriesInFlight: inFlight.length,
    symbolsWithLiveEntry: new Set(live.map((entry) => entry.intent.instrument.symbol)),
    dayPnl,
    ordersInLastMinute,
  };
}
