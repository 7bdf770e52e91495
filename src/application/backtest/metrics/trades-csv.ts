import { formatMills } from '../../../domain/values/decimal.js';
import { formatMoney } from '../../../domain/values/money.js';
import { formatPrice } from '../../../domain/values/price.js';
import type { Trade } from './trade.js';

export const TRADES_CSV_HEADER = [
  'symbol',
  'conid',
  'status',
  'entry_date',
  'exit_date',
  'quantity',
  'held',
  'entry_price',
  'exit_price',
  'cost',
  'proceeds',
  'commissions',
  'net_pnl',
  'return_on_cost',
  'exits',
] as const;

/**
 * The trades list as CSV lines (header first), one trade per line, so a caller can stream them to a file.
 * Money is exact to the mill; average prices are rounded to the mill; `exits` lists each sale as
 * `date:quantity@price:reason` separated by `;`.
 */
export function* tradesCsvLines(trades: readonly Trade[]): Generator<string> {
  yield TRADES_CSV_HEADER.join(',');
  for (const trade of trades) yield tradeRow(trade).map(csvField).join(',');
}

/** The whole CSV document, newline-terminated. */
export function tradesCsv(trades: readonly Trade[]): string {
  return [...tradesCsvLines(trades)].map((line) => `${line}\n`).join('');
}

function tradeRow(trade: Trade): string[] {
  return [
    trade.instrument.symbol,
    String(trade.instrument.conid),
    trade.status,
    trade.entryDate,
    trade.exitDate ?? '',
    String(trade.quantity),
    String(trade.held),
    averagePrice(trade.entryPrice),
    trade.exitPrice === null ? '' : averagePrice(trade.exitPrice),
    formatMoney(trade.cost),
    formatMoney(trade.proceeds),
    formatMoney(trade.commissions),
    trade.netPnl === null ? '' : formatMoney(trade.netPnl),
    trade.returnOnCost === null ? '' : trade.returnOnCost.toFixed(6),
    trade.exits.map((exit) => `${exit.date}:${exit.quantity}@${formatPrice(exit.price)}:${exit.reason}`).join(';'),
  ];
}

function averagePrice(mills: number): string {
  return formatMills(Math.round(mills), 3);
}

function csvField(text: string): string {
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
