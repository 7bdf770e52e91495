import { InvalidValue } from '../errors/invalid-value.error.js';

/** A whole number of shares, never negative. Direction lives in the order side, not in the sign. */
export type Quantity = number & { readonly __brand: 'Quantity' };

export function quantity(shares: number): Quantity {
  if (!Number.isSafeInteger(shares) || shares < 0) {
    throw new InvalidValue('quantity', shares, 'not a whole, non-negative number of shares');
  }
  return shares as Quantity;
}

export const NO_SHARES: Quantity = 0 as Quantity;
export const minQuantity = (a: Quantity, b: Quantity): Quantity => (a < b ? a : b);
