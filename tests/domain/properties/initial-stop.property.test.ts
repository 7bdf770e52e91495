import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { initialStop } from '../../../src/domain/strategy/initial-stop.js';
import { isOnTick } from '../../../src/domain/values/tick-size.js';
import { anyPrice } from './arbitraries.js';

describe('initial stop (property)', () => {
  it('is always strictly below the entry price, on a tick and within maxStopPct when placed', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 1_200_000, noNaN: true }),
        anyPrice,
        fc.integer({ min: 0, max: 100_000 }).map((thousandths) => thousandths / 1000),
        (lowOfDay, entry, maxStopPct) => {
          const decision = initialStop(lowOfDay, entry, maxStopPct);
          expect(decision.stopPrice).toBeLessThanOrEqual(Math.max(1, lowOfDay));
          if (decision.kind === 'skip') return;
          expect(decision.stopPrice).toBeLessThan(entry);
          expect(isOnTick(decision.stopPrice)).toBe(true);
          expect((entry - decision.stopPrice) * 100_000).toBeLessThanOrEqual(Math.round(maxStopPct * 1000) * entry);
        },
      ),
    );
  });
});
