import type { Broker } from '../../domain/ports/broker.port.js';
import { lowOfDayFromBars } from '../../domain/strategy/low-of-day.js';
import {
  openingRangeFromBars,
  type OpeningRange,
  type OpeningRangeWindow,
} from '../../domain/strategy/opening-range.js';
import { startOfMinute } from '../../domain/strategy/price-window.js';
import type { Instrument } from '../../domain/values/instrument.js';
import type { Price } from '../../domain/values/price.js';

/** What the entry rules need to know about today's trading so far: the opening range and the low of day. */
export interface SessionPrices {
  readonly range: OpeningRange;
  /** Undefined before anything has traded. */
  readonly lowOfDay: Price | undefined;
}

/** Session prices from the broker's one-minute bars (REST): the polling path, and the fallback of the stream. */
export async function sessionPricesFromBars(
  broker: Broker,
  instrument: Instrument,
  window: OpeningRangeWindow,
): Promise<SessionPrices> {
  const bars = await broker.bars(instrument, {
    size: '1min',
    from: startOfMinute(window.sessionOpen),
    to: window.asOf,
  });
  return { range: openingRangeFromBars(bars, window), lowOfDay: lowOfDayFromBars(bars, window) };
}
