import type { Bar } from '../../../domain/market/bar.js';
import { sliceColumns, type BarColumns } from './bar-columns.js';

const INITIAL_CAPACITY = 256;

/** Collects bars into growable columns (doubling typed arrays), without an object per bar. */
export class ColumnBuilder {
  private capacity: number;
  private count = 0;
  private start: Float64Array;
  private volume: Float64Array;
  private open: Int32Array;
  private high: Int32Array;
  private low: Int32Array;
  private close: Int32Array;

  constructor(capacity = INITIAL_CAPACITY) {
    this.capacity = Math.max(1, capacity);
    this.start = new Float64Array(this.capacity);
    this.volume = new Float64Array(this.capacity);
    this.open = new Int32Array(this.capacity);
    this.high = new Int32Array(this.capacity);
    this.low = new Int32Array(this.capacity);
    this.close = new Int32Array(this.capacity);
  }

  get length(): number {
    return this.count;
  }

  add(bar: Bar): void {
    this.push(bar.start, bar.open, bar.high, bar.low, bar.close, bar.volume);
  }

  push(start: number, open: number, high: number, low: number, close: number, volume: number): void {
    if (this.count === this.capacity) this.grow();
    const at = this.count;
    this.start[at] = start;
    this.open[at] = open;
    this.high[at] = high;
    this.low[at] = low;
    this.close[at] = close;
    this.volume[at] = volume;
    this.count += 1;
  }

  /** Appends bar `index` of `columns`. */
  copyFrom(columns: BarColumns, index: number): void {
    this.push(
      columns.start[index] ?? 0,
      columns.open[index] ?? 0,
      columns.high[index] ?? 0,
      columns.low[index] ?? 0,
      columns.close[index] ?? 0,
      columns.volume[index] ?? 0,
    );
  }

  /** The bars so far, as views of the builder's arrays (valid until the next push). */
  columns(): BarColumns {
    const { start, volume, open, high, low, close } = this;
    return sliceColumns({ length: this.capacity, start, volume, open, high, low, close }, 0, this.count);
  }

  clear(): void {
    this.count = 0;
  }

  private grow(): void {
    this.capacity *= 2;
    this.start = grown(this.start, new Float64Array(this.capacity));
    this.volume = grown(this.volume, new Float64Array(this.capacity));
    this.open = grown(this.open, new Int32Array(this.capacity));
    this.high = grown(this.high, new Int32Array(this.capacity));
    this.low = grown(this.low, new Int32Array(this.capacity));
    this.close = grown(this.close, new Int32Array(this.capacity));
  }
}

function grown<T extends Float64Array | Int32Array>(old: T, next: T): T {
  next.set(old);
  return next;
}
