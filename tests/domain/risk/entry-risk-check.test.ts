import { describe, expect, it } from 'vitest';
import { InvalidValue } from '../../../src/domain/errors/invalid-value.error.js';
import { RiskLimitExceeded } from '../../../src/domain/errors/risk-limit-exceeded.error.js';
import {
  assertEntryAllowed,
  checkEntryRisk,
  type EntryRequest,
  type EntryRiskState,
} from '../../../src/domain/risk/entry-risk-check.js';
import { DEFAULT_RISK_LIMITS } from '../../../src/domain/risk/risk-limits.js';
import { asxSymbol } from '../../../src/domain/values/instrument.js';
import { money } from '../../../src/domain/values/money.js';
import { price } from '../../../src/domain/values/price.js';
import { quantity } from '../../../src/domain/values/quantity.js';

const REQUEST: EntryRequest = { symbol: asxSymbol('BHP'), quantity: quantity(110), price: price(45_200) };
const CALM: EntryRiskState = {
  openPositions: 0,
  entriesInFlight: 0,
  symbolsWithLiveEntry: new Set(),
  dayPnl: money(0),
  ordersInLastMinute: 0,
};
const check = (state: Partial<EntryRiskState>, request: Partial<EntryRequest> = {}) =>
  checkEntryRisk({ ...REQUEST, ...request }, { ...CALM, ...state }, DEFAULT_RISK_LIMITS);

describe('checkEntryRisk', () => {
  it('allows an entry within every limit', () => {
    expect(check({})).toEqual({ allowed: true });
  });

  it('counts entries in flight towards max_positions', () => {
    expect(check({ openPositions: 4 })).toEqual({ allowed: true });
    expect(check({ openPositions: 3, entriesInFlight: 2 })).toMatchObject({ allowed: false, rule: 'max_positions' });
    expect(check({ openPositions: 5 })).toEqual({
      allowed: false,
      rule: 'max_positions',
      detail: '5 open + 0 in flight; limit 5',
    });
  });

  it('refuses a second live entry for the same symbol', () => {
    expect(check({ symbolsWithLiveEntry: new Set([asxSymbol('BHP')]) })).toMatchObject({ rule: 'duplicate_entry' });
    expect(check({ symbolsWithLiveEntry: new Set([asxSymbol('RIO')]) })).toEqual({ allowed: true });
  });

  it('stops entries once the day P&L reaches minus the daily loss limit', () => {
    expect(check({ dayPnl: money(-999_999) })).toEqual({ allowed: true });
    expect(check({ dayPnl: money(-1_000_000) })).toMatchObject({ allowed: false, rule: 'daily_loss' });
  });

  it('trips the orders-per-minute breaker at the limit', () => {
    expect(check({ ordersInLastMinute: 9 })).toEqual({ allowed: true });
    expect(check({ ordersInLastMinute: 10 })).toMatchObject({ rule: 'orders_per_minute' });
  });

  it('refuses more than maxShares', () => {
    expect(check({}, { quantity: quantity(1000), price: price(4000) })).toEqual({ allowed: true });
    expect(check({}, { quantity: quantity(1001), price: price(99) })).toMatchObject({ rule: 'max_shares' });
  });

  it('refuses an entry worth more than positionDollars, allowing exactly the limit', () => {
    expect(check({}, { quantity: quantity(1000), price: price(5000) })).toEqual({ allowed: true });
    expect(check({}, { quantity: quantity(111), price: price(45_200) })).toEqual({
      allowed: false,
      rule: 'position_dollars',
      detail: 'BHP entry worth 5017.20; limit 5000.00',
    });
  });

  it('refuses an entry of no shares as a programming error', () => {
    expect(() => check({}, { quantity: quantity(0) })).toThrow(InvalidValue);
  });
});

describe('assertEntryAllowed', () => {
  it('throws RiskLimitExceeded naming the rule', () => {
    expect(() => {
      assertEntryAllowed(REQUEST, { ...CALM, openPositions: 5 }, DEFAULT_RISK_LIMITS);
    }).toThrow(RiskLimitExceeded);
    try {
      assertEntryAllowed(REQUEST, { ...CALM, dayPnl: money(-2_000_000) }, DEFAULT_RISK_LIMITS);
      expect.unreachable();
    } catch (error) {
      expect(error).toMatchObject({ code: 'RISK_LIMIT_EXCEEDED', rule: 'daily_loss' });
    }
    expect(() => {
      assertEntryAllowed(REQUEST, CALM, DEFAULT_RISK_LIMITS);
    }).not.toThrow();
  });
});
