import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exchangeFor, INSTRUMENTS, replay, scenarioArb } from './exchange-model.js';

describe('property: the simulated exchange never sells more than is held', () => {
  it('keeps every position, rebuilt from the fills, at zero or above whatever orders are sent', () => {
    fc.assert(
      fc.property(scenarioArb, (scenario) => {
        const exchange = exchangeFor(scenario);
        replay(exchange, scenario.commands, () => {
          for (const target of INSTRUMENTS) {
            const net = exchange
              .fills()
              .filter((f) => f.instrument.conid === target.conid)
              .reduce((n, f) => n + (f.side === 'BUY' ? f.quantity : -f.quantity), 0);
            expect(net).toBeGreaterThanOrEqual(0);
            const reported = exchange.positions().find((p) => p.instrument.conid === target.conid)?.quantity ?? 0;
            expect(reported).toBe(net);
          }
        });
      }),
    );
  });
});
