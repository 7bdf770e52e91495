import { z } from 'zod';
import type { ScanResult } from '../../domain/market/scan-result.js';
import { gapPct } from '../../domain/strategy/gap.js';
import { numberToMills } from '../../domain/values/decimal.js';
import { asxSymbol, type AsxSymbol } from '../../domain/values/instrument.js';
import { priceNearest, type Price } from '../../domain/values/price.js';
import { TRADINGVIEW_COLUMNS, tradingViewRowValues, type TradingViewRowValues } from './tradingview-columns.js';
import { describeZodIssues } from './zod-issues.js';

/** Something wrong with one row of the answer; `skipped` rows produced no result. */
export interface RowIssue {
  /** Index of the row in the answer's `data` array. */
  readonly row: number;
  /** The row's ticker as sent ("ASX:XYZ"), when it had one. */
  readonly ticker?: string;
  readonly problem: string;
  readonly skipped: boolean;
}

export type RowOutcome =
  | { readonly kind: 'result'; readonly result: ScanResult; readonly warnings: readonly RowIssue[] }
  | { readonly kind: 'other_exchange'; readonly ticker: string }
  | { readonly kind: 'skipped'; readonly issue: RowIssue; readonly warnings: readonly RowIssue[] };

const rowShape = z.object({ s: z.string(), d: z.array(z.unknown()) });

export const TRADINGVIEW_SOURCE = 'tradingview';

/** Maps one `{s, d}` row of a screener answer to a ScanResult, or says why it cannot. */
export function mapTradingViewRow(row: number, raw: unknown): RowOutcome {
  const shape = rowShape.safeParse(raw);
  if (!shape.success) return skipped(row, tickerHint(raw), `not a {s, d} row (${describeZodIssues(shape.error)})`);
  const { s: ticker, d: cells } = shape.data;
  const separator = ticker.indexOf(':');
  if (separator < 0) return skipped(row, ticker, 'ticker has no "EXCHANGE:" prefix');
  if (ticker.slice(0, separator) !== 'ASX') return { kind: 'other_exchange', ticker };
  if (cells.length !== TRADINGVIEW_COLUMNS.length) {
    return skipped(row, ticker, `${cells.length} values for ${TRADINGVIEW_COLUMNS.length} columns`);
  }
  const values = tradingViewRowValues.safeParse(
    Object.fromEntries(TRADINGVIEW_COLUMNS.map((column, i) => [column, cells[i]])),
  );
  if (!values.success) return skipped(row, ticker, describeZodIssues(values.error));
  const symbol = codeOf(ticker.slice(separator + 1));
  if (symbol === undefined) return skipped(row, ticker, `"${ticker.slice(separator + 1)}" is not an ASX code`);
  return mapValues(row, ticker, symbol, values.data);
}

function mapValues(row: number, ticker: string, symbol: AsxSymbol, values: TradingViewRowValues): RowOutcome {
  const warnings: RowIssue[] = [];
  const warn = (problem: string): void => void warnings.push({ row, ticker, problem, skipped: false });
  const last = vendorPrice('close', values.close, warn);
  const open = vendorPrice('open', values.open, warn);
  const previousClose = previousCloseOf(last, values, warn);
  const gap = values.gap ?? (open !== undefined && previousClose !== undefined ? gapPct(open, previousClose) : null);
  if (gap === null) {
    const issue = {
      row,
      ticker,
      skipped: true,
      problem: 'no gap: the gap column is empty and open or previous close is unknown',
    };
    return { kind: 'skipped', issue, warnings };
  }
  const result: ScanResult = {
    symbol,
    companyName: values.description?.trim() || undefined,
    last,
    open,
    previousClose,
    gapPct: gap,
    volume: vendorCount('volume', values.volume, warn),
    marketCap: vendorCount('market_cap_basic', values.market_cap_basic, warn),
    source: TRADINGVIEW_SOURCE,
  };
  return { kind: 'result', result, warnings };
}

/**
 * Previous close from the current price and the change since the previous close: exactly from `change_abs`
 * (dollars), else from `change` (percent). Without either it stays unknown: never the current price itself.
 */
function previousCloseOf(
  last: Price | undefined,
  values: TradingViewRowValues,
  warn: (problem: string) => void,
): Price | undefined {
  if (last === undefined) return undefined;
  let mills: number | undefined;
  if (values.change_abs !== null) {
    const change = millsOf('change_abs', values.change_abs);
    mills = change === undefined ? undefined : last - change;
  } else if (values.change !== null && values.change > -100) {
    mills = last / (1 + values.change / 100);
  }
  if (mills === undefined) return undefined;
  if (!(mills >= 1)) {
    warn(`previous close ${mills / 1000} derived from close and change is not a price; ignored`);
    return undefined;
  }
  return priceNearest(mills);
}

function vendorPrice(field: string, value: number | null, warn: (problem: string) => void): Price | undefined {
  if (value === null) return undefined;
  const mills = value > 0 ? millsOf(field, value) : undefined;
  if (mills === undefined || mills < 1) {
    warn(`${field} ${value} is not a price; ignored`);
    return undefined;
  }
  return priceNearest(mills);
}

function vendorCount(field: string, value: number | null, warn: (problem: string) => void): number | undefined {
  if (value === null) return undefined;
  if (value < 0) {
    warn(`${field} ${value} is negative; ignored`);
    return undefined;
  }
  return Math.round(value);
}

function millsOf(field: string, value: number): number | undefined {
  try {
    return numberToMills(field, value);
  } catch {
    return undefined;
  }
}

function codeOf(text: string): AsxSymbol | undefined {
  try {
    return asxSymbol(text);
  } catch {
    return undefined;
  }
}

function tickerHint(raw: unknown): string | undefined {
  if (typeof raw !== 'object' || raw === null || !('s' in raw)) return undefined;
  return typeof raw.s === 'string' ? raw.s : undefined;
}

function skipped(row: number, ticker: string | undefined, problem: string): RowOutcome {
  return { kind: 'skipped', issue: { row, ticker, problem, skipped: true }, warnings: [] };
}
