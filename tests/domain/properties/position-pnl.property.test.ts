import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addEntryFill,
  openPosition,
  recordExit,
  type ExitReason,
  type Position,
} from '../../../src/domain/position/position.js';
import { instrument } from '../../../src/domain/values/instrument.js';
import { money } from '../../../src/domain/values/money.js';
import { price } from '../../../src/domain/values/price.js';
import { quantity } from '../../../src/domain/values/quantity.js';
import { localDate } from '../../../src/domain/values/time.js';
import { anyPrice } from './arbitraries.js';

const trade = fc.record({
  shares: fc.integer({ min: 1, max: 5000 }),
  price: anyPrice.filter((p) => p > 1),
  commission: fc.integer({ min: 0, max: 50_000 }),
});
const LATER_REASONS: readonly ExitReason[] = ['stop', 'sma_trail', 'manual', 'kill_switch', 'reconcile'];

/** Splits `total` shares into exits at the given cut points (each exit at least one share). */
function splitShares(total: number, cuts: readonly number[]): number[] {
  const points = [...new Set(cuts.map((c) => 1 + (c % Math.max(1, total - 1))))]
    .filter((c) => c < total)
    .sort((a, b) => a - b);
  return [...points, total].map((point, i) => point - (i === 0 ? 0 : (points[i - 1] ?? 0)));
}

describe('position P&L (property)', () => {
  it('after any sequence of exits that closes it, realised P&L = proceeds - cost - commissions exactly', () => {
    fc.assert(
      fc.property(
        fc.array(trade, { minLength: 1, maxLength: 3 }),
        fc.array(fc.nat(), { maxLength: 6 }),
        fc.array(fc.tuple(anyPrice, fc.integer({ min: 0, max: 50_000 })), { minLength: 7, maxLength: 7 }),
        fc.boolean(),
        fc.array(fc.constantFrom(...LATER_REASONS), { minLength: 7, maxLength: 7 }),
        (entries, cuts, exitTerms, halfFirst, reasons) => {
          const [first, ...more] = entries;
          if (first === undefined) return;
          let position: Position = openPosition({
            id: 'p',
            instrument: instrument('BHP', 1),
            entryDate: localDate('2025-07-01'),
            stopPrice: price(1),
            fill: { quantity: quantity(first.shares), price: first.price, commission: money(first.commission), at: 0 },
          });
          for (const fill of more) {
            position = addEntryFill(position, {
              quantity: quantity(fill.shares),
              price: fill.price,
              commission: money(fill.commission),
              at: 1,
            });
          }
          const exits = splitShares(position.quantity, cuts);
          let proceeds = 0;
          let exitCommissions = 0;
          exits.forEach((shares, i) => {
            const [exitPrice, commission] = exitTerms[i] ?? [price(1000), 0];
            const reason = i === 0 && halfFirst ? 'day3_half' : (reasons[i] ?? 'manual');
            position = recordExit(position, {
              reason,
              quantity: quantity(shares),
              price: exitPrice,
              commission: money(commission),
              at: 2 + i,
            });
            proceeds += exitPrice * shares;
            exitCommissions += commission;
          });
          const cost = entries.reduce((total, e) => total + e.price * e.shares, 0);
          const entryCommissions = entries.reduce((total, e) => total + e.commission, 0);
          expect(position.status).toBe('closed');
          expect(position.quantity).toBe(0);
          expect(position.realisedPnl).toBe(proceeds - cost - entryCommissions - exitCommissions);
          expect(position.commissions).toBe(entryCommissions + exitCommissions);
        },
      ),
    );
  });
});
