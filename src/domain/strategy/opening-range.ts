import type { Bar } from '../market/bar.js';
import type { Price } from '../values/price.js';
import type { EpochMs } from '../values/time.js';
import {
  completedBarsIn,
  ONE_MINUTE_MS,
  rangeOfBars,
  rangeOfTrades,
  requireWholeMinutes,
  startOfMinute,
  tradesIn,
  type PriceRange,
  type TradePrint,
} from './price-window.js';

/**
 * The opening range as known at one instant: still forming (with what has traded so far), complete, or
 * over with nothing traded. `endsAt` is the instant the range is final.
 */
export type OpeningRange =
  | { readonly status: 'forming'; readonly endsAt: EpochMs; readonly soFar: PriceRange | undefined }
  | { readonly status: 'complete'; readonly endsAt: EpochMs; readonly high: Price; readonly low: Price }
  | { readonly status: 'no_trades'; readonly endsAt: EpochMs };

export interface OpeningRangeWindow {
  /** Start of continuous trading for the symbol (see session-schedule.ts). */
  readonly sessionOpen: EpochMs;
  readonly orMinutes: number;
  /** The instant the question is asked; nothing that happened after it is used. */
  readonly asOf: EpochMs;
}

/**
 * Opening range from one-minute bars: the `orMinutes` bars starting with the minute in which continuous
 * trading opens. A bar counts only once complete at `asOf`. (With the staggered opens before 2025-06-23 the
 * first bar also holds the auction trade; bars cannot split a minute, trades can — see openingRangeFromTrades.)
 */
export function openingRangeFromBars(bars: readonly Bar[], window: OpeningRangeWindow): OpeningRange {
  const minutes = requireWholeMinutes('opening range minutes', window.orMinutes);
  const from = startOfMinute(window.sessionOpen);
  const endsAt = from + minutes * ONE_MINUTE_MS;
  return rangeStatus(rangeOfBars(completedBarsIn(bars, from, endsAt, window.asOf)), endsAt, window.asOf);
}

/** Opening range from individual trades in [sessionOpen, sessionOpen + orMinutes) that happened by `asOf`. */
export function openingRangeFromTrades(trades: readonly TradePrint[], window: OpeningRangeWindow): OpeningRange {
  const minutes = requireWholeMinutes('opening range minutes', window.orMinutes);
  const endsAt = window.sessionOpen + minutes * ONE_MINUTE_MS;
  return rangeStatus(rangeOfTrades(tradesIn(trades, window.sessionOpen, endsAt, window.asOf)), endsAt, window.asOf);
}

function rangeStatus(range: PriceRange | undefined, endsAt: EpochMs, asOf: EpochMs): OpeningRange {
  if (asOf < endsAt) return { status: 'forming', endsAt, soFar: range };
  if (range === undefined) return { status: 'no_trades', endsAt };
  return { status: 'complete', endsAt, high: range.high, low: range.low };
}
