import { InvalidValue } from '../errors/invalid-value.error.js';
import type { Bar } from '../market/bar.js';
import type { Price } from '../values/price.js';
import type { EpochMs } from '../values/time.js';

/** One trade print from the tape: a price and the instant it traded. */
export interface TradePrint {
  readonly price: Price;
  readonly at: EpochMs;
}

export interface PriceRange {
  readonly high: Price;
  readonly low: Price;
}

export const ONE_MINUTE_MS = 60_000;

/** The start of the minute containing `at` (Sydney offsets are whole hours, so minutes align with UTC). */
export function startOfMinute(at: EpochMs): EpochMs {
  return at - (((at % ONE_MINUTE_MS) + ONE_MINUTE_MS) % ONE_MINUTE_MS);
}

/** A one-minute bar is known only once its minute is over: a bar starting at t is complete at t + 60 s. */
export function isBarComplete(bar: Bar, asOf: EpochMs): boolean {
  return bar.start + ONE_MINUTE_MS <= asOf;
}

/** One-minute bars that start in [from, until) and are complete at `asOf`. */
export function completedBarsIn(bars: readonly Bar[], from: EpochMs, until: EpochMs, asOf: EpochMs): Bar[] {
  return bars.filter((bar) => bar.start >= from && bar.start < until && isBarComplete(bar, asOf));
}

/** Trades in [from, until) that had happened by `asOf`. */
export function tradesIn(trades: readonly TradePrint[], from: EpochMs, until: EpochMs, asOf: EpochMs): TradePrint[] {
  return trades.filter((trade) => trade.at >= from && trade.at < until && trade.at <= asOf);
}

export function rangeOfBars(bars: readonly Bar[]): PriceRange | undefined {
  return rangeOf(
    bars.map((bar) => bar.high),
    bars.map((bar) => bar.low),
  );
}

export function rangeOfTrades(trades: readonly TradePrint[]): PriceRange | undefined {
  const prices = trades.map((trade) => trade.price);
  return rangeOf(prices, prices);
}

function rangeOf(highs: readonly Price[], lows: readonly Price[]): PriceRange | undefined {
  const [firstHigh, ...restHighs] = highs;
  const [firstLow, ...restLows] = lows;
  if (firstHigh === undefined || firstLow === undefined) return undefined;
  return {
    high: restHighs.reduce((a, b) => (b > a ? b : a), firstHigh),
    low: restLows.reduce((a, b) => (b < a ? b : a), firstLow),
  };
}

/** Minutes of a rule's window (opening range, etc.) as a whole positive number of minutes. */
export function requireWholeMinutes(kind: string, minutes: number): number {
  if (!Number.isSafeInteger(minutes) || minutes < 1)
    throw new InvalidValue(kind, minutes, 'not a whole number of minutes ≥ 1');
  return minutes;
}
