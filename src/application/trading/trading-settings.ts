import type { RiskLimits } from '../../domain/risk/risk-limits.js';
import type { StrategyConfig } from '../../domain/strategy/strategy-config.js';

/** The strategy's knobs and the risk limits, as the trading use cases receive them. */
export interface TradingSettings {
  readonly strategy: StrategyConfig;
  readonly risk: RiskLimits;
  /** Entries may be decided on delayed quotes (a paper account without an ASX data subscription). */
  readonly allowDelayedData?: boolean;
}
