import type { CandidateStatus } from '../../domain/candidate/candidate.js';
import type { Repository } from '../../domain/ports/repository.port.js';
import type { ExitReason, Position, PositionStatus } from '../../domain/position/position.js';
import type { AsxSymbol } from '../../domain/values/instrument.js';
import { sum, type Money } from '../../domain/values/money.js';
import type { Price } from '../../domain/values/price.js';
import type { Quantity } from '../../domain/values/quantity.js';
import type { EpochMs, LocalDate } from '../../domain/values/time.js';
import { initialCostBasis, realisedPerExit, realisedWithin } from '../shared/realised-pnl.js';
import { isWithin, sydneyDayBounds, type DayBounds } from '../shared/sydney-day.js';

export interface DayEntry {
  readonly symbol: AsxSymbol;
  readonly positionId: string;
  readonly quantity: Quantity;
  /** Average entry price in mills (may lie between ticks). */
  readonly averagePriceMills: number;
  readonly at: EpochMs;
}

export interface DayExit {
  readonly symbol: AsxSymbol;
  readonly positionId: string;
  readonly reason: ExitReason;
  readonly quantity: Quantity;
  readonly price: Price;
  readonly realised: Money;
  readonly at: EpochMs;
}

export interface HeldPosition {
  readonly symbol: AsxSymbol;
  readonly positionId: string;
  readonly status: PositionStatus;
  readonly quantity: Quantity;
  readonly stopPrice: Price;
  readonly entryDate: LocalDate;
}

/** What one trading day did, for the end-of-day report. */
export interface DaySummary {
  readonly date: LocalDate;
  readonly candidates: Readonly<Record<CandidateStatus, number>>;
  readonly entries: readonly DayEntry[];
  readonly exits: readonly DayExit[];
  /** Realised today: the day's exits less the commissions of the day's entries. */
  readonly realisedPnl: Money;
  readonly openPositions: readonly HeldPosition[];
}

/** Reads the day's story back from the repository: it reflects only fills already synced. */
export function summariseDay(repository: Repository, date: LocalDate): DaySummary {
  const bounds = sydneyDayBounds(date);
  const held = repository.positions.withStatus(['open', 'half_exited']);
  const touched = [
    ...held,
    ...repository.positions.withStatus(['closed']).filter((position) => position.updatedAt >= bounds.from),
  ];
  return {
    date,
    candidates: countByStatus(repository, date),
    entries: touched.filter((position) => isWithin(position.openedAt, bounds)).map(entryOf),
    exits: touched.flatMap((position) => exitsWithin(position, bounds)).sort((a, b) => a.at - b.at),
    realisedPnl: sum(touched.map((position) => realisedWithin(position, bounds))),
    openPositions: held.map(heldOf),
  };
}

function countByStatus(repository: Repository, date: LocalDate): Record<CandidateStatus, number> {
  const counts: Record<CandidateStatus, number> = { watching: 0, triggered: 0, entered: 0, expired: 0, rejected: 0 };
  for (const candidate of repository.candidates.forDate(date)) counts[candidate.status] += 1;
  return counts;
}

function entryOf(position: Position): DayEntry {
  return {
    symbol: position.instrument.symbol,
    positionId: position.id,
    quantity: position.initialQuantity,
    averagePriceMills: initialCostBasis(position) / position.initialQuantity,
    at: position.openedAt,
  };
}

function exitsWithin(position: Position, bounds: DayBounds): DayExit[] {
  return realisedPerExit(position)
    .filter(({ exit }) => isWithin(exit.at, bounds))
    .map(({ exit, realised }) => ({
      symbol: position.instrument.symbol,
      positionId: position.id,
      reason: exit.reason,
      quantity: exit.quantity,
      price: exit.price,
      realised,
      at: exit.at,
    }));
}

function heldOf(position: Position): HeldPosition {
  return {
    symbol: position.instrument.symbol,
    positionId: position.id,
    status: position.status,
    quantity: position.quantity,
    stopPrice: position.stopPrice,
    entryDate: position.entryDate,
  };
}
