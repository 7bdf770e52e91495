import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { positionSize } from '../../../src/domain/risk/position-sizing.js';
import { money } from '../../../src/domain/values/money.js';
import { anyPrice } from './arbitraries.js';

describe('position sizing (property)', () => {
  it('never exceeds positionDollars or maxShares, is whole, and buys as much as both allow', () => {
    fc.assert(
      fc.property(
        anyPrice,
        fc.integer({ min: 0, max: 100_000_000 }),
        fc.integer({ min: 0, max: 100_000 }),
        (entry, budgetMills, maxShares) => {
          const shares = positionSize(entry, money(budgetMills), maxShares);
          expect(Number.isInteger(shares)).toBe(true);
          expect(shares).toBeGreaterThanOrEqual(0);
          expect(shares).toBeLessThanOrEqual(maxShares);
          expect(shares * entry).toBeLessThanOrEqual(budgetMills);
          expect(shares === maxShares || (shares + 1) * entry > budgetMills).toBe(true);
        },
      ),
    );
  });
});
