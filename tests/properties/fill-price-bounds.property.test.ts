import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Bar } from '../../src/domain/market/bar.js';
import type { Fill } from '../../src/domain/orders/fill.js';
import { exchangeFor, replay, scenarioArb } from './exchange-model.js';

describe('property: fills happen at prices the bar and the order allow', () => {
  it('keeps fills inside the bar, buy-stops at or above the stop, sell-stops at or below it, limits at the limit or better', () => {
    fc.assert(
      fc.property(scenarioArb, (scenario) => {
        const exchange = exchangeFor(scenario);
        let barFills: Fill[] = [];
        exchange.onFill((fill) => barFills.push(fill));
        replay(exchange, scenario.commands, (step) => {
          if (step.bar !== undefined) checkFills(barFills, step.bar, exchange.findOrder.bind(exchange));
          barFills = [];
        });
      }),
    );
  });
});

function checkFills(fills: readonly Fill[], bar: Bar, findOrder: ReturnType<typeof exchangeFor>['findOrder']): void {
  for (const fill of fills) {
    const order = findOrder(fill.clientOrderId);
    expect(order).toBeDefined();
    expect(fill.price).toBeGreaterThanOrEqual(bar.low);
    expect(fill.price).toBeLessThanOrEqual(bar.high);
    if (order?.stopPrice !== undefined) {
      if (fill.side === 'BUY') expect(fill.price).toBeGreaterThanOrEqual(order.stopPrice);
      else expect(fill.price).toBeLessThanOrEqual(order.stopPrice);
    }
    if (order?.limitPrice !== undefined) {
      if (fill.side === 'BUY') expect(fill.price).toBeLessThanOrEqual(order.limitPrice);
      else expect(fill.price).toBeGreaterThanOrEqual(order.limitPrice);
    }
  }
}
