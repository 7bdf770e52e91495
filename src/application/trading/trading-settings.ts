import type { RiskLimits } from '../../domain/risk/risk-limits.js';
import type { StrategyConfig } from '../../domain/strategy/strategy-config.js';

/** How old a quote may be when a decision uses it, unless the settings say otherwise. */
export const DEFAULT_MAX_QUOTE_AGE_MS = 5_000;

/** The strategy's knobs and the risk limits, as the trading use cases receive them. */
export interface TradingSettings {
  readonly strategy: StrategyConfig;
  readonly risk: RiskLimits;
  /** Entries may be decided on delayed quotes (a paper account without an ASX data subscription). */
  readonly allowDelayedData?: boolean;
  /** No decision made on streamed market data uses a quote older than this (DEFAULT_MAX_QUOTE_AGE_MS unless set). */
  readonly maxQuoteAgeMs?: number;
}
