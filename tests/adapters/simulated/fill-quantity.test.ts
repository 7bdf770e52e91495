import { describe, expect, it } from 'vitest';
import { affordableQuantity, participationCap } from '../../../src/adapters/simulated/fill-quantity.js';

describe('participation cap', () => {
  it('takes the floor of the share of volume', () => {
    expect(participationCap(0.1, 505)).toBe(50);
    expect(participationCap(1, 7)).toBe(7);
  });

  it('does not lose a share to binary rounding', () => {
    expect(0.29 * 100).toBeLessThan(29);
    expect(participationCap(0.29, 100)).toBe(29);
  });

  it('allows nothing from a bar without volume', () => {
    expect(participationCap(0.5, 0)).toBe(0);
  });
});

describe('affordable quantity', () => {
  const withMinimumFee = (price: number) => (n: number) => n * price + Math.max(6000, n * price * 0.0008);

  it('keeps the whole quantity when the cash covers it', () => {
    expect(affordableQuantity(100, 1_100_000, withMinimumFee(10_000))).toBe(100);
  });

  it('finds the largest quantity whose cost with commission fits', () => {
    // 10.00 a share and a 6.00 minimum: 99 shares cost 996.00, 100 would cost 1,006.00
    expect(affordableQuantity(500, 1_000_000, withMinimumFee(10_000))).toBe(99);
  });

  it('returns zero when not even one share fits', () => {
    expect(affordableQuantity(10, 15_000, withMinimumFee(10_000))).toBe(0);
  });
});
