import { mkdirSync } from 'node:fs';
import type { Bar, BarSize } from '../../../domain/market/bar.js';
import type { AsxSymbol } from '../../../domain/values/instrument.js';
import type { LocalDate } from '../../../domain/values/time.js';
import { barAt, type BarColumns } from './bar-columns.js';
import { BarStoreError } from './bar-store.error.js';
import { BarWriter, type BarWriterOptions } from './bar-writer.js';
import { dailySeries, type DailyBars } from './daily-series.js';
import { dayKeyOf } from './day-key.js';
import { PartitionReader } from './partition-reader.js';
import { storedDays, type StoredDay } from './stored-days.js';
import { StoreIndex } from './store-index.js';

export interface BarStoreOptions {
  /** Memory for loaded bar files, least recently used dropped first (default 512 MiB). */
  readonly cacheBytes?: number;
}

export interface SeriesRange {
  readonly first: LocalDate;
  readonly last: LocalDate;
  readonly bars: number;
}

const DEFAULT_CACHE_BYTES = 512 * 1024 * 1024;

/**
 * Historical bars on disk for backtests: `<root>/1min/<SYMBOL>/<YYYY-MM>.bars`, `<root>/1d/<SYMBOL>/<YYYY>.bars`
 * (see bar-file.ts) and `<root>/index.json`. Reads hand out typed-array views; writes go through a BarWriter,
 * which commits atomically per file. One writer at a time per store.
 */
export class BarStore {
  private index: StoreIndex;
  private readonly reader: PartitionReader;

  private constructor(
    readonly root: string,
    options: BarStoreOptions,
  ) {
    this.index = StoreIndex.load(root);
    this.reader = new PartitionReader(root, () => this.index, options.cacheBytes ?? DEFAULT_CACHE_BYTES);
  }

  /** Opens the store in `root`, creating an empty one if the directory holds none. */
  static open(root: string, options: BarStoreOptions = {}): BarStore {
    mkdirSync(root, { recursive: true });
    return new BarStore(root, options);
  }

  symbols(size: BarSize): AsxSymbol[] {
    return this.index.symbols(size);
  }

  /** First and last date and bar count of a series, or undefined when none is stored. */
  range(size: BarSize, symbol: AsxSymbol): SeriesRange | undefined {
    const summaries = this.index.periods(size, symbol).flatMap((period) => {
      const summary = this.index.summary({ size, symbol, period });
      return summary === undefined ? [] : [summary];
    });
    const first = summaries[0];
    const last = summaries[summaries.length - 1];
    if (first === undefined || last === undefined) return undefined;
    return { first: first.first, last: last.last, bars: summaries.reduce((n, s) => n + s.bars, 0) };
  }

  writer(options: BarWriterOptions = {}): BarWriter {
    return new BarWriter(
      this.root,
      (partitions, index) => {
        this.index = index;
        for (const partition of partitions) this.reader.forget(partition);
      },
      options,
    );
  }

  /** Minute bars of one instrument on one date, in time order (views; empty when there are none). */
  minuteBars(symbol: AsxSymbol, date: LocalDate): BarColumns {
    return this.reader.dayBars('1min', symbol, dayKeyOf(date));
  }

  /** Daily bars from `from` to `to` inclusive, stored or derived from minute bars (see daily-series.ts). */
  dailyBars(symbol: AsxSymbol, from: LocalDate, to: LocalDate): DailyBars {
    this.requireOrder(from, to);
    return dailySeries(this.reader, symbol, from, to);
  }

  /** The daily bar of one date, stored or derived from minute bars. */
  dailyBar(symbol: AsxSymbol, date: LocalDate): Bar | undefined {
    const bars = this.dailyBars(symbol, date, date);
    return bars.length > 0 ? barAt(bars, 0) : undefined;
  }

  /** The dates with any stored bars from `from` to `to`, each with its instruments (see stored-days.ts). */
  days(from: LocalDate, to: LocalDate): Generator<StoredDay> {
    this.requireOrder(from, to);
    return storedDays(this.reader, this.index, from, to);
  }

  private requireOrder(from: LocalDate, to: LocalDate): void {
    if (to < from) throw new BarStoreError(this.root, `date range ${from} to ${to} ends before it starts`);
  }
}
