import { describe, expect, it } from 'vitest';
import { InvalidValue } from '../../../src/domain/errors/invalid-value.error.js';
import { minQuantity, NO_SHARES, quantity } from '../../../src/domain/values/quantity.js';

describe('Quantity', () => {
  it('is a whole, non-negative number of shares', () => {
    expect(quantity(0)).toBe(0);
    expect(quantity(1000)).toBe(1000);
    expect(() => quantity(-1)).toThrow(InvalidValue);
    expect(() => quantity(1.5)).toThrow(/not a whole, non-negative number of shares/);
    expect(() => quantity(Number.NaN)).toThrow(InvalidValue);
  });

  it('takes the smaller of two quantities', () => {
    expect(minQuantity(quantity(3), quantity(7))).toBe(3);
    expect(minQuantity(quantity(7), quantity(3))).toBe(3);
    expect(NO_SHARES).toBe(0);
  });
});
