import { InvalidValue } from '../errors/invalid-value.error.js';
import type { PositionStatus } from '../position/position.js';
import type { Price } from '../values/price.js';
import type { LocalDate } from '../values/time.js';

/** The official closing price of one completed trading day. */
export interface DailyClose {
  readonly date: LocalDate;
  readonly close: Price;
}

export type NoTrailDecisionReason = 'not_half_exited' | 'too_few_closes';

export type SmaTrailDecision =
  | { readonly kind: 'exit'; readonly date: LocalDate; readonly close: Price; readonly smaMills: number }
  | { readonly kind: 'hold'; readonly date: LocalDate; readonly close: Price; readonly smaMills: number }
  | { readonly kind: 'none'; readonly reason: NoTrailDecisionReason; readonly detail: string };

/** Mean of the last `n` closes in mills (may fall between ticks); undefined with fewer than `n` closes. */
export function simpleMovingAverage(closes: readonly Price[], n: number): number | undefined {
  requireLength(n);
  if (closes.length < n) return undefined;
  return sumOf(closes.slice(-n)) / n;
}

/**
 * The trailing exit, decided after a close: sell the remainder when the latest completed close is below
 * the simple moving average of the last `n` closes including that day. Only closes dated on or before
 * `lastCompletedDate` are used, so a close still forming can never leak in. The comparison is exact:
 * close x n < sum of the n closes.
 */
export function decideSmaTrail(
  status: PositionStatus,
  closes: readonly DailyClose[],
  lastCompletedDate: LocalDate,
  n: number,
): SmaTrailDecision {
  requireLength(n);
  if (status !== 'half_exited') {
    return {
      kind: 'none',
      reason: 'not_half_exited',
      detail: `position is ${status}; the trail starts after the half exit`,
    };
  }
  requireAscending(closes);
  const known = closes.filter((day) => day.date <= lastCompletedDate);
  const latest = known.at(-1);
  if (latest === undefined || known.length < n) {
    return {
      kind: 'none',
      reason: 'too_few_closes',
      detail: `${known.length} completed closes; the ${n}-day SMA needs ${n}`,
    };
  }
  const windowSum = sumOf(known.slice(-n).map((day) => day.close));
  const decision = latest.close * n < windowSum ? 'exit' : 'hold';
  return { kind: decision, date: latest.date, close: latest.close, smaMills: windowSum / n };
}

function sumOf(prices: readonly Price[]): number {
  return prices.reduce((total, p) => total + p, 0);
}

function requireLength(n: number): void {
  if (!Number.isSafeInteger(n) || n < 1) throw new InvalidValue('SMA length', n, 'not a whole number of days ≥ 1');
}

function requireAscending(closes: readonly DailyClose[]): void {
  closes.forEach((day, i) => {
    const previous = closes[i - 1];
    if (previous !== undefined && previous.date >= day.date) {
      throw new InvalidValue(
        'daily closes',
        day.date,
        `not after ${previous.date}; closes must be in date order, one a day`,
      );
    }
  });
}
