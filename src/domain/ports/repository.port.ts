import type { Candidate, CandidateStatus } from '../candidate/candidate.js';
import type { ClientOrderId } from '../orders/client-order-id.js';
import type { Fill } from '../orders/fill.js';
import type { JournalEntry, JournalState } from '../orders/journal-entry.js';
import type { Position, PositionStatus } from '../position/position.js';
import type { TrippedKillSwitch } from '../risk/daily-loss.js';
import type { EpochMs, LocalDate } from '../values/time.js';

export interface CandidateStore {
  save(candidate: Candidate): void;
  get(id: string): Candidate | undefined;
  forDate(tradingDate: LocalDate, statuses?: readonly CandidateStatus[]): Candidate[];
}

export interface PositionStore {
  save(position: Position): void;
  get(id: string): Position | undefined;
  withStatus(statuses: readonly PositionStatus[]): Position[];
  /** Positions closed at or after `from` (their last change), by opening time. */
  closedSince(from: EpochMs): Position[];
}

export interface TradeStore {
  /** Records a fill; returns false (and changes nothing) if its execution id is already recorded. */
  record(fill: Fill): boolean;
  has(executionId: string): boolean;
  between(from: EpochMs, to: EpochMs): Fill[];
  forOrder(clientOrderId: ClientOrderId): Fill[];
}

export interface OrderJournal {
  /** Writes a new entry; refuses (returns false) if the client order id is already journalled. */
  open(entry: JournalEntry): boolean;
  update(
    clientOrderId: ClientOrderId,
    changes: Partial<Pick<JournalEntry, 'state' | 'brokerOrderId' | 'filledQuantity' | 'lastError'>>,
    at: EpochMs,
  ): JournalEntry;
  get(clientOrderId: ClientOrderId): JournalEntry | undefined;
  inStates(states: readonly JournalState[]): JournalEntry[];
  all(): JournalEntry[];
}

/** The days the daily-loss kill switch tripped, kept so that a restart does not arm it again. */
export interface KillSwitchStore {
  /** Records the day's trip; a day already recorded keeps its first trip. */
  recordTrip(trip: TrippedKillSwitch): void;
  tripOn(date: LocalDate): TrippedKillSwitch | undefined;
}

/**
 * Skim's memory. Synchronous on purpose: both adapters (SQLite, in-memory) run in-process, and a
 * synchronous `transaction` makes "record the fill and update the position" all-or-nothing.
 */
export interface Repository {
  readonly candidates: CandidateStore;
  readonly positions: PositionStore;
  readonly trades: TradeStore;
  readonly journal: OrderJournal;
  readonly killSwitches: KillSwitchStore;
  transaction<T>(work: () => T): T;
  close(): void;
}
