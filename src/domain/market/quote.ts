import type { Instrument } from '../values/instrument.js';
import type { Price } from '../values/price.js';
import type { EpochMs } from '../values/time.js';

/** Where a quote's numbers come from, as the data feed tells it. */
export type QuoteFreshness = 'realtime' | 'delayed' | 'frozen' | 'unavailable';

/** A point-in-time view of one instrument. Missing numbers are absent, never zero. */
export interface Quote {
  readonly instrument: Instrument;
  readonly at: EpochMs;
  readonly last?: Price;
  readonly bid?: Price;
  readonly ask?: Price;
  readonly open?: Price;
  readonly high?: Price;
  readonly low?: Price;
  readonly previousClose?: Price;
  readonly volume?: number;
  /** `last` is yesterday's close shown because nothing traded today (IBKR's "C" prefix). */
  readonly lastIsPreviousClose: boolean;
  /** Trading is halted (IBKR's "H" prefix): never trade on this quote. */
  readonly halted: boolean;
  readonly freshness: QuoteFreshness;
}
