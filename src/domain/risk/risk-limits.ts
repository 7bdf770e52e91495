import { dollars, type Money } from '../values/money.js';

/** Hard limits checked before every new order; defaults follow the strategy specification. */
export interface RiskLimits {
  /** Open positions plus entries in flight. */
  readonly maxPositions: number;
  readonly positionDollars: Money;
  readonly maxShares: number;
  /** Realised + unrealised loss for the day at which new entries stop (a positive amount). */
  readonly maxDailyLoss: Money;
  readonly maxOrdersPerMinute: number;
}

export const DEFAULT_RISK_LIMITS: RiskLimits = Object.freeze({
  maxPositions: 5,
  positionDollars: dollars(5000),
  maxShares: 1000,
  maxDailyLoss: dollars(1000),
  maxOrdersPerMinute: 10,
});
