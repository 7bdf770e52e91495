import type { Bar } from '../market/bar.js';
import type { Price } from '../values/price.js';
import type { EpochMs } from '../values/time.js';
import {
  completedBarsIn,
  rangeOfBars,
  rangeOfTrades,
  startOfMinute,
  tradesIn,
  type TradePrint,
} from './price-window.js';

/** The part of the day to look at: from the session open up to the instant of the question. */
export interface DayWindow {
  readonly sessionOpen: EpochMs;
  readonly asOf: EpochMs;
}

/**
 * Lowest low of the one-minute bars from the minute of the open that are complete at `asOf`;
 * undefined before anything has traded.
 */
export function lowOfDayFromBars(bars: readonly Bar[], window: DayWindow): Price | undefined {
  const from = startOfMinute(window.sessionOpen);
  return rangeOfBars(completedBarsIn(bars, from, Number.POSITIVE_INFINITY, window.asOf))?.low;
}

/** Lowest trade from the session open up to and including `asOf`; undefined before anything has traded. */
export function lowOfDayFromTrades(trades: readonly TradePrint[], window: DayWindow): Price | undefined {
  return rangeOfTrades(tradesIn(trades, window.sessionOpen, Number.POSITIVE_INFINITY, window.asOf))?.low;
}
