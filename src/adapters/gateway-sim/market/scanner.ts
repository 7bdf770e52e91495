import type { Quote } from '../../../domain/market/quote.js';
import type { Price } from '../../../domain/values/price.js';
import { formattedVolume } from '../payloads/gateway-values.js';

/** A scan the simulator runs, with the heading IBKR gives its data column. */
export interface ScanType {
  readonly code: string;
  readonly displayName: string;
  readonly column: string;
}

export const SCAN_TYPES: readonly ScanType[] = Object.freeze([
  { code: 'TOP_PERC_GAIN', displayName: 'Top % Gainers', column: 'Chg%' },
  { code: 'TOP_PERC_LOSE', displayName: 'Top % Losers', column: 'Chg%' },
  { code: 'HIGH_OPEN_GAP', displayName: 'Top Close-to-Open % Gainers', column: 'Gap%' },
  { code: 'MOST_ACTIVE', displayName: 'Most Active', column: 'Volume' },
]);

export const SCAN_INSTRUMENT = 'STOCK.HK';
export const SCAN_LOCATION = 'STK.HK.ASX';
export const SCAN_FILTER_CODES = ['priceAbove', 'priceBelow', 'volumeAbove'] as const;
export type ScanFilterCode = (typeof SCAN_FILTER_CODES)[number];

export interface ScanFilter {
  readonly code: ScanFilterCode;
  readonly value: number;
}

export interface ScanHit {
  readonly quote: Quote;
  readonly scanData: string;
}

/** At most this many rows per scan, as IBKR's scanner. */
export const MAX_SCAN_ROWS = 50;

/** Ranks the quotes for `type` after applying the filters; percentages are for display, so floats are fine. */
export function runScan(type: ScanType, quotes: readonly Quote[], filters: readonly ScanFilter[]): ScanHit[] {
  const passing = quotes.filter((quote) => filters.every((filter) => passes(quote, filter)));
  const scored = passing
    .map((quote) => ({ quote, score: scoreOf(type.code, quote) }))
    .filter((row): row is { quote: Quote; score: number } => row.score !== undefined);
  const ascending = type.code === 'TOP_PERC_LOSE';
  scored.sort((a, b) => (ascending ? a.score - b.score : b.score - a.score));
  return scored.slice(0, MAX_SCAN_ROWS).map(({ quote, score }) => ({ quote, scanData: scanText(type.code, score) }));
}

function scoreOf(code: string, quote: Quote): number | undefined {
  const { last, open, previousClose, volume } = quote;
  if (code === 'MOST_ACTIVE') return volume !== undefined && volume > 0 ? volume : undefined;
  if (code === 'HIGH_OPEN_GAP') {
    const gap = percentChange(open, previousClose);
    return gap !== undefined && gap > 0 ? gap : undefined;
  }
  const change = quote.lastIsPreviousClose ? undefined : percentChange(last, previousClose);
  if (change === undefined) return undefined;
  if (code === 'TOP_PERC_GAIN') return change > 0 ? change : undefined;
  return change < 0 ? change : undefined;
}

function percentChange(now: Price | undefined, before: Price | undefined): number | undefined {
  if (now === undefined || before === undefined || before === 0) return undefined;
  return ((now - before) * 100) / before;
}

function scanText(code: string, score: number): string {
  if (code === 'MOST_ACTIVE') return formattedVolume(score);
  return `${score >= 0 ? '+' : ''}${score.toFixed(2)}%`;
}

function passes(quote: Quote, filter: ScanFilter): boolean {
  const last = quote.last === undefined ? undefined : quote.last / 1000;
  switch (filter.code) {
    case 'priceAbove':
      return last !== undefined && last > filter.value;
    case 'priceBelow':
      return last !== undefined && last < filter.value;
    case 'volumeAbove':
      return (quote.volume ?? 0) > filter.value;
  }
}
