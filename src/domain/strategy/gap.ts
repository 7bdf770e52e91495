import { numberToMills } from '../values/decimal.js';
import type { Price } from '../values/price.js';

/**
 * Gap at the open in percent: (official open - previous close) / previous close x 100. For display and
 * records only; whether a gap passes the filter is decided exactly by `passesGapFilter`.
 */
export function gapPct(open: Price, previousClose: Price): number {
  return ((open - previousClose) / previousClose) * 100;
}

/**
 * True when the gap reaches `minGapPct` (a gap exactly on the threshold passes). Decided on integers:
 * (open - previousClose) x 100 >= minGapPct x previousClose, with minGapPct taken to 0.001 %, so
 * 1.000 -> 1.030 passes a 3 % filter and 1.000 -> 1.029 fails, with no float rounding in between.
 */
export function passesGapFilter(open: Price, previousClose: Price, minGapPct: number): boolean {
  const minGapThousandths = BigInt(numberToMills('minimum gap %', minGapPct));
  const gapTimes100k = BigInt(open - previousClose) * 100_000n;
  return gapTimes100k >= minGapThousandths * BigInt(previousClose);
}
