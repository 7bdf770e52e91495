import type { Bar } from '../../../domain/market/bar.js';
import type { AsxSymbol } from '../../../domain/values/instrument.js';
import type { LocalDate } from '../../../domain/values/time.js';
import { barAt, type BarColumns } from './bar-columns.js';
import { dailyBarFromMinutes } from './daily-from-minutes.js';
import { dateOfKey, dayKeyOf, type DayKey } from './day-key.js';
import type { PartitionReader } from './partition-reader.js';
import { periodsBetween } from './partition.js';
import type { StoreIndex } from './store-index.js';

/** One date of stored data, as a backtest walks it: which instruments traded, and their bars. */
export interface StoredDay {
  readonly date: LocalDate;
  /** Instruments with minute bars on this date, in code order. */
  readonly minuteSymbols: readonly AsxSymbol[];
  /** Instruments with a daily bar on this date, stored or derivable from minute bars, in code order. */
  readonly dailySymbols: readonly AsxSymbol[];
  /** The day's minute bars for `symbol` as views into the loaded file (empty when it has none). */
  minuteBars(symbol: AsxSymbol): BarColumns;
  /** The day's daily bar for `symbol`: the stored one, else one derived from its minute bars. */
  dailyBar(symbol: AsxSymbol): Bar | undefined;
}

/**
 * The dates from `from` to `to` on which the store holds any bars, in order. Works a month at a time from the
 * files' day tables, so only the bars the caller asks for are ever loaded.
 */
export function* storedDays(
  reader: PartitionReader,
  index: StoreIndex,
  from: LocalDate,
  to: LocalDate,
): Generator<StoredDay> {
  const fromKey = dayKeyOf(from);
  const toKey = dayKeyOf(to);
  const minuteSymbols = index.symbols('1min');
  const dailySymbols = index.symbols('1d');
  for (const month of periodsBetween('1min', from, to)) {
    const minute = symbolsByDay(reader, '1min', minuteSymbols, month, month);
    const daily = symbolsByDay(reader, '1d', dailySymbols, month.slice(0, 4), month);
    const keys = [...new Set([...minute.keys(), ...daily.keys()])]
      .filter((key) => key >= fromKey && key <= toKey)
      .sort((a, b) => a - b);
    for (const key of keys) {
      const withMinutes = minute.get(key) ?? [];
      const withDaily = [...new Set([...(daily.get(key) ?? []), ...withMinutes])].sort();
      yield storedDay(reader, key, withMinutes, withDaily);
    }
  }
}

function storedDay(
  reader: PartitionReader,
  key: DayKey,
  minuteSymbols: readonly AsxSymbol[],
  dailySymbols: readonly AsxSymbol[],
): StoredDay {
  return {
    date: dateOfKey(key),
    minuteSymbols,
    dailySymbols,
    minuteBars: (symbol) => reader.dayBars('1min', symbol, key),
    dailyBar: (symbol) => {
      const stored = reader.dayBars('1d', symbol, key);
      return stored.length > 0 ? barAt(stored, 0) : dailyBarFromMinutes(reader.dayBars('1min', symbol, key));
    },
  };
}

/** Day -> symbols having bars of `size` that day, for the days of `month` found in each symbol's `period` file. */
function symbolsByDay(
  reader: PartitionReader,
  size: '1min' | '1d',
  symbols: readonly AsxSymbol[],
  period: string,
  month: string,
): Map<DayKey, AsxSymbol[]> {
  const monthKey = Number(month.replace('-', '')) * 100;
  const bySymbol = new Map<DayKey, AsxSymbol[]>();
  for (const symbol of symbols) {
    const table = reader.dayTable({ size, symbol, period });
    if (table === undefined) continue;
    for (const key of table.keys) {
      if (key <= monthKey || key > monthKey + 31) continue;
      const list = bySymbol.get(key);
      if (list === undefined) bySymbol.set(key, [symbol]);
      else list.push(symbol);
    }
  }
  return bySymbol;
}
