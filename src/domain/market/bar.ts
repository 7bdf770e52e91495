import type { Price } from '../values/price.js';
import type { EpochMs } from '../values/time.js';

export type BarSize = '1min' | '1d';

/**
 * One OHLCV bar. `start` is the instant the bar opens; a 1-minute bar is complete at start + 60 s,
 * a daily bar after the session's close. `volume` counts shares.
 */
export interface Bar {
  readonly start: EpochMs;
  readonly open: Price;
  readonly high: Price;
  readonly low: Price;
  readonly close: Price;
  readonly volume: number;
}
