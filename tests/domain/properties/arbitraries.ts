import fc from 'fast-check';
import { price, type Price } from '../../../src/domain/values/price.js';

/** Any valid ASX price from 0.001 to 1000.00, drawn from each tick band. */
export const anyPrice: fc.Arbitrary<Price> = fc
  .oneof(
    fc.integer({ min: 1, max: 99 }),
    fc.integer({ min: 20, max: 399 }).map((n) => n * 5),
    fc.integer({ min: 200, max: 100_000 }).map((n) => n * 10),
  )
  .map((mills) => price(mills));
