import type { Money } from '../../../domain/values/money.js';
import type { EquityPoint } from './equity-point.js';

export interface MonthlyReturn {
  /** "YYYY-MM". */
  readonly month: string;
  readonly return: number;
}

export interface YearReturns {
  readonly year: number;
  /** January to December; null for a month outside the series. */
  readonly months: readonly (number | null)[];
  readonly total: number;
}

export interface MonthlyReturns {
  readonly months: readonly MonthlyReturn[];
  readonly years: readonly YearReturns[];
}

/**
 * Each month's return from the last close of the month before (the starting cash for the first month) to
 * its own last close; each year's likewise. Months the series does not cover are left out.
 */
export function monthlyReturns(startingCash: Money, equity: readonly EquityPoint[]): MonthlyReturns {
  const months = periodReturns(startingCash, equity, 7).map(([month, value]) => ({ month, return: value }));
  const years = periodReturns(startingCash, equity, 4).map(([year, total]) => {
    const row: (number | null)[] = Array.from({ length: 12 }, () => null);
    for (const month of months) {
      if (month.month.startsWith(`${year}-`)) row[Number(month.month.slice(5, 7)) - 1] = month.return;
    }
    return { year: Number(year), months: row, total };
  });
  return { months, years };
}

/** [period, return] for periods named by the first `length` characters of the date, in order. */
function periodReturns(startingCash: Money, equity: readonly EquityPoint[], length: number): [string, number][] {
  const closes = new Map<string, number>();
  for (const point of equity) closes.set(point.date.slice(0, length), point.equity);
  let base: number = startingCash;
  return [...closes].map(([period, close]) => {
    const value = (close - base) / base;
    base = close;
    return [period, value];
  });
}
