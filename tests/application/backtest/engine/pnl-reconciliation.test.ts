import { describe, expect, it } from 'vitest';
import { PnlMismatch } from '../../../../src/application/backtest/engine/pnl-mismatch.error.js';
import { reconcilePnl } from '../../../../src/application/backtest/engine/pnl-reconciliation.js';
import type { Fill } from '../../../../src/domain/orders/fill.js';
import type { ClientOrderId } from '../../../../src/domain/orders/client-order-id.js';
import { instrument } from '../../../../src/domain/values/instrument.js';
import { money } from '../../../../src/domain/values/money.js';
import { price } from '../../../../src/domain/values/price.js';
import { quantity } from '../../../../src/domain/values/quantity.js';

const ABC = instrument('ABC', 1);

function fill(side: 'BUY' | 'SELL', shares: number, mills: number, commission: number, n: number): Fill {
  return {
    executionId: `e${n}`,
    clientOrderId: `c${n}` as ClientOrderId,
    brokerOrderId: `b${n}`,
    instrument: ABC,
    side,
    quantity: quantity(shares),
    price: price(mills),
    commission: money(commission),
    at: n,
  };
}

describe('P&L recomputed from the fills', () => {
  // Bought 1000 at 1.065 (6.00 commission), sold 500 at 1.200 (6.00), 500 held and marked at 1.150.
  const fills = [fill('BUY', 1000, 1065, 6000, 1), fill('SELL', 500, 1200, 6000, 2)];
  const holdings = [{ instrument: ABC, quantity: 500, mark: price(1150) }];
  const expected = -1_065_000 + 600_000 - 12_000 + 575_000;

  it('matches a reported P&L equal to the cent', () => {
    expect(reconcilePnl(fills, holdings, money(expected))).toEqual({ reported: expected, fromFills: expected });
  });

  it('catches a reported P&L a cent away', () => {
    expect(() => reconcilePnl(fills, holdings, money(expected + 10))).toThrow(PnlMismatch);
  });

  it('catches a fill the account never booked', () => {
    const extra = [...fills, fill('SELL', 100, 1200, 6000, 3)];
    expect(() => reconcilePnl(extra, holdings, money(expected))).toThrow(PnlMismatch);
  });
});
