import { InvalidValue } from '../errors/invalid-value.error.js';
import { RiskLimitExceeded } from '../errors/risk-limit-exceeded.error.js';
import type { AsxSymbol } from '../values/instrument.js';
import { formatMoney, valueOf, type Money } from '../values/money.js';
import type { Price } from '../values/price.js';
import type { Quantity } from '../values/quantity.js';
import { isDailyLossBreached } from './daily-loss.js';
import type { RiskLimits } from './risk-limits.js';

export type EntryRiskRule =
  'duplicate_entry' | 'daily_loss' | 'max_positions' | 'orders_per_minute' | 'max_shares' | 'position_dollars';

/** What the risk check needs to know about the account at the moment of an entry. */
export interface EntryRiskState {
  readonly openPositions: number;
  /** Entry orders sent (or journalled) that have not yet become a position or died. */
  readonly entriesInFlight: number;
  readonly symbolsWithLiveEntry: ReadonlySet<AsxSymbol>;
  /** Realised + unrealised P&L for the day. */
  readonly dayPnl: Money;
  /** Orders of any kind sent in the last minute (see OrderRateWindow). */
  readonly ordersInLastMinute: number;
}

export interface EntryRequest {
  readonly symbol: AsxSymbol;
  readonly quantity: Quantity;
  /** Price the entry is sized at (buy-stop price or the breaking trade). */
  readonly price: Price;
}

export type EntryRiskDecision =
  { readonly allowed: true } | { readonly allowed: false; readonly rule: EntryRiskRule; readonly detail: string };

/** Checks a new entry against every entry risk rule; the first rule broken is reported. */
export function checkEntryRisk(request: EntryRequest, state: EntryRiskState, limits: RiskLimits): EntryRiskDecision {
  if (request.quantity < 1)
    throw new InvalidValue('entry quantity', request.quantity, 'an entry needs at least 1 share');
  const { symbol, quantity, price } = request;
  if (state.symbolsWithLiveEntry.has(symbol)) {
    return refuse('duplicate_entry', `${symbol} already has a live entry order`);
  }
  if (isDailyLossBreached(state.dayPnl, limits.maxDailyLoss)) {
    return refuse(
      'daily_loss',
      `day P&L ${formatMoney(state.dayPnl)} is at or below -${formatMoney(limits.maxDailyLoss)}`,
    );
  }
  const committed = state.openPositions + state.entriesInFlight;
  if (committed + 1 > limits.maxPositions) {
    return refuse(
      'max_positions',
      `${state.openPositions} open + ${state.entriesInFlight} in flight; limit ${limits.maxPositions}`,
    );
  }
  if (state.ordersInLastMinute + 1 > limits.maxOrdersPerMinute) {
    return refuse(
      'orders_per_minute',
      `${state.ordersInLastMinute} orders in the last minute; limit ${limits.maxOrdersPerMinute}`,
    );
  }
  if (quantity > limits.maxShares) {
    return refuse('max_shares', `${quantity} shares of ${symbol}; limit ${limits.maxShares}`);
  }
  const value = valueOf(price, quantity);
  if (value > limits.positionDollars) {
    return refuse(
      'position_dollars',
      `${symbol} entry worth ${formatMoney(value)}; limit ${formatMoney(limits.positionDollars)}`,
    );
  }
  return { allowed: true };
}

/** As checkEntryRisk, but throws RiskLimitExceeded naming the rule. */
export function assertEntryAllowed(request: EntryRequest, state: EntryRiskState, limits: RiskLimits): void {
  const decision = checkEntryRisk(request, state, limits);
  if (!decision.allowed) throw new RiskLimitExceeded(decision.rule, decision.detail);
}

function refuse(rule: EntryRiskRule, detail: string): EntryRiskDecision {
  return { allowed: false, rule, detail };
}
