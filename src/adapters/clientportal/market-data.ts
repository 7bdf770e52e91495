import type { Logger } from 'pino';
import type { Quote } from '../../domain/market/quote.js';
import type { Clock } from '../../domain/ports/clock.port.js';
import type { Instrument } from '../../domain/values/instrument.js';
import type { ClientPortalConfig } from './clientportal.config.js';
import type { GatewayClient } from './gateway-client.js';
import { emptyQuote, hasMarketValues, SNAPSHOT_FIELDS, toQuote } from './mappers/quote.mapper.js';
import { Located } from './parse.js';
import { snapshotSchema, type SnapshotEntry } from './schemas/market-data.schema.js';

/** Conids per snapshot request; the gateway is documented to take "about 100". */
export const MAX_CONIDS_PER_SNAPSHOT = 100;

const SNAPSHOT_ENDPOINT = 'GET /iserver/marketdata/snapshot';

type MarketDataSettings = Pick<ClientPortalConfig, 'preflightDelayMs' | 'maxPreflightRounds'>;

/**
 * Quotes from `/iserver/marketdata/snapshot`. The first request for a conid only opens its subscription
 * and comes back without values ("pre-flight"), so conids still empty are asked for again after a pause, a
 * bounded number of times; one that never fills is reported as a quote with no data, not as an error.
 */
export class MarketData {
  private readonly reportedDelayed = new Set<number>();

  constructor(
    private readonly client: GatewayClient,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly settings: MarketDataSettings,
  ) {}

  async quotes(instruments: readonly Instrument[]): Promise<Quote[]> {
    const conids = [...new Set(instruments.map((item) => item.conid))];
    const entries = new Map<number, SnapshotEntry>();
    for (let start = 0; start < conids.length; start += MAX_CONIDS_PER_SNAPSHOT) {
      const answered = await this.snapshotWithValues(conids.slice(start, start + MAX_CONIDS_PER_SNAPSHOT));
      for (const [conid, entry] of answered) entries.set(conid, entry);
    }
    const now = this.clock.now();
    const quotes = instruments.map((item) => {
      const entry = entries.get(item.conid);
      if (entry === undefined) return emptyQuote(item, now);
      return toQuote(entry, item, now, new Located(SNAPSHOT_ENDPOINT, `[conid ${item.conid}]`));
    });
    this.reportDataQuality(quotes);
    return quotes;
  }

  private async snapshotWithValues(conids: readonly number[]): Promise<Map<number, SnapshotEntry>> {
    const ready = new Map<number, SnapshotEntry>();
    let waiting = conids;
    for (let round = 0; ; round += 1) {
      const answer = await this.client.get(snapshotPath(waiting), snapshotSchema);
      for (const entry of answer) if (hasMarketValues(entry)) ready.set(entry.conid, entry);
      waiting = waiting.filter((conid) => !ready.has(conid));
      if (waiting.length === 0 || round >= this.settings.maxPreflightRounds) break;
      await this.clock.sleepUntil(this.clock.now() + this.settings.preflightDelayMs);
    }
    if (waiting.length > 0) this.logger.warn({ conids: waiting }, 'no market data arrived for these conids');
    return ready;
  }

  /** Delayed data is legal but must never pass unnoticed: it is logged once per conid. */
  private reportDataQuality(quotes: readonly Quote[]): void {
    const delayed = quotes.filter(
      (quote) => quote.freshness === 'delayed' && !this.reportedDelayed.has(quote.instrument.conid),
    );
    for (const quote of delayed) this.reportedDelayed.add(quote.instrument.conid);
    if (delayed.length > 0) {
      this.logger.warn(
        { symbols: delayed.map((quote) => quote.instrument.symbol) },
        'market data is DELAYED (no ASX real-time subscription on this account)',
      );
    }
  }
}

function snapshotPath(conids: readonly number[]): string {
  return `/iserver/marketdata/snapshot?conids=${conids.join(',')}&fields=${SNAPSHOT_FIELDS.join(',')}`;
}
