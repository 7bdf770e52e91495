import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkEntryRisk } from '../../../src/domain/risk/entry-risk-check.js';
import type { RiskLimits } from '../../../src/domain/risk/risk-limits.js';
import { asxSymbol } from '../../../src/domain/values/instrument.js';
import { money } from '../../../src/domain/values/money.js';
import { quantity } from '../../../src/domain/values/quantity.js';
import { anyPrice } from './arbitraries.js';

const SYMBOLS = ['BHP', 'RIO', 'CBA', 'ZIP', '1AE'].map((code) => asxSymbol(code));

describe('entry risk check (property)', () => {
  it('never allows an entry that would take open positions plus entries in flight past maxPositions', () => {
    fc.assert(
      fc.property(
        fc.record({
          openPositions: fc.integer({ min: 0, max: 12 }),
          entriesInFlight: fc.integer({ min: 0, max: 12 }),
          symbolsWithLiveEntry: fc.uniqueArray(fc.constantFrom(...SYMBOLS)).map((list) => new Set(list)),
          dayPnl: fc.integer({ min: -3_000_000, max: 3_000_000 }).map((m) => money(m)),
          ordersInLastMinute: fc.integer({ min: 0, max: 15 }),
        }),
        fc.record({
          maxPositions: fc.integer({ min: 0, max: 10 }),
          positionDollars: fc.integer({ min: 0, max: 20_000_000 }).map((m) => money(m)),
          maxShares: fc.integer({ min: 0, max: 5000 }),
          maxDailyLoss: fc.integer({ min: 0, max: 2_000_000 }).map((m) => money(m)),
          maxOrdersPerMinute: fc.integer({ min: 0, max: 20 }),
        }) satisfies fc.Arbitrary<RiskLimits>,
        fc.constantFrom(...SYMBOLS),
        fc.integer({ min: 1, max: 5000 }),
        anyPrice,
        (state, limits, symbol, shares, entryPrice) => {
          const decision = checkEntryRisk({ symbol, quantity: quantity(shares), price: entryPrice }, state, limits);
          if (!decision.allowed) return;
          expect(state.openPositions + state.entriesInFlight + 1).toBeLessThanOrEqual(limits.maxPositions);
          expect(state.symbolsWithLiveEntry.has(symbol)).toBe(false);
          expect(shares).toBeLessThanOrEqual(limits.maxShares);
          expect(shares * entryPrice).toBeLessThanOrEqual(limits.positionDollars);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
