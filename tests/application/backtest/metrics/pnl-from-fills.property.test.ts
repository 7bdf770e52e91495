import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeBacktestMetrics } from '../../../../src/application/backtest/metrics/backtest-metrics.js';
import type { Trade } from '../../../../src/application/backtest/metrics/trade.js';
import { sydneyDateOf } from '../../../../src/domain/market/sydney-time.js';
import type { Fill } from '../../../../src/domain/orders/fill.js';
import { addEntryFill, openPosition, recordExit, type Position } from '../../../../src/domain/position/position.js';
import { formatMoney, money } from '../../../../src/domain/values/money.js';
import { price, priceNearest } from '../../../../src/domain/values/price.js';
import { addDays, localDate } from '../../../../src/domain/values/time.js';
import { BHP, CBA, equity, fill } from './fills.js';

const INSTRUMENTS = [BHP, CBA] as const;
const FIRST_DAY = localDate('2024-01-02');
const STARTING_CASH = 1_000_000_000_000;

interface Step {
  readonly which: 0 | 1;
  readonly buy: boolean;
  readonly shares: number;
  readonly mills: number;
  readonly commission: number;
}

const stepArb: fc.Arbitrary<Step> = fc.record({
  which: fc.constantFrom(0 as const, 1 as const),
  buy: fc.boolean(),
  shares: fc.integer({ min: 1, max: 5_000 }),
  mills: fc.integer({ min: 2, max: 250_000 }),
  commission: fc.integer({ min: 0, max: 50_000 }),
});

/** Valid long-only fills from the steps (a sale never exceeds what is held), one step per trading day. */
function fillsOf(steps: readonly Step[], closeAtEnd: boolean): Fill[] {
  const held = [0, 0];
  const fills: Fill[] = [];
  const add = (which: 0 | 1, buy: boolean, shares: number, mills: number, commission: number, day: number) => {
    held[which] = (held[which] ?? 0) + (buy ? shares : -shares);
    const on = addDays(FIRST_DAY, day);
    const side = buy ? 'BUY' : 'SELL';
    fills.push(fill({ on, side, shares, price: priceNearest(mills), commission, instrument: INSTRUMENTS[which] }));
  };
  steps.forEach((step, day) => {
    const shares = step.buy ? step.shares : Math.min(step.shares, held[step.which] ?? 0);
    if (shares > 0) add(step.which, step.buy, shares, step.mills, step.commission, day);
  });
  if (closeAtEnd) {
    for (const which of [0, 1] as const) {
      const shares = held[which] ?? 0;
      if (shares > 0) add(which, false, shares, 1_000, 6_000, steps.length);
    }
  }
  return fills;
}

/** Cash moved by the fills, computed directly: what sales brought in, less purchases and commissions. */
function cashDelta(fills: readonly Fill[]): number {
  return fills.reduce((sum, f) => sum + (f.side === 'SELL' ? 1 : -1) * f.price * f.quantity - f.commission, 0);
}

/** The same trade replayed through the domain's Position, when its fills fit that model (buys, then sells). */
function domainPnl(trade: Trade, fills: readonly Fill[]): number | undefined {
  const own = fills.filter(
    (f) => f.instrument.conid === trade.instrument.conid && f.at >= trade.entryAt && f.at <= (trade.exitAt ?? 0),
  );
  const firstSale = own.findIndex((f) => f.side === 'SELL');
  if (own.slice(firstSale).some((f) => f.side === 'BUY')) return undefined;
  const [first, ...rest] = own;
  if (first === undefined) return undefined;
  let position: Position = openPosition({
    id: 'p',
    instrument: trade.instrument,
    entryDate: trade.entryDate,
    stopPrice: price(1),
    fill: first,
  });
  for (const f of rest) {
    position =
      f.side === 'BUY'
        ? addEntryFill(position, f)
        : recordExit(position, {
            reason: 'manual',
            quantity: f.quantity,
            price: f.price,
            commission: f.commission,
            at: f.at,
          });
  }
  return position.realisedPnl;
}

/** End-of-day equity: cash plus holdings at each day's last fill price. */
function equityOf(fills: readonly Fill[], days: number) {
  let cash = STARTING_CASH;
  const held = new Map<number, { shares: number; mark: number }>();
  return equity(
    Array.from({ length: days }, (_, day) => {
      const date = addDays(FIRST_DAY, day);
      for (const f of fills.filter((x) => sydneyDateOf(x.at) === date)) {
        cash += (f.side === 'SELL' ? 1 : -1) * f.price * f.quantity - f.commission;
        const current = held.get(f.instrument.conid) ?? { shares: 0, mark: f.price };
        held.set(f.instrument.conid, {
          shares: current.shares + (f.side === 'BUY' ? 1 : -1) * f.quantity,
          mark: f.price,
        });
      }
      const marked = [...held.values()].reduce((sum, h) => sum + h.shares * h.mark, 0);
      return [date, cash + marked] as const;
    }),
  );
}

describe('property: P&L recomputed from the fills equals the reported P&L, to the cent', () => {
  it('for any sequence of fills, closed or not', () => {
    fc.assert(
      fc.property(fc.array(stepArb, { maxLength: 40 }), fc.boolean(), (steps, closeAtEnd) => {
        const fills = fillsOf(steps, closeAtEnd);
        const days = steps.length + 1;
        const { metrics, trades } = computeBacktestMetrics({
          startingCash: money(STARTING_CASH),
          fills,
          equity: equityOf(fills, days),
        });

        const delta = cashDelta(fills);
        expect(trades.reduce((sum, t) => sum + t.cashFlow, 0)).toBe(delta);
        const closed = trades.filter((t) => t.status === 'closed');
        expect(formatMoney(metrics.realisedPnl)).toBe(
          formatMoney(money(closed.reduce((s, t) => s + (t.netPnl ?? 0), 0))),
        );
        expect(metrics.commissions).toBe(fills.reduce((sum, f) => sum + f.commission, 0));
        if (closeAtEnd) {
          expect(metrics.openTrades).toBe(0);
          expect(formatMoney(metrics.realisedPnl)).toBe(formatMoney(money(delta)));
          expect(metrics.netProfit).toBe(metrics.realisedPnl);
        }
        for (const trade of closed) {
          const replayed = domainPnl(trade, fills);
          if (replayed !== undefined) expect(trade.netPnl).toBe(replayed);
        }
      }),
      { numRuns: 300 },
    );
  });
});
