import type { Quote } from '../../../../src/domain/market/quote.js';
import type { BrokerOrder } from '../../../../src/domain/orders/broker-order.js';
import type { Fill } from '../../../../src/domain/orders/fill.js';
import type {
  MarketDataListener,
  MarketDataStream,
  QuoteSource,
  StreamHealth,
  StreamMode,
} from '../../../../src/domain/ports/market-data-stream.port.js';
import type { Instrument } from '../../../../src/domain/values/instrument.js';
import { parsePrice } from '../../../../src/domain/values/price.js';
import type { EpochMs } from '../../../../src/domain/values/time.js';

/** A MarketDataStream the test drives: it pushes quotes, trades, orders, fills and health changes by hand. */
export class FakeMarketDataStream implements MarketDataStream {
  readonly subscribed = new Map<number, Instrument>();
  started = 0;
  stopped = 0;
  private readonly listeners = new Set<MarketDataListener>();
  private readonly latest = new Map<number, Quote>();
  private state: StreamHealth;

  constructor(mode: StreamMode, since: EpochMs) {
    this.state = { mode, since, reason: `test stream in ${mode} mode` };
  }

  start(): Promise<void> {
    this.started += 1;
    return Promise.resolve();
  }

  stop(): Promise<void> {
    this.stopped += 1;
    return Promise.resolve();
  }

  subscribeQuotes(instruments: readonly Instrument[]): void {
    for (const instrument of instruments) this.subscribed.set(instrument.conid, instrument);
  }

  unsubscribeQuotes(instruments: readonly Instrument[]): void {
    for (const { conid } of instruments) {
      this.subscribed.delete(conid);
      this.latest.delete(conid);
    }
  }

  listen(listener: MarketDataListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  latestQuote(instrument: Instrument): Quote | undefined {
    return this.latest.get(instrument.conid);
  }

  health(): StreamHealth {
    return this.state;
  }

  /** A quote whose last price is `last`, stamped `at`, as the stream or the REST fallback would deliver it. */
  pushQuote(instrument: Instrument, last: string, at: EpochMs, source: QuoteSource = 'stream'): void {
    const quote: Quote = {
      instrument,
      at,
      last: parsePrice(last),
      lastIsPreviousClose: false,
      halted: false,
      freshness: 'realtime',
    };
    this.latest.set(instrument.conid, quote);
    for (const listener of this.listeners) listener.onQuote?.({ quote, source });
  }

  /** A trade print and, as a real feed does, the quote whose last it changes. */
  pushTrade(instrument: Instrument, price: string, at: EpochMs): void {
    for (const listener of this.listeners) listener.onTrade?.({ instrument, trade: { price: parsePrice(price), at } });
    this.pushQuote(instrument, price, at);
  }

  pushOrder(order: BrokerOrder): void {
    for (const listener of this.listeners) listener.onOrder?.(order);
  }

  pushFill(fill: Fill): void {
    for (const listener of this.listeners) listener.onFill?.(fill);
  }

  setHealth(mode: StreamMode, since: EpochMs): void {
    this.state = { mode, since, reason: `test stream now in ${mode} mode` };
    for (const listener of this.listeners) listener.onHealth?.(this.state);
  }
}
