import type { Bar, BarSize } from '../../domain/market/bar.js';
import type { Quote } from '../../domain/market/quote.js';
import type { Instrument } from '../../domain/values/instrument.js';
import type { Price } from '../../domain/values/price.js';
import type { EpochMs } from '../../domain/values/time.js';
import { barCompletesAt } from './bar-timing.js';

/** Prices published outside of bars: a last trade and/or a touch. */
export interface PublishedQuote {
  readonly at: EpochMs;
  readonly last?: Price;
  readonly bid?: Price;
  readonly ask?: Price;
}

/**
 * What the simulated market knows about one instrument: the latest prices, today's running
 * open/high/low/volume, yesterday's close and the bar history. Updated in place on every bar.
 */
export class InstrumentMarket {
  last: Price | undefined;
  bid: Price | undefined;
  ask: Price | undefined;
  at: EpochMs | undefined;
  previousClose: Price | undefined;
  private dayStart: EpochMs | undefined;
  private dayOpen: Price | undefined;
  private dayHigh: Price | undefined;
  private dayLow: Price | undefined;
  private dayClose: Price | undefined;
  private dayVolume = 0;
  private dayBuiltFromMinutes = false;
  private tradedToday = false;
  private readonly minuteBars: Bar[] = [];
  private readonly dailyBars: Bar[] = [];

  constructor(
    readonly instrument: Instrument,
    private readonly historyLimit: number,
  ) {}

  /** A bar traded: it moves the last price and today's figures and joins the history. */
  applyBar(bar: Bar, size: BarSize): void {
    this.last = bar.close;
    this.tradedToday = true;
    this.at = Math.max(this.at ?? bar.start, barCompletesAt(size, bar.start));
    this.dayStart ??= bar.start;
    this.dayOpen ??= bar.open;
    if (this.dayHigh === undefined || bar.high > this.dayHigh) this.dayHigh = bar.high;
    if (this.dayLow === undefined || bar.low < this.dayLow) this.dayLow = bar.low;
    this.dayClose = bar.close;
    this.dayVolume += bar.volume;
    if (size === '1min') this.dayBuiltFromMinutes = true;
    this.record(bar, size);
  }

  applyQuote(quote: PublishedQuote): void {
    this.at = Math.max(this.at ?? quote.at, quote.at);
    if (quote.last !== undefined) {
      this.last = quote.last;
      this.tradedToday = true;
    }
    if (quote.bid !== undefined) this.bid = quote.bid;
    if (quote.ask !== undefined) this.ask = quote.ask;
  }

  /** Adds a bar to the history without it trading (history loaded before a run). */
  record(bar: Bar, size: BarSize): void {
    const bars = size === '1min' ? this.minuteBars : this.dailyBars;
    bars.push(bar);
    if (bars.length > 2 * this.historyLimit) bars.splice(0, bars.length - this.historyLimit);
  }

  /** Ends the session: minute bars become a daily bar, the close becomes the previous close. */
  closeDay(): void {
    const daily = this.dayBuiltFromMinutes ? this.dailyBar() : undefined;
    if (daily !== undefined) this.record(daily, '1d');
    if (this.last !== undefined) this.previousClose = this.last;
    this.tradedToday = false;
    this.bid = undefined;
    this.ask = undefined;
    this.dayStart = undefined;
    this.dayOpen = undefined;
    this.dayHigh = undefined;
    this.dayLow = undefined;
    this.dayClose = undefined;
    this.dayVolume = 0;
    this.dayBuiltFromMinutes = false;
  }

  history(size: BarSize): readonly Bar[] {
    return size === '1min' ? this.minuteBars : this.dailyBars;
  }

  /** The price a market order would be expected to trade at: the ask for a buy, the bid for a sell, else the last. */
  referencePrice(buying: boolean): Price | undefined {
    return (buying ? this.ask : this.bid) ?? this.last ?? this.previousClose;
  }

  quote(at: EpochMs): Quote {
    const last = this.last ?? this.previousClose;
    return {
      instrument: this.instrument,
      at: this.at ?? at,
      ...(last === undefined ? {} : { last }),
      ...(this.bid === undefined ? {} : { bid: this.bid }),
      ...(this.ask === undefined ? {} : { ask: this.ask }),
      ...(this.dayOpen === undefined ? {} : { open: this.dayOpen }),
      ...(this.dayHigh === undefined ? {} : { high: this.dayHigh }),
      ...(this.dayLow === undefined ? {} : { low: this.dayLow }),
      ...(this.previousClose === undefined ? {} : { previousClose: this.previousClose }),
      ...(this.dayStart === undefined ? {} : { volume: this.dayVolume }),
      lastIsPreviousClose: !this.tradedToday && last !== undefined,
      halted: false,
      freshness: 'realtime',
    };
  }

  private dailyBar(): Bar | undefined {
    const { dayStart: start, dayOpen: open, dayHigh: high, dayLow: low, dayClose: close } = this;
    if (start === undefined || open === undefined || high === undefined || low === undefined || close === undefined) {
      return undefined;
    }
    return Object.freeze({ start, open, high, low, close, volume: this.dayVolume });
  }
}
