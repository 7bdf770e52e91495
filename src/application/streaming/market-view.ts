import type { Quote } from '../../domain/market/quote.js';
import type { OpeningRangeWindow } from '../../domain/strategy/opening-range.js';
import type { Instrument } from '../../domain/values/instrument.js';
import type { SessionPrices } from './session-prices.js';

/**
 * Market data as the trading use cases read it when a MarketDataStream is running. Without one they read
 * the broker's REST snapshots and bars, as they always have.
 */
export interface MarketView {
  /** The latest quote young enough to decide on (see `freshQuote`), or undefined when there is none. */
  quote(instrument: Instrument): Promise<Quote | undefined>;
  /**
   * Opening range and low of day from streamed trades, when the stream heard every trade since the session
   * opened; undefined when it cannot vouch for that, and the caller reads bars instead.
   */
  sessionPrices(instrument: Instrument, window: OpeningRangeWindow): SessionPrices | undefined;
}
