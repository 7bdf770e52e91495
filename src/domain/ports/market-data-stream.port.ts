import type { Quote } from '../market/quote.js';
import type { BrokerOrder } from '../orders/broker-order.js';
import type { Fill } from '../orders/fill.js';
import type { TradePrint } from '../strategy/price-window.js';
import type { Instrument } from '../values/instrument.js';
import type { EpochMs } from '../values/time.js';

/**
 * How market data reaches Skim right now: pushed over the gateway's WebSocket, pulled by REST snapshot
 * polling while the socket is unusable, or not at all.
 */
export type StreamMode = 'stream' | 'polling' | 'down';

export interface StreamHealth {
  readonly mode: StreamMode;
  /** When this mode began. */
  readonly since: EpochMs;
  /** Why the stream is in this mode, in words for a log line or a notification. */
  readonly reason: string;
}

/** Where one quote update came from. */
export type QuoteSource = 'stream' | 'polling';

export interface QuoteUpdate {
  /** The whole quote as known after this update (a stream sends only what changed; this is merged). */
  readonly quote: Quote;
  readonly source: QuoteSource;
}

/** A last-price change seen on the stream; feeds, like IBKR's, may merge prints at the same price. */
export interface TradeUpdate {
  readonly instrument: Instrument;
  readonly trade: TradePrint;
}

/**
 * Who hears what. Every member is optional; listeners run synchronously, in arrival order, and must not
 * throw (an exception is logged and the update still reaches the other listeners).
 */
export interface MarketDataListener {
  onQuote?(update: QuoteUpdate): void;
  onTrade?(update: TradeUpdate): void;
  onOrder?(order: BrokerOrder): void;
  /** Each execution id is delivered once per stream, whichever way it arrived. */
  onFill?(fill: Fill): void;
  onHealth?(health: StreamHealth): void;
}

/**
 * Live quotes, trade prints, order updates and fills for the instruments subscribed.
 *
 * Listeners rather than async iterators: the consumers (the trading day's use cases, `skim watch`, the
 * order journal) want the latest state, not a queue of every intermediate tick, several of them hear the
 * same update, and a slow consumer must never hold back a socket that the gateway drops when it is not
 * read. A pull-style consumer uses `latestQuote` (checked with `freshQuote`) instead of buffering.
 */
export interface MarketDataStream {
  /** Connects (or starts polling) and resolves once the first attempt is over, whatever its outcome. */
  start(): Promise<void>;
  /** Closes everything; no listener is called afterwards. */
  stop(): Promise<void>;
  /** Adds instruments; subscriptions survive reconnects and switches between stream and polling. */
  subscribeQuotes(instruments: readonly Instrument[]): void;
  unsubscribeQuotes(instruments: readonly Instrument[]): void;
  /** Returns the function that removes the listener. */
  listen(listener: MarketDataListener): () => void;
  /** The latest quote for a subscribed instrument, whatever its age: check it with `freshQuote`. */
  latestQuote(instrument: Instrument): Quote | undefined;
  health(): StreamHealth;
}

/**
 * The quote, if it is young enough to act on: no decision may use a quote older than `maxQuoteAgeMs`. A
 * quote stamped slightly in the future (clock skew) is treated as new.
 */
export function freshQuote(quote: Quote | undefined, now: EpochMs, maxQuoteAgeMs: number): Quote | undefined {
  if (quote === undefined || !Number.isFinite(quote.at)) return undefined;
  return now - quote.at <= maxQuoteAgeMs ? quote : undefined;
}
