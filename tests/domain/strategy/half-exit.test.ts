import { describe, expect, it } from 'vitest';
import { TradingCalendar } from '../../../src/domain/market/trading-calendar.js';
import type { PositionStatus } from '../../../src/domain/position/position.js';
import { decideHalfExit, halfExitQuantity } from '../../../src/domain/strategy/half-exit.js';
import { quantity } from '../../../src/domain/values/quantity.js';
import { localDate } from '../../../src/domain/values/time.js';

const calendar = new TradingCalendar();
const position = (shares: number, entryDate = '2025-07-01', status: PositionStatus = 'open') => ({
  status,
  quantity: quantity(shares),
  entryDate: localDate(entryDate),
});

describe('halfExitQuantity', () => {
  it('sells the smaller half so odd holdings keep the larger one', () => {
    expect(halfExitQuantity(quantity(100))).toBe(50);
    expect(halfExitQuantity(quantity(101))).toBe(50);
    expect(halfExitQuantity(quantity(3))).toBe(1);
    expect(halfExitQuantity(quantity(2))).toBe(1);
    expect(halfExitQuantity(quantity(1))).toBe(0);
    expect(halfExitQuantity(quantity(0))).toBe(0);
  });
});

describe('decideHalfExit', () => {
  it('is due on trading day 3 counted from the entry day as day 0', () => {
    expect(decideHalfExit(position(101), localDate('2025-07-04'), calendar, 3)).toEqual({
      kind: 'sell',
      quantity: 50,
      remainder: 51,
      tradingDay: 3,
    });
  });

  it('is not due on day 2, nor on calendar day 3 when a weekend intervenes', () => {
    expect(decideHalfExit(position(100), localDate('2025-07-03'), calendar, 3)).toMatchObject({
      kind: 'none',
      reason: 'not_due',
      detail: 'trading day 2 since entry; the half exit is due on day 3',
    });
    expect(decideHalfExit(position(100, '2025-07-03'), localDate('2025-07-07'), calendar, 3)).toMatchObject({
      reason: 'not_due',
    });
    expect(decideHalfExit(position(100, '2025-07-03'), localDate('2025-07-08'), calendar, 3)).toMatchObject({
      kind: 'sell',
      tradingDay: 3,
    });
  });

  it('skips Easter when counting', () => {
    expect(decideHalfExit(position(100, '2025-04-16'), localDate('2025-04-22'), calendar, 3)).toMatchObject({
      reason: 'not_due',
    });
    expect(decideHalfExit(position(100, '2025-04-16'), localDate('2025-04-23'), calendar, 3)).toMatchObject({
      kind: 'sell',
    });
  });

  it('catches up on the next trading day when the due day was missed', () => {
    expect(decideHalfExit(position(100), localDate('2025-07-07'), calendar, 3)).toMatchObject({
      kind: 'sell',
      quantity: 50,
      tradingDay: 4,
    });
  });

  it('does nothing on a non-trading day', () => {
    expect(decideHalfExit(position(100), localDate('2025-07-05'), calendar, 3)).toMatchObject({
      kind: 'none',
      reason: 'not_a_trading_day',
    });
  });

  it('applies only to an open position', () => {
    for (const status of ['half_exited', 'closed'] as const) {
      expect(decideHalfExit(position(100, '2025-07-01', status), localDate('2025-07-04'), calendar, 3)).toMatchObject({
        kind: 'none',
        reason: 'not_open',
      });
    }
  });

  it('says so when a single share cannot be halved', () => {
    expect(decideHalfExit(position(1), localDate('2025-07-04'), calendar, 3)).toEqual({
      kind: 'none',
      reason: 'single_share',
      detail: 'holding 1 share: nothing to sell; it stays under the stop',
    });
  });
});
