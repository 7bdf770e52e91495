import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Quote } from '../../../src/domain/market/quote.js';
import { freshQuote } from '../../../src/domain/ports/market-data-stream.port.js';
import { instrument } from '../../../src/domain/values/instrument.js';

const quoteAt = (at: number): Quote => ({
  instrument: instrument('BHP', 8644),
  at,
  lastIsPreviousClose: false,
  halted: false,
  freshness: 'realtime',
});

describe('freshQuote', () => {
  it('never returns a quote older than maxQuoteAgeMs, and returns every younger one', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2e12 }),
        fc.integer({ min: -5_000, max: 600_000 }),
        fc.integer({ min: 0, max: 120_000 }),
        (now, age, maxAge) => {
          const quote = quoteAt(now - age);
          const fresh = freshQuote(quote, now, maxAge);
          if (age > maxAge) expect(fresh).toBeUndefined();
          else expect(fresh).toBe(quote);
        },
      ),
    );
  });

  it('is exact at the boundary and refuses a missing or undated quote', () => {
    expect(freshQuote(quoteAt(1_000), 3_000, 2_000)).toBeDefined();
    expect(freshQuote(quoteAt(999), 3_000, 2_000)).toBeUndefined();
    expect(freshQuote(undefined, 3_000, 2_000)).toBeUndefined();
    expect(freshQuote(quoteAt(Number.NaN), 3_000, 2_000)).toBeUndefined();
  });
});
