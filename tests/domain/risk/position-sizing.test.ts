import { describe, expect, it } from 'vitest';
import { InvalidValue } from '../../../src/domain/errors/invalid-value.error.js';
import { positionSize } from '../../../src/domain/risk/position-sizing.js';
import { dollars, money } from '../../../src/domain/values/money.js';
import { price } from '../../../src/domain/values/price.js';

describe('positionSize', () => {
  it('buys as many whole shares as positionDollars allows', () => {
    expect(positionSize(price(45_200), dollars(5000), 1000)).toBe(110);
    expect(positionSize(price(2000), dollars(5000), 10_000)).toBe(2500);
  });

  it('caps at maxShares', () => {
    expect(positionSize(price(2000), dollars(5000), 1000)).toBe(1000);
    expect(positionSize(price(50), dollars(5000), 1000)).toBe(1000);
  });

  it('buys exactly when the amount divides evenly', () => {
    expect(positionSize(price(5000), dollars(5000), 2000)).toBe(1000);
    expect(positionSize(price(5010), dollars(5000), 2000)).toBe(998);
  });

  it('returns 0 when not one share fits, or when a limit is zero', () => {
    expect(positionSize(price(5_000_010), dollars(5000), 1000)).toBe(0);
    expect(positionSize(price(2000), money(1999), 1000)).toBe(0);
    expect(positionSize(price(2000), money(0), 1000)).toBe(0);
    expect(positionSize(price(2000), dollars(5000), 0)).toBe(0);
  });

  it('refuses negative or fractional limits', () => {
    expect(() => positionSize(price(2000), money(-1), 1000)).toThrow(InvalidValue);
    expect(() => positionSize(price(2000), dollars(5000), -1)).toThrow(InvalidValue);
    expect(() => positionSize(price(2000), dollars(5000), 10.5)).toThrow(/max shares/);
  });
});
