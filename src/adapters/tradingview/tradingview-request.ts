import type { ScanFilters } from '../../domain/ports/market-scanner.port.js';
import { BROWSER_USER_AGENT } from '../recording/browser-user-agent.js';
import { HttpRawSource, type HttpRequest, type HttpTransportOptions } from '../recording/http-raw-source.js';
import type { RawSource } from '../recording/raw-source.js';
import { TRADINGVIEW_COLUMNS } from './tradingview-columns.js';

export const TRADINGVIEW_SCAN_URL = 'https://scanner.tradingview.com/australia/scan';

/** The screener refuses requests that do not look like its own web page's. */
export const TRADINGVIEW_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'Content-Type': 'application/json',
  Accept: 'text/plain, */*; q=0.01',
  Origin: 'https://www.tradingview.com',
  Referer: 'https://www.tradingview.com/',
  'User-Agent': BROWSER_USER_AGENT,
});

export interface TradingViewFilter {
  readonly left: string;
  readonly operation: 'greater' | 'egreater' | 'less' | 'eless' | 'equal' | 'in_range';
  readonly right: number | string | readonly (number | string)[];
}

/** The JSON body of one screener request. */
export interface TradingViewScanBody {
  readonly markets: readonly string[];
  readonly symbols: { readonly query: { readonly types: readonly string[] }; readonly tickers: readonly string[] };
  readonly options: { readonly lang: string };
  readonly columns: readonly string[];
  readonly filter: readonly TradingViewFilter[];
  readonly sort: { readonly sortBy: string; readonly sortOrder: 'asc' | 'desc' };
  readonly range: readonly [number, number];
}

/** Gappers first, largest gap first. `filters.minPrice` is in dollars, as the screener's `close` column. */
export function tradingViewScanBody(filters: ScanFilters, maxRows: number): TradingViewScanBody {
  return {
    markets: ['australia'],
    symbols: { query: { types: [] }, tickers: [] },
    options: { lang: 'en' },
    columns: [...TRADINGVIEW_COLUMNS],
    filter: [
      { left: 'gap', operation: 'egreater', right: filters.minGapPct },
      { left: 'close', operation: 'egreater', right: filters.minPrice },
      { left: 'volume', operation: 'egreater', right: filters.minVolume },
    ],
    sort: { sortBy: 'gap', sortOrder: 'desc' },
    range: [0, maxRows],
  };
}

export function tradingViewHttpRequest(body: TradingViewScanBody): HttpRequest {
  return { method: 'POST', url: TRADINGVIEW_SCAN_URL, headers: TRADINGVIEW_HEADERS, body: JSON.stringify(body) };
}

/** The live screener as a raw source, to be wrapped by `withRecordReplay`. */
export function tradingViewHttpSource(options: HttpTransportOptions = {}): RawSource<TradingViewScanBody> {
  return new HttpRawSource<TradingViewScanBody>({ ...options, name: 'tradingview', request: tradingViewHttpRequest });
}
