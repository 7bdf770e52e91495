import type { Trade } from '../metrics/trade.js';
import { formatAveragePrice, formatOptionalDollars, formatPercent, NONE, signClass } from './display-format.js';
import { element, textElement } from './html.js';

const HEADINGS = ['#', 'Symbol', 'Entry', 'Exit', 'Shares', 'Entry price', 'Exit price', 'Net P&L', 'Return', 'Exits'];

/** One row per round trip, in entry order. */
export function renderTradesTable(trades: readonly Trade[]): string {
  const head = element('tr', {}, ...HEADINGS.map((heading) => textElement('th', { scope: 'col' }, heading)));
  const rows = trades.map((trade, index) =>
    element(
      'tr',
      { class: trade.status },
      textElement('td', {}, String(index + 1)),
      textElement('td', {}, trade.instrument.symbol),
      textElement('td', { class: 'date' }, trade.entryDate),
      textElement('td', { class: 'date' }, trade.exitDate ?? 'open'),
      textElement('td', { class: 'number' }, String(trade.quantity)),
      textElement('td', { class: 'number' }, formatAveragePrice(trade.entryPrice)),
      textElement('td', { class: 'number' }, formatAveragePrice(trade.exitPrice)),
      textElement('td', { class: `number ${signClass(trade.netPnl)}` }, formatOptionalDollars(trade.netPnl)),
      textElement('td', { class: `number ${signClass(trade.returnOnCost)}` }, formatPercent(trade.returnOnCost)),
      textElement('td', {}, exitsText(trade)),
    ),
  );
  return element('table', { id: 'trades', class: 'trades' }, element('thead', {}, head), element('tbody', {}, ...rows));
}

function exitsText(trade: Trade): string {
  if (trade.exits.length === 0) return NONE;
  return trade.exits.map((exit) => `${exit.date}: ${exit.quantity} (${exit.reason})`).join('; ');
}
