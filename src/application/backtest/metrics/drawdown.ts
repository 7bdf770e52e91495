import { money, type Money } from '../../../domain/values/money.js';
import type { LocalDate } from '../../../domain/values/time.js';
import type { EquityPoint } from './equity-point.js';

export interface DrawdownPoint {
  readonly date: LocalDate;
  /** Equity below its running peak as a fraction of the peak: 0 at a new high, -0.12 for 12 % down. */
  readonly drawdown: number;
}

export interface MaxDrawdown {
  /** The deepest fall from a peak, as a positive fraction of the peak (0.12 = 12 %). */
  readonly depth: number;
  readonly amount: Money;
  /** The last day at the peak; null when the peak was the starting cash, before the first day. */
  readonly peakDate: LocalDate | null;
  readonly troughDate: LocalDate | null;
  /** The first day back at the peak; null when equity never recovered. */
  readonly recoveryDate: LocalDate | null;
  /** Trading days from the peak to the recovery, or to the last day when it never recovered. */
  readonly durationDays: number;
}

/** Each day's distance below the running peak, the starting cash being the first peak. */
export function drawdownSeries(startingCash: Money, equity: readonly EquityPoint[]): DrawdownPoint[] {
  let peak: number = startingCash;
  return equity.map(({ date, equity: value }) => {
    peak = Math.max(peak, value);
    return { date, drawdown: (value - peak) / peak };
  });
}

/**
 * The deepest drawdown and how long it lasted. Positions count from the starting cash (0) through the
 * trading days (1..n), so a drawdown that starts at the starting cash counts its first day too.
 */
export function maxDrawdown(startingCash: Money, equity: readonly EquityPoint[]): MaxDrawdown {
  const values = [startingCash, ...equity.map((point) => point.equity)];
  const dateAt = (position: number): LocalDate | null => equity[position - 1]?.date ?? null;
  let peakAt = 0;
  let worst = { depth: 0, peakAt: 0, troughAt: 0 };
  values.forEach((value, position) => {
    const peak = values[peakAt] ?? startingCash;
    if (value >= peak) {
      peakAt = position;
      return;
    }
    const depth = (peak - value) / peak;
    if (depth > worst.depth) worst = { depth, peakAt, troughAt: position };
  });
  if (worst.depth === 0) {
    return { depth: 0, amount: money(0), peakDate: null, troughDate: null, recoveryDate: null, durationDays: 0 };
  }
  const peakValue = values[worst.peakAt] ?? startingCash;
  const recoveryAt = values.findIndex((value, position) => position > worst.troughAt && value >= peakValue);
  const endAt = recoveryAt < 0 ? values.length - 1 : recoveryAt;
  return {
    depth: worst.depth,
    amount: money(peakValue - (values[worst.troughAt] ?? peakValue)),
    peakDate: dateAt(worst.peakAt),
    troughDate: dateAt(worst.troughAt),
    recoveryDate: recoveryAt < 0 ? null : dateAt(recoveryAt),
    durationDays: endAt - worst.peakAt,
  };
}
