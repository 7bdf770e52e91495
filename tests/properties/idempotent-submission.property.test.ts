import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BrokerOrder } from '../../src/domain/orders/broker-order.js';
import { commandArb, exchangeFor, intentFor, replay, scenarioArb, type Command } from './exchange-model.js';

type Submit = Extract<Command, { kind: 'submit' }>;

const resendsArb = fc.array(
  commandArb.filter((c): c is Submit => c.kind === 'submit'),
  { minLength: 1, maxLength: 10 },
);

describe('property: resubmitting a client order id is a no-op', () => {
  it('returns the existing order and leaves every order and fill as it would be without the resend', () => {
    fc.assert(
      fc.property(scenarioArb, resendsArb, (scenario, resends) => {
        const plain = exchangeFor(scenario);
        replay(plain, scenario.commands);

        const noisy = exchangeFor(scenario);
        const firstSeen = new Map<string, BrokerOrder>();
        let submissions = 0;
        replay(noisy, scenario.commands, (step) => {
          if (step.order === undefined) return;
          if (!firstSeen.has(step.order.clientOrderId)) firstSeen.set(step.order.clientOrderId, step.order);
          // resend a known id, at the same instant, with whatever intent the resend carries
          const resend = resends[submissions++ % resends.length];
          const ids = [...firstSeen.keys()];
          const target = firstSeen.get(ids[(resend?.shares ?? 0) % ids.length] ?? '');
          if (resend === undefined || target === undefined) return;
          const again = noisy.submitOrder({ ...intentFor(resend), clientOrderId: target.clientOrderId }, step.at);
          expect(again.brokerOrderId).toBe(target.brokerOrderId);
          expect(again).toEqual(noisy.findOrder(target.clientOrderId));
        });

        expect(noisy.orders()).toEqual(plain.orders());
        expect(noisy.fills()).toEqual(plain.fills());
        expect(noisy.totals()).toEqual(plain.totals());
      }),
    );
  });
});
