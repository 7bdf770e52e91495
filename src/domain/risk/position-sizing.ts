import { InvalidValue } from '../errors/invalid-value.error.js';
import type { Money } from '../values/money.js';
import type { Price } from '../values/price.js';
import { quantity, type Quantity } from '../values/quantity.js';

/**
 * Shares to buy: min(floor(positionDollars / entryPrice), maxShares), and 0 when not even one share fits
 * (the caller then skips the trade). Both amounts are integer mills, so the division is exact.
 */
export function positionSize(entryPrice: Price, positionDollars: Money, maxShares: number): Quantity {
  if (positionDollars < 0) throw new InvalidValue('position dollars', positionDollars, 'must not be negative');
  if (!Number.isSafeInteger(maxShares) || maxShares < 0) {
    throw new InvalidValue('max shares', maxShares, 'not a whole, non-negative number of shares');
  }
  const affordable = wholeQuotient(positionDollars, entryPrice);
  return quantity(Math.min(affordable, maxShares));
}

/** floor(a / b) for non-negative integers, corrected for the float division rounding up near a whole number. */
function wholeQuotient(a: number, b: number): number {
  let q = Math.floor(a / b);
  while (q > 0 && q * b > a) q -= 1;
  while ((q + 1) * b <= a) q += 1;
  return q;
}
