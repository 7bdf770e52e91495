import type { BarSize } from '../../domain/market/bar.js';
import type { EpochMs } from '../../domain/values/time.js';

const MINUTE_MS = 60_000;

/**
 * When a bar is complete. A minute bar closes a minute after it starts. A daily bar reaches the
 * simulated exchange only once its session has closed (it is built at `endOfDay()` or published by a
 * daily feed), so it counts as complete from its start.
 */
export function barCompletesAt(size: BarSize, start: EpochMs): EpochMs {
  return size === '1min' ? start + MINUTE_MS : start;
}
