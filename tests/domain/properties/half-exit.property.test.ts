import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TradingCalendar } from '../../../src/domain/market/trading-calendar.js';
import { decideHalfExit, halfExitQuantity } from '../../../src/domain/strategy/half-exit.js';
import { quantity } from '../../../src/domain/values/quantity.js';
import { localDate } from '../../../src/domain/values/time.js';

const calendar = new TradingCalendar();

describe('half exit (property)', () => {
  it('sells no more than held, keeps the larger half, and sale + remainder = held', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), (held) => {
        const sold = halfExitQuantity(quantity(held));
        expect(sold).toBeLessThanOrEqual(held);
        expect(held - sold).toBeGreaterThanOrEqual(sold);
        expect(held - sold - sold).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('a due half exit sells quantity + remainder = held, never more than held', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), (held) => {
        const decision = decideHalfExit(
          { status: 'open', quantity: quantity(held), entryDate: localDate('2025-07-01') },
          localDate('2025-07-04'),
          calendar,
          3,
        );
        if (decision.kind === 'none') {
          expect(held).toBe(1);
          return;
        }
        expect(decision.quantity + decision.remainder).toBe(held);
        expect(decision.quantity).toBeLessThanOrEqual(held);
        expect(decision.quantity).toBeGreaterThanOrEqual(1);
      }),
    );
  });
});
