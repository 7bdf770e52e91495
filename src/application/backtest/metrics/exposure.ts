import type { LocalDate } from '../../../domain/values/time.js';
import type { EquityPoint } from './equity-point.js';
import type { Trade } from './trade.js';

/**
 * The share of the series' trading days on which a position was held at some point of the day: every day
 * from a trade's entry to its exit (or to the last day while it is open), counted once however many trades
 * overlap.
 */
export function exposure(trades: readonly Trade[], equity: readonly EquityPoint[]): number {
  const n = equity.length;
  if (n === 0) return 0;
  const dates = equity.map((point) => point.date);
  const starts = new Int32Array(n + 1);
  for (const trade of trades) {
    const from = firstIndex(dates, (date) => date >= trade.entryDate);
    const exitDate = trade.exitDate;
    const to = exitDate === null ? n : firstIndex(dates, (date) => date > exitDate);
    if (from >= to) continue;
    starts[from] = (starts[from] ?? 0) + 1;
    starts[to] = (starts[to] ?? 0) - 1;
  }
  let open = 0;
  let covered = 0;
  for (let i = 0; i < n; i += 1) {
    open += starts[i] ?? 0;
    if (open > 0) covered += 1;
  }
  return covered / n;
}

/** Index of the first date (in ascending `dates`) for which `test` holds; `dates.length` when none. */
function firstIndex(dates: readonly LocalDate[], test: (date: LocalDate) => boolean): number {
  let low = 0;
  let high = dates.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    const date = dates[middle];
    if (date !== undefined && !test(date)) low = middle + 1;
    else high = middle;
  }
  return low;
}
