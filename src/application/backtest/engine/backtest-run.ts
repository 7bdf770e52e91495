import type { Fill } from '../../../domain/orders/fill.js';
import type { Money } from '../../../domain/values/money.js';
import type { LocalDate } from '../../../domain/values/time.js';
import type { EquityPoint } from '../metrics/equity-point.js';
import type { MarkedHolding } from './daily-equity.js';
import type { PnlCheck } from './pnl-reconciliation.js';

/** What a backtest produced: every fill, the equity at each close and the holdings left at the end. */
export interface BacktestRun {
  readonly from: LocalDate;
  readonly to: LocalDate;
  readonly startingCash: Money;
  readonly fills: readonly Fill[];
  readonly equity: readonly EquityPoint[];
  /** Positions still held after the last day, marked at its close. */
  readonly holdings: readonly MarkedHolding[];
  readonly tradingDays: number;
  /** Minute bars read from the data, replayed or only added up into daily bars. */
  readonly barsRead: number;
  /** Minute bars replayed through the exchange (the instruments in play). */
  readonly barsReplayed: number;
  readonly pnl: PnlCheck;
}

/** Told after every replayed day. */
export interface BacktestProgress {
  readonly date: LocalDate;
  readonly daysDone: number;
  readonly daysTotal: number;
  readonly barsRead: number;
}
