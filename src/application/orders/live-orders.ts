import type { JournalEntry, JournalState } from '../../domain/orders/journal-entry.js';
import type { OrderJournal } from '../../domain/ports/repository.port.js';

/** States in which the journal cannot tell whether the broker has the order. */
export const UNRESOLVED_STATES: readonly JournalState[] = ['intent', 'submitting', 'unknown'];

/** States of an order the broker is known to hold and that can still trade. */
export const WORKING_STATES: readonly JournalState[] = ['pending', 'working', 'partially_filled'];

/** Every state in which an order may still trade (or may exist without Skim knowing it). */
export const LIVE_STATES: readonly JournalState[] = [...UNRESOLVED_STATES, ...WORKING_STATES];

export const isUnresolved = (entry: JournalEntry): boolean => UNRESOLVED_STATES.includes(entry.state);
export const isLive = (entry: JournalEntry): boolean => LIVE_STATES.includes(entry.state);

/** Shares the order may still trade. */
export function remainingQuantity(entry: JournalEntry): number {
  return Math.max(0, entry.intent.quantity - entry.filledQuantity);
}

/** Live journal entries that match `wanted`, oldest first. */
export function liveOrders(
  journal: OrderJournal,
  wanted: (entry: JournalEntry) => boolean = () => true,
): JournalEntry[] {
  return journal.inStates(LIVE_STATES).filter(wanted);
}
