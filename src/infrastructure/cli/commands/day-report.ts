import type { DaySummary } from '../../../application/trading/day-summary.js';
import type { TradingDayResult } from '../../../application/trading/trading-day.js';
import { formatMoney } from '../../../domain/values/money.js';
import { formatPrice } from '../../../domain/values/price.js';

/** A trading day's result as readable lines, for `skim run` and the demo. */
export function describeDay(result: TradingDayResult): string {
  if (result.kind === 'market_closed') return `${result.date}: market closed (${result.reason})`;
  return describeSummary(result.summary);
}

export function describeSummary(summary: DaySummary): string {
  const counts = Object.entries(summary.candidates)
    .filter(([, count]) => count > 0)
    .map(([status, count]) => `${count} ${status}`)
    .join(', ');
  const lines = [`${summary.date}: candidates ${counts === '' ? 'none' : counts}`];
  for (const entry of summary.entries) {
    lines.push(`  entry ${entry.symbol}: bought ${entry.quantity} at ${(entry.averagePriceMills / 1000).toFixed(3)}`);
  }
  for (const exit of summary.exits) {
    lines.push(
      `  exit  ${exit.symbol}: sold ${exit.quantity} at ${formatPrice(exit.price)} (${exit.reason}), realised ${formatMoney(exit.realised)}`,
    );
  }
  for (const held of summary.openPositions) {
    lines.push(
      `  held  ${held.symbol}: ${held.quantity} shares (${held.status}, entered ${held.entryDate}), stop ${formatPrice(held.stopPrice)}`,
    );
  }
  lines.push(`  realised P&L today ${formatMoney(summary.realisedPnl)}`);
  return lines.join('\n');
}
