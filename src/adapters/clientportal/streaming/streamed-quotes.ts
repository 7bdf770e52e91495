import type { Quote } from '../../../domain/market/quote.js';
import type { TradePrint } from '../../../domain/strategy/price-window.js';
import type { Instrument } from '../../../domain/values/instrument.js';
import type { EpochMs } from '../../../domain/values/time.js';
import { toQuote } from '../mappers/quote.mapper.js';
import { Located } from '../parse.js';
import type { SnapshotEntry } from '../schemas/market-data.schema.js';
import type { MarketDataMessage } from './stream-messages.schema.js';

export const STREAM_ENDPOINT = 'WS smd';

export interface StreamedQuote {
  readonly quote: Quote;
  /** Present when this update changed the last price to a real trade (no `C` or `H` prefix). */
  readonly trade?: TradePrint;
}

/**
 * The gateway streams only the fields that changed. Each conid's fields are merged here into a snapshot
 * entry and mapped by the same mapper as a REST snapshot, so a streamed quote and a polled one agree.
 */
export class StreamedQuotes {
  private readonly entries = new Map<number, SnapshotEntry>();

  /** Merges one update; throws UnexpectedResponse (naming the field) if a value does not map, leaving state as it was. */
  apply(instrument: Instrument, message: MarketDataMessage, now: EpochMs): StreamedQuote {
    const conid = instrument.conid;
    const { topic: _topic, conid: _conid, _updated, ...changed } = message;
    const merged: SnapshotEntry = { ...this.entries.get(conid), conid, _updated: _updated ?? now };
    // Zod leaves fields that were not sent out of the object, so only what changed is copied.
    Object.assign(merged, changed);
    const quote = toQuote(merged, instrument, now, new Located(STREAM_ENDPOINT, `[conid ${conid}]`));
    this.entries.set(conid, merged);
    const trade = isTrade(message['31']) && quote.last !== undefined ? { price: quote.last, at: quote.at } : undefined;
    return trade === undefined ? { quote } : { quote, trade };
  }

  forget(conid: number): void {
    this.entries.delete(conid);
  }

  clear(): void {
    this.entries.clear();
  }
}

/** A last price without a prefix is a trade; `C` (yesterday's close) and `H` (halted) are not. */
function isTrade(last: string | number | undefined): boolean {
  if (last === undefined || last === '') return false;
  return typeof last === 'number' || !/^\s*[CH]/.test(last);
}
