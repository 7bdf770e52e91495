import type { Quote } from '../../domain/market/quote.js';
import type { Broker } from '../../domain/ports/broker.port.js';
import type { Clock } from '../../domain/ports/clock.port.js';
import { freshQuote, type MarketDataStream } from '../../domain/ports/market-data-stream.port.js';
import type { OpeningRangeWindow } from '../../domain/strategy/opening-range.js';
import type { Instrument } from '../../domain/values/instrument.js';
import type { AppLogger } from '../shared/app-logger.js';
import type { MarketView } from './market-view.js';
import type { SessionPrices } from './session-prices.js';
import type { TradeTape } from './trade-tape.js';

export interface StreamedMarketViewDeps {
  readonly stream: MarketDataStream;
  readonly tape: TradeTape;
  readonly broker: Broker;
  readonly clock: Clock;
  readonly log: AppLogger;
}

/**
 * The market as the stream sees it. A quote is the stream's latest if it is fresh; a stream sends only
 * changes, so a quiet stock's latest quote ages, and then a REST snapshot is asked for — which must be
 * fresh too. A quote older than `maxQuoteAgeMs` is never handed to a decision.
 */
export class StreamedMarketView implements MarketView {
  constructor(
    private readonly deps: StreamedMarketViewDeps,
    private readonly maxQuoteAgeMs: number,
  ) {}

  async quote(instrument: Instrument): Promise<Quote | undefined> {
    const { stream, broker, clock, log } = this.deps;
    const streamed = freshQuote(stream.latestQuote(instrument), clock.now(), this.maxQuoteAgeMs);
    if (streamed !== undefined) return streamed;
    const [snapshot] = await broker.quotes([instrument]);
    const now = clock.now();
    const fresh = freshQuote(snapshot, now, this.maxQuoteAgeMs);
    if (fresh === undefined) {
      log.warn(
        { symbol: instrument.symbol, quoteAt: snapshot?.at, now, maxQuoteAgeMs: this.maxQuoteAgeMs },
        `no quote younger than ${this.maxQuoteAgeMs} ms: not deciding on an older one`,
      );
    }
    return fresh;
  }

  sessionPrices(instrument: Instrument, window: OpeningRangeWindow): SessionPrices | undefined {
    return this.deps.tape.sessionPrices(instrument.conid, window);
  }
}
