import type { Quote } from '../../domain/market/quote.js';
import { sydneyLocalToEpoch } from '../../domain/market/sydney-time.js';
import type { Broker } from '../../domain/ports/broker.port.js';
import { startOfMinute } from '../../domain/strategy/price-window.js';
import type { Instrument } from '../../domain/values/instrument.js';
import type { Price } from '../../domain/values/price.js';
import { addDays, type EpochMs, type LocalDate } from '../../domain/values/time.js';

export type OfficialOpen =
  | { readonly kind: 'open'; readonly open: Price; readonly previousClose: Price; readonly source: 'quote' | 'bars' }
  | { readonly kind: 'halted'; readonly detail: string }
  | { readonly kind: 'not_yet'; readonly detail: string };

/** Calendar days of daily bars asked for to find the previous close across weekends and holidays. */
const PREVIOUS_CLOSE_LOOKBACK_DAYS = 14;

/**
 * Today's official open and the previous session's close for one instrument, never the last price:
 * a halted quote, or a last that is yesterday's close (nothing traded today), is no open. The quote is
 * asked first; when it lacks either number, the first one-minute bar of continuous trading gives the
 * open and the latest completed daily bar the previous close.
 */
export async function readOfficialOpen(
  broker: Broker,
  instrument: Instrument,
  tradingDate: LocalDate,
  sessionOpen: EpochMs,
  asOf: EpochMs,
): Promise<OfficialOpen> {
  const [quote] = await broker.quotes([instrument]);
  if (quote?.halted) return { kind: 'halted', detail: `${instrument.symbol} is halted` };
  const fromQuote = quoteOpen(quote);
  if (fromQuote !== undefined) return { kind: 'open', ...fromQuote, source: 'quote' };

  const open = await firstMinuteOpen(broker, instrument, sessionOpen, asOf);
  const previousClose = quote?.previousClose ?? (await lastDailyClose(broker, instrument, tradingDate));
  if (open === undefined) return { kind: 'not_yet', detail: `nothing has traded in ${instrument.symbol} today` };
  if (previousClose === undefined) {
    return { kind: 'not_yet', detail: `no previous close known for ${instrument.symbol}` };
  }
  return { kind: 'open', open, previousClose, source: 'bars' };
}

function quoteOpen(quote: Quote | undefined): { open: Price; previousClose: Price } | undefined {
  if (quote === undefined || quote.lastIsPreviousClose) return undefined;
  if (quote.open === undefined || quote.previousClose === undefined) return undefined;
  return { open: quote.open, previousClose: quote.previousClose };
}

async function firstMinuteOpen(
  broker: Broker,
  instrument: Instrument,
  sessionOpen: EpochMs,
  asOf: EpochMs,
): Promise<Price | undefined> {
  const bars = await broker.bars(instrument, { size: '1min', from: startOfMinute(sessionOpen), to: asOf });
  return bars[0]?.open;
}

async function lastDailyClose(
  broker: Broker,
  instrument: Instrument,
  tradingDate: LocalDate,
): Promise<Price | undefined> {
  const from = sydneyLocalToEpoch(addDays(tradingDate, -PREVIOUS_CLOSE_LOOKBACK_DAYS), '00:00');
  const to = sydneyLocalToEpoch(tradingDate, '00:00');
  const bars = await broker.bars(instrument, { size: '1d', from, to });
  return bars.at(-1)?.close;
}
