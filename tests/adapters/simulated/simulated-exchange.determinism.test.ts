import { describe, expect, it } from 'vitest';
import type { SimulatedExchange } from '../../../src/adapters/simulated/simulated-exchange.js';
import { BHP, CBA, bar, makeExchange, minute, order } from './exchange-fixture.js';

/** A morning of trading with random rejections switched on, returning everything the exchange reported. */
function runSession(exchange: SimulatedExchange) {
  exchange.publishBar(BHP, bar(minute(0), '10.00', '10.10', '9.95', '10.05', 400));
  exchange.publishBar(CBA, bar(minute(0), '150.00', '150.50', '149.50', '150.20', 400));
  for (let i = 1; i <= 20; i++) {
    exchange.submitOrder(order({ id: `bhp-${i}`, shares: 50 + i }), minute(i));
    exchange.submitOrder(order({ id: `cba-${i}`, type: 'LMT', limit: '150.00', shares: 5, on: CBA }), minute(i));
    exchange.publishBar(BHP, bar(minute(i), '10.00', '10.20', '9.90', '10.10', 300 + i));
    exchange.publishBar(CBA, bar(minute(i), '150.10', '150.60', '149.80', '150.00', 300));
  }
  exchange.endOfDay();
  return { orders: exchange.orders(), fills: exchange.fills(), totals: exchange.totals() };
}

const options = { seed: 2025, randomRejectionRate: 0.3, maxVolumeParticipation: 0.2, slippageBps: 5 };

describe('determinism', () => {
  it('gives identical orders and fills for the same seed and feed', () => {
    const first = runSession(makeExchange(options));
    const second = runSession(makeExchange(options));

    expect(second).toEqual(first);
    const rejected = first.orders.filter((o) => o.status === 'rejected').length;
    expect(rejected).toBeGreaterThan(0);
    expect(rejected).toBeLessThan(first.orders.length);
  });

  it('rejects other orders under another seed', () => {
    const rejectedIds = (seed: number) =>
      runSession(makeExchange({ ...options, seed }))
        .orders.filter((o) => o.status === 'rejected')
        .map((o) => o.clientOrderId);

    expect(rejectedIds(2026)).not.toEqual(rejectedIds(2025));
  });
});
