import type { Bar } from '../../../src/domain/market/bar.js';
import { price } from '../../../src/domain/values/price.js';
import type { TradePrint } from '../../../src/domain/strategy/price-window.js';

/** 2025-07-01 10:00:00 Sydney (AEST), the continuous open on a winter day after the single open began. */
export const OPEN = Date.parse('2025-07-01T00:00:00Z');
export const MINUTE = 60_000;

/** A one-minute bar starting `minute` minutes after OPEN, prices in mills. */
export function bar(minute: number, high: number, low: number): Bar {
  return {
    start: OPEN + minute * MINUTE,
    open: price(low),
    high: price(high),
    low: price(low),
    close: price(high),
    volume: 1000,
  };
}

/** A trade `seconds` after OPEN at `mills`. */
export function trade(seconds: number, mills: number): TradePrint {
  return { price: price(mills), at: OPEN + seconds * 1000 };
}
