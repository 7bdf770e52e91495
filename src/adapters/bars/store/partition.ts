import { join } from 'node:path';
import type { BarSize } from '../../../domain/market/bar.js';
import type { AsxSymbol } from '../../../domain/values/instrument.js';
import type { LocalDate } from '../../../domain/values/time.js';
import type { DayKey } from './day-key.js';

/**
 * Where a bar lives: one file per instrument per month for minute bars (about 8,000 bars) and per year for
 * daily bars (about 250), so a file is small enough to load whole and a day is a slice of it.
 */
export interface Partition {
  readonly size: BarSize;
  readonly symbol: AsxSymbol;
  /** "2024-03" for minute bars, "2024" for daily bars. */
  readonly period: string;
}

const FILE_EXTENSION = '.bars';

export function periodOfKey(size: BarSize, key: DayKey): string {
  const year = String(Math.floor(key / 10_000));
  if (size === '1d') return year;
  return `${year}-${String(Math.floor(key / 100) % 100).padStart(2, '0')}`;
}

export function periodOfDate(size: BarSize, date: LocalDate): string {
  return size === '1d' ? date.slice(0, 4) : date.slice(0, 7);
}

/** The periods of `size` that [from, to] touches, in order. */
export function periodsBetween(size: BarSize, from: LocalDate, to: LocalDate): string[] {
  const periods: string[] = [];
  let year = Number(from.slice(0, 4));
  let month = Number(from.slice(5, 7));
  const last = periodOfDate(size, to);
  for (;;) {
    const period = size === '1d' ? String(year) : `${year}-${String(month).padStart(2, '0')}`;
    if (period > last) return periods;
    periods.push(period);
    if (size === '1d' || month === 12) {
      year += 1;
      month = 1;
    } else {
      month += 1;
    }
  }
}

export function partitionId(partition: Partition): string {
  return `${partition.size}/${partition.symbol}/${partition.period}`;
}

export function partitionPath(root: string, partition: Partition): string {
  return join(root, partition.size, partition.symbol, `${partition.period}${FILE_EXTENSION}`);
}
