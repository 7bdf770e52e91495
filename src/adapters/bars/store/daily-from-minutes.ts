import type { Bar } from '../../../domain/market/bar.js';
import type { Price } from '../../../domain/values/price.js';
import type { BarColumns } from './bar-columns.js';

/**
 * The daily bar a day of minute bars adds up to: first open, highest high, lowest low, last close, total
 * volume, starting when the first minute bar starts. Undefined for a day without bars.
 */
export function dailyBarFromMinutes(minutes: BarColumns): Bar | undefined {
  const n = minutes.length;
  if (n === 0) return undefined;
  let high = minutes.high[0] ?? 0;
  let low = minutes.low[0] ?? 0;
  let volume = 0;
  for (let i = 0; i < n; i += 1) {
    const barHigh = minutes.high[i] ?? 0;
    const barLow = minutes.low[i] ?? 0;
    if (barHigh > high) high = barHigh;
    if (barLow < low) low = barLow;
    volume += minutes.volume[i] ?? 0;
  }
  return {
    start: minutes.start[0] ?? 0,
    open: (minutes.open[0] ?? 0) as Price,
    high: high as Price,
    low: low as Price,
    close: (minutes.close[n - 1] ?? 0) as Price,
    volume,
  };
}
