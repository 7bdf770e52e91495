import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Fill } from '../../src/domain/orders/fill.js';
import { exchangeFor, replay, scenarioArb } from './exchange-model.js';

describe('property: no order takes more than its share of a bar', () => {
  it('fills each order at most floor(participation x volume) shares per bar', () => {
    fc.assert(
      fc.property(scenarioArb, (scenario) => {
        const exchange = exchangeFor(scenario);
        let barFills: Fill[] = [];
        exchange.onFill((fill) => barFills.push(fill));
        replay(exchange, scenario.commands, (step) => {
          if (step.bar !== undefined) {
            // participation is a whole percent, so the cap is exact integer arithmetic
            const cap = Math.floor((scenario.participationPct * step.bar.volume) / 100);
            const perOrder = new Map<string, number>();
            for (const fill of barFills) {
              perOrder.set(fill.clientOrderId, (perOrder.get(fill.clientOrderId) ?? 0) + fill.quantity);
            }
            for (const shares of perOrder.values()) expect(shares).toBeLessThanOrEqual(cap);
          }
          barFills = [];
        });
      }),
    );
  });
});
