import { InvalidValue } from '../../../domain/errors/invalid-value.error.js';
import type { Money } from '../../../domain/values/money.js';
import type { LocalDate } from '../../../domain/values/time.js';

/** The account's value (cash plus holdings at the close) at the end of one trading day. */
export interface EquityPoint {
  readonly date: LocalDate;
  readonly equity: Money;
}

/**
 * Ratios divide by equity, so it must stay positive (a cash account cannot go below zero), and the series
 * must run forward one trading day at a time.
 */
export function requireValidEquity(startingCash: Money, equity: readonly EquityPoint[]): void {
  if (startingCash <= 0) throw new InvalidValue('starting cash', startingCash, 'must be positive');
  let previous: LocalDate | undefined;
  for (const point of equity) {
    if (point.equity <= 0) throw new InvalidValue('equity', point, 'must be positive');
    if (previous !== undefined && point.date <= previous) {
      throw new InvalidValue('equity series', point.date, `not after the previous date ${previous}`);
    }
    previous = point.date;
  }
}

/** Equity before each day: the starting cash, then each day's close. `before[i]` is the base of day i. */
export function equityBases(startingCash: Money, equity: readonly EquityPoint[]): number[] {
  return [startingCash, ...equity.map((point) => point.equity)];
}
