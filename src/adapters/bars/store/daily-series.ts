import type { AsxSymbol } from '../../../domain/values/instrument.js';
import type { LocalDate } from '../../../domain/values/time.js';
import type { BarColumns } from './bar-columns.js';
import { ColumnBuilder } from './column-builder.js';
import { dailyBarFromMinutes } from './daily-from-minutes.js';
import { dayKeyOf, type DayKey } from './day-key.js';
import type { PartitionReader } from './partition-reader.js';
import { periodsBetween } from './partition.js';

/** Daily bars of one symbol over a date range; some may have been built from minute bars. */
export interface DailyBars extends BarColumns {
  /** How many of the bars were derived from minute bars because no daily bar was stored for that day. */
  readonly derivedFromMinutes: number;
}

/**
 * Daily bars for `symbol` from `from` to `to` inclusive. A stored daily bar wins; a day with minute bars but
 * no daily bar gets one derived from its minutes, so a store filled only with minute data still answers.
 */
export function dailySeries(reader: PartitionReader, symbol: AsxSymbol, from: LocalDate, to: LocalDate): DailyBars {
  const fromKey = dayKeyOf(from);
  const toKey = dayKeyOf(to);
  const storedKeys = new Set<DayKey>();
  const stored = new ColumnBuilder();
  const storedAt: DayKey[] = [];
  for (const period of periodsBetween('1d', from, to)) {
    const file = reader.file({ size: '1d', symbol, period });
    if (file === undefined) continue;
    file.days.keys.forEach((key, day) => {
      if (key < fromKey || key > toKey) return;
      stored.copyFrom(file.columns, file.days.firsts[day] ?? 0);
      storedAt.push(key);
      storedKeys.add(key);
    });
  }
  const derivedKeys = minuteDays(reader, symbol, from, to).filter((key) => !storedKeys.has(key));
  return interleave(reader, symbol, stored.columns(), storedAt, derivedKeys);
}

function minuteDays(reader: PartitionReader, symbol: AsxSymbol, from: LocalDate, to: LocalDate): DayKey[] {
  const fromKey = dayKeyOf(from);
  const toKey = dayKeyOf(to);
  const keys: DayKey[] = [];
  for (const period of periodsBetween('1min', from, to)) {
    const table = reader.dayTable({ size: '1min', symbol, period });
    if (table === undefined) continue;
    for (const key of table.keys) if (key >= fromKey && key <= toKey) keys.push(key);
  }
  return keys;
}

/** Merges stored daily bars and days to derive, both in date order, into one date-ordered series. */
function interleave(
  reader: PartitionReader,
  symbol: AsxSymbol,
  stored: BarColumns,
  storedAt: readonly DayKey[],
  derivedKeys: readonly DayKey[],
): DailyBars {
  const out = new ColumnBuilder(Math.max(1, stored.length + derivedKeys.length));
  let s = 0;
  let derived = 0;
  for (const key of derivedKeys) {
    while (s < storedAt.length && (storedAt[s] ?? 0) < key) out.copyFrom(stored, s++);
    const bar = dailyBarFromMinutes(reader.dayBars('1min', symbol, key));
    if (bar === undefined) continue;
    out.add(bar);
    derived += 1;
  }
  while (s < storedAt.length) out.copyFrom(stored, s++);
  return { ...out.columns(), derivedFromMinutes: derived };
}
