import type { Candidate, CandidateStatus } from '../../../domain/candidate/candidate.js';
import type { ClientOrderId } from '../../../domain/orders/client-order-id.js';
import type { Fill } from '../../../domain/orders/fill.js';
import type { JournalEntry, JournalState } from '../../../domain/orders/journal-entry.js';
import type {
  CandidateStore,
  KillSwitchStore,
  OrderJournal,
  PositionStore,
  Repository,
  TradeStore,
} from '../../../domain/ports/repository.port.js';
import type { Position, PositionStatus } from '../../../domain/position/position.js';
import type { TrippedKillSwitch } from '../../../domain/risk/daily-loss.js';
import type { EpochMs, LocalDate } from '../../../domain/values/time.js';
import { applyJournalChanges, assertJournalEntryConsistent, type JournalChanges } from '../journal-entries.js';
import { JournalEntryNotFound } from '../journal-entry-not-found.error.js';
import { byCandidateId, byCreationTime, byFillTime, byOpeningTime } from '../listing-order.js';
import { runSynchronously } from '../synchronous-work.js';
import { MemoryTable } from './memory-table.js';

class MemoryCandidateStore implements CandidateStore {
  constructor(private readonly table: MemoryTable<Candidate>) {}

  save(candidate: Candidate): void {
    this.table.set(candidate.id, candidate);
  }

  get(id: string): Candidate | undefined {
    return this.table.get(id);
  }

  forDate(tradingDate: LocalDate, statuses?: readonly CandidateStatus[]): Candidate[] {
    return this.table.select(
      (c) => c.tradingDate === tradingDate && (statuses === undefined || statuses.includes(c.status)),
      byCandidateId,
    );
  }
}

class MemoryPositionStore implements PositionStore {
  constructor(private readonly table: MemoryTable<Position>) {}

  save(position: Position): void {
    this.table.set(position.id, position);
  }

  get(id: string): Position | undefined {
    return this.table.get(id);
  }

  withStatus(statuses: readonly PositionStatus[]): Position[] {
    return this.table.select((p) => statuses.includes(p.status), byOpeningTime);
  }

  closedSince(from: EpochMs): Position[] {
    return this.table.select((p) => p.status === 'closed' && p.updatedAt >= from, byOpeningTime);
  }
}

class MemoryTradeStore implements TradeStore {
  constructor(private readonly table: MemoryTable<Fill>) {}

  record(fill: Fill): boolean {
    if (this.table.has(fill.executionId)) return false;
    this.table.set(fill.executionId, fill);
    return true;
  }

  has(executionId: string): boolean {
    return this.table.has(executionId);
  }

  /** Fills from `from` up to, but not including, `to`. */
  between(from: EpochMs, to: EpochMs): Fill[] {
    return this.table.select((f) => f.at >= from && f.at < to, byFillTime);
  }

  forOrder(clientOrderId: ClientOrderId): Fill[] {
    return this.table.select((f) => f.clientOrderId === clientOrderId, byFillTime);
  }
}

class MemoryOrderJournal implements OrderJournal {
  constructor(private readonly table: MemoryTable<JournalEntry>) {}

  open(entry: JournalEntry): boolean {
    assertJournalEntryConsistent(entry);
    if (this.table.has(entry.clientOrderId)) return false;
    this.table.set(entry.clientOrderId, entry);
    return true;
  }

  update(clientOrderId: ClientOrderId, changes: JournalChanges, at: EpochMs): JournalEntry {
    const current = this.table.get(clientOrderId);
    if (current === undefined) throw new JournalEntryNotFound(clientOrderId);
    const updated = applyJournalChanges(current, changes, at);
    this.table.set(clientOrderId, updated);
    return structuredClone(updated);
  }

  get(clientOrderId: ClientOrderId): JournalEntry | undefined {
    return this.table.get(clientOrderId);
  }

  inStates(states: readonly JournalState[]): JournalEntry[] {
    return this.table.select((e) => states.includes(e.state), byCreationTime);
  }

  all(): JournalEntry[] {
    return this.table.select(() => true, byCreationTime);
  }
}

class MemoryKillSwitchStore implements KillSwitchStore {
  constructor(private readonly table: MemoryTable<TrippedKillSwitch>) {}

  recordTrip(trip: TrippedKillSwitch): void {
    if (!this.table.has(trip.date)) this.table.set(trip.date, trip);
  }

  tripOn(date: LocalDate): TrippedKillSwitch | undefined {
    return this.table.get(date);
  }
}

/** The repository held in memory, for tests, backtests and dry runs that need no file. */
export class MemoryRepository implements Repository {
  readonly candidates: CandidateStore;
  readonly positions: PositionStore;
  readonly trades: TradeStore;
  readonly journal: OrderJournal;
  readonly killSwitches: KillSwitchStore;
  private readonly tables: readonly Pick<MemoryTable<unknown>, 'checkpoint'>[];

  constructor() {
    const candidates = new MemoryTable<Candidate>();
    const positions = new MemoryTable<Position>();
    const trades = new MemoryTable<Fill>();
    const journal = new MemoryTable<JournalEntry>();
    const killSwitches = new MemoryTable<TrippedKillSwitch>();
    this.candidates = new MemoryCandidateStore(candidates);
    this.positions = new MemoryPositionStore(positions);
    this.trades = new MemoryTradeStore(trades);
    this.journal = new MemoryOrderJournal(journal);
    this.killSwitches = new MemoryKillSwitchStore(killSwitches);
    this.tables = [candidates, positions, trades, journal, killSwitches];
  }

  /** Rolls every table back to where it stood when `work` began if `work` throws; nesting rolls back one level. */
  transaction<T>(work: () => T): T {
    const checkpoints = this.tables.map((table) => table.checkpoint());
    let result: T;
    try {
      result = runSynchronously(work);
    } catch (error) {
      for (const checkpoint of checkpoints.reverse()) checkpoint.rollback();
      throw error;
    }
    for (const checkpoint of checkpoints.reverse()) checkpoint.release();
    return result;
  }

  close(): void {
    // Nothing to release: the data lives and dies with this object.
  }
}
