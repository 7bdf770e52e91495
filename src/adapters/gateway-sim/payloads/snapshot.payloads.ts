import type { Quote } from '../../../domain/market/quote.js';
import { formatMills } from '../../../domain/values/decimal.js';
import type { Price } from '../../../domain/values/price.js';
import { formattedVolume, priceText } from './gateway-values.js';

/** The snapshot fields the simulator can fill, by IBKR field id. */
export const SUPPORTED_SNAPSHOT_FIELDS = [
  '31',
  '55',
  '70',
  '71',
  '82',
  '83',
  '84',
  '86',
  '87',
  '7295',
  '7741',
  '7762',
  '6509',
] as const;

export interface SnapshotContext {
  readonly quote: Quote;
  readonly fields: readonly string[];
  /** `R…` real-time or `D…` delayed, field 6509. */
  readonly availability: string;
  readonly halted: boolean;
  readonly serverId: string;
}

/** What the first request for a conid gets: the subscription has only just started. */
export function preflightEntry(conid: number, at: number, serverId: string): Record<string, unknown> {
  return { conid, conidEx: String(conid), _updated: at, server_id: serverId, '6119': serverId };
}

/** A snapshot entry with values, all as strings, for the requested fields that have one. */
export function snapshotEntry(context: SnapshotContext): Record<string, unknown> {
  const { quote, serverId } = context;
  const entry = preflightEntry(quote.instrument.conid, quote.at, serverId);
  const values = fieldValues(context);
  for (const field of context.fields) {
    const value = values[field];
    if (value !== undefined) entry[field] = value;
  }
  return entry;
}

function fieldValues({ quote, availability, halted }: SnapshotContext): Record<string, string | undefined> {
  const { last, previousClose } = quote;
  const change = last !== undefined && previousClose !== undefined ? last - previousClose : undefined;
  return {
    '31': last === undefined ? undefined : `${lastPrefix(quote, halted)}${priceText(last)}`,
    '55': quote.instrument.symbol,
    '70': text(quote.high),
    '71': text(quote.low),
    '82': change === undefined ? undefined : formatMills(change, 2),
    '83': change === undefined || previousClose === undefined ? undefined : ((change * 100) / previousClose).toFixed(2),
    '84': text(quote.bid),
    '86': text(quote.ask),
    '87': quote.volume === undefined ? undefined : formattedVolume(quote.volume),
    '7295': text(quote.open),
    '7741': text(previousClose),
    '7762': quote.volume === undefined ? undefined : String(quote.volume),
    '6509': availability,
  };
}

/** `H` halted wins over `C` (yesterday's close shown because nothing traded today). */
function lastPrefix(quote: Quote, halted: boolean): string {
  if (halted) return 'H';
  return quote.lastIsPreviousClose ? 'C' : '';
}

function text(value: Price | undefined): string | undefined {
  return value === undefined ? undefined : priceText(value);
}
