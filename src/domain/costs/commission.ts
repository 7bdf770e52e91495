import { money, type Money } from '../values/money.js';

/** IBKR fixed pricing on ASX shares: a percentage of trade value with a per-order minimum. */
export interface FixedCommission {
  readonly kind: 'fixed';
  readonly rateBps: number;
  readonly minimum: Money;
}

export interface CommissionTier {
  /** Month-to-date traded value up to which this tier's rate applies; null for the last tier. */
  readonly upToMonthlyValue: Money | null;
  readonly rateBps: number;
}

/** IBKR tiered pricing: the rate falls as the month's traded value grows; exchange and clearing fees on top. */
export interface TieredCommission {
  readonly kind: 'tiered';
  readonly tiers: readonly CommissionTier[];
  readonly minimum: Money;
  readonly exchangeFeeBps: number;
  readonly clearingFeeBps: number;
}

export type CommissionSchedule = FixedCommission | TieredCommission;

/** Fixed pricing for ASX shares: 0.08 % of trade value, at least AUD 6.00 an order. */
export const IBKR_ASX_FIXED: FixedCommission = Object.freeze({ kind: 'fixed', rateBps: 8, minimum: money(6000) });

/** The commission of one order, rounded half up to the cent. */
export function commissionFor(
  schedule: CommissionSchedule,
  tradeValue: Money,
  monthToDateValue: Money = money(0),
): Money {
  const bps = schedule.kind === 'fixed' ? schedule.rateBps : tieredBps(schedule, monthToDateValue);
  const raw = Math.max((tradeValue * bps) / 10_000, schedule.minimum);
  return money(Math.round(raw / 10) * 10);
}

function tieredBps(schedule: TieredCommission, monthToDateValue: Money): number {
  const tier =
    schedule.tiers.find((t) => t.upToMonthlyValue === null || monthToDateValue < t.upToMonthlyValue) ??
    schedule.tiers[schedule.tiers.length - 1];
  return (tier?.rateBps ?? 0) + schedule.exchangeFeeBps + schedule.clearingFeeBps;
}
