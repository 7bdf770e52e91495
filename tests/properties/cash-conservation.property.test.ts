import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exchangeFor, replay, scenarioArb } from './exchange-model.js';

describe('property: cash and cost are conserved net of commissions', () => {
  it('keeps starting cash = cash + cost of holdings + commissions - realised P&L, exactly in mills', () => {
    fc.assert(
      fc.property(scenarioArb, (scenario) => {
        const exchange = exchangeFor(scenario);
        replay(exchange, scenario.commands, () => {
          const { cash, costOfHoldings, commissions, realisedPnl } = exchange.totals();
          expect(cash + costOfHoldings + commissions - realisedPnl).toBe(scenario.startingCashMills);
        });
      }),
    );
  });

  it('moves cash by exactly the fills: their values and their commissions, and never below zero', () => {
    fc.assert(
      fc.property(scenarioArb, (scenario) => {
        const exchange = exchangeFor(scenario);
        replay(exchange, scenario.commands);
        const fills = exchange.fills();
        const flow = fills.reduce((sum, f) => sum + (f.side === 'BUY' ? -1 : 1) * f.price * f.quantity, 0);
        const commissions = fills.reduce((sum, f) => sum + f.commission, 0);
        expect(exchange.totals().commissions).toBe(commissions);
        expect(exchange.cash()).toBe(scenario.startingCashMills + flow - commissions);
        expect(exchange.cash()).toBeGreaterThanOrEqual(0);
      }),
    );
  });
});
