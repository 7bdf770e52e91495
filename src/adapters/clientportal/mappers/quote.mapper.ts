import type { Quote, QuoteFreshness } from '../../../domain/market/quote.js';
import type { Instrument } from '../../../domain/values/instrument.js';
import type { Price } from '../../../domain/values/price.js';
import type { EpochMs } from '../../../domain/values/time.js';
import type { Located } from '../parse.js';
import type { SnapshotEntry } from '../schemas/market-data.schema.js';
import { priceOf, volumeOf } from './gateway-numbers.js';

/** The snapshot fields Skim asks for. */
export const SNAPSHOT_FIELDS = [
  '31',
  '55',
  '70',
  '71',
  '84',
  '86',
  '87',
  '7762',
  '7295',
  '7296',
  '7741',
  '6509',
] as const;

const PRICE_FIELDS = {
  last: '31',
  bid: '84',
  ask: '86',
  open: '7295',
  high: '70',
  low: '71',
  previousClose: '7741',
} as const;

type PriceName = keyof typeof PRICE_FIELDS;

/** What a one-letter price prefix said: `C` yesterday's close shown instead of a trade, `H` halted. */
interface MarkedPrice {
  readonly value: Price;
  readonly previousClose: boolean;
  readonly halted: boolean;
}

/** Whether the gateway has started sending values for this conid (the first answer only subscribes). */
export function hasMarketValues(entry: SnapshotEntry): boolean {
  return SNAPSHOT_FIELDS.some((field) => field !== '55' && present(entry[field]));
}

/** A snapshot entry as a Quote: prefixes stripped and recorded, volumes unformatted, availability read. */
export function toQuote(entry: SnapshotEntry, instrument: Instrument, fallbackAt: EpochMs, where: Located): Quote {
  const prices: Partial<Record<PriceName, Price>> = {};
  let halted = false;
  let lastIsPreviousClose = false;
  for (const [name, field] of Object.entries(PRICE_FIELDS) as [PriceName, string][]) {
    const raw = entry[field as keyof SnapshotEntry];
    if (!present(raw)) continue;
    const marked = where.at(field).convert(() => markedPrice(raw));
    prices[name] = marked.value;
    halted ||= marked.halted;
    if (name === 'last') lastIsPreviousClose = marked.previousClose;
  }
  const volume = volumeFrom(entry, where);
  return {
    instrument,
    at: entry._updated ?? fallbackAt,
    ...prices,
    ...(volume === undefined ? {} : { volume }),
    lastIsPreviousClose,
    halted,
    freshness: freshnessOf(entry['6509']),
  };
}

/** A quote that says only that nothing is known. */
export function emptyQuote(instrument: Instrument, at: EpochMs): Quote {
  return { instrument, at, lastIsPreviousClose: false, halted: false, freshness: 'unavailable' };
}

/** Field 6509's first letter: R real-time (S streaming), D delayed, Z/Y frozen, N or absent: not available. */
export function freshnessOf(availability: string | number | undefined): QuoteFreshness {
  const first = typeof availability === 'string' ? availability.trim().charAt(0) : '';
  if (first === 'R' || first === 'S') return 'realtime';
  if (first === 'D') return 'delayed';
  if (first === 'Z' || first === 'Y') return 'frozen';
  return 'unavailable';
}

function markedPrice(raw: string | number): MarkedPrice {
  if (typeof raw === 'number') return { value: priceOf(raw), previousClose: false, halted: false };
  const text = raw.trim();
  const prefix = /^[CH]/.exec(text)?.[0];
  return {
    value: priceOf(prefix === undefined ? text : text.slice(1)),
    previousClose: prefix === 'C',
    halted: prefix === 'H',
  };
}

/** 7762 is a plain share count; 87 is formatted ("1.25M") and used only when 7762 is missing. */
function volumeFrom(entry: SnapshotEntry, where: Located): number | undefined {
  const exact = entry['7762'];
  if (present(exact)) return where.at('7762').convert(() => volumeOf(exact));
  const formatted = entry['87'];
  if (present(formatted)) return where.at('87').convert(() => volumeOf(formatted));
  return undefined;
}

function present(value: string | number | undefined): value is string | number {
  return value !== undefined && value !== '';
}
