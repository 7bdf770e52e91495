import type { Bar } from '../../../domain/market/bar.js';
import type { Price } from '../../../domain/values/price.js';

/**
 * Bars as parallel columns: `start[i]`, `open[i]` ... describe bar i. Prices are integer mills on an ASX tick,
 * `start` is epoch milliseconds and `volume` a share count. Reading a day of minute bars hands out views into
 * the loaded file, so a backtest can walk millions of bars without allocating an object per bar.
 */
export interface BarColumns {
  readonly length: number;
  readonly start: Float64Array;
  readonly volume: Float64Array;
  readonly open: Int32Array;
  readonly high: Int32Array;
  readonly low: Int32Array;
  readonly close: Int32Array;
}

export const EMPTY_COLUMNS: BarColumns = Object.freeze({
  length: 0,
  start: new Float64Array(0),
  volume: new Float64Array(0),
  open: new Int32Array(0),
  high: new Int32Array(0),
  low: new Int32Array(0),
  close: new Int32Array(0),
});

/** Bars `from` (inclusive) to `to` (exclusive) as views sharing the same memory. */
export function sliceColumns(columns: BarColumns, from: number, to: number): BarColumns {
  return {
    length: to - from,
    start: columns.start.subarray(from, to),
    volume: columns.volume.subarray(from, to),
    open: columns.open.subarray(from, to),
    high: columns.high.subarray(from, to),
    low: columns.low.subarray(from, to),
    close: columns.close.subarray(from, to),
  };
}

/** Bar `index` as a domain object, for callers that want one bar rather than the columns. */
export function barAt(columns: BarColumns, index: number): Bar {
  if (!Number.isInteger(index) || index < 0 || index >= columns.length) {
    throw new RangeError(`bar index ${index} outside 0..${columns.length - 1}`);
  }
  return {
    start: columns.start[index] ?? 0,
    open: (columns.open[index] ?? 0) as Price,
    high: (columns.high[index] ?? 0) as Price,
    low: (columns.low[index] ?? 0) as Price,
    close: (columns.close[index] ?? 0) as Price,
    volume: columns.volume[index] ?? 0,
  };
}

/** Every bar as a domain object (allocates; meant for tests, reports and small series). */
export function barsOf(columns: BarColumns): Bar[] {
  return Array.from({ length: columns.length }, (_, index) => barAt(columns, index));
}
