import type { StrategyConfig } from '../../domain/strategy/strategy-config.js';
import type { Money } from '../../domain/values/money.js';
import type { LocalDate } from '../../domain/values/time.js';

export type BacktestSource =
  | { readonly kind: 'synthetic'; readonly seed: number; readonly symbols: number }
  | { readonly kind: 'bars'; readonly dir: string };

/** How the simulated exchange fills orders (commissions come from the configuration). */
export interface FillModel {
  /** Price slippage against the trader on market and triggered stop fills, in basis points. */
  readonly slippageBps: number;
  /** Share of one minute bar's volume one order may take, 0 < x <= 1. */
  readonly maxVolumeParticipation: number;
}

/** One backtest run, as plain data so it can be posted to a worker thread. */
export interface BacktestSpec {
  readonly from: LocalDate;
  readonly to: LocalDate;
  readonly source: BacktestSource;
  readonly fill: FillModel;
  readonly startingCash: Money;
  /** Strategy settings that differ from the configuration's (a sweep's grid point). */
  readonly strategy: Partial<StrategyConfig>;
  /** Replay every instrument minute by minute instead of only those in play (slower, same results). */
  readonly replayEveryInstrument: boolean;
}

export const DEFAULT_FILL_MODEL: FillModel = Object.freeze({ slippageBps: 5, maxVolumeParticipation: 0.1 });
