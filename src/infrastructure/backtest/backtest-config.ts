import type { StrategyConfig } from '../../domain/strategy/strategy-config.js';
import type { SkimConfig } from '../config/skim-config.js';
import type { BacktestSpec } from './backtest-spec.js';

/**
 * The configuration a run trades with: the user's, with the spec's strategy settings on top (position size
 * feeds the risk limit too, as in the configuration loader). Data without announcements cannot satisfy the
 * announcement rule, so it is turned off there and a note says so.
 */
export function backtestConfig(
  base: SkimConfig,
  spec: BacktestSpec,
  hasAnnouncements: boolean,
): { config: SkimConfig; notes: string[] } {
  const notes: string[] = [];
  const strategy: StrategyConfig = { ...base.strategy, ...spec.strategy };
  const withoutNews = !hasAnnouncements && strategy.requireAnnouncement;
  if (withoutNews) {
    notes.push('the bar data has no ASX announcements: requireAnnouncement is off for this run (gap rule only)');
  }
  const effective: StrategyConfig = withoutNews ? { ...strategy, requireAnnouncement: false } : strategy;
  return {
    config: {
      ...base,
      profile: 'backtest',
      strategy: effective,
      risk: { ...base.risk, positionDollars: effective.positionDollars, maxShares: effective.maxShares },
    },
    notes,
  };
}
