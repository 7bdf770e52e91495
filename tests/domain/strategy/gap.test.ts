import { describe, expect, it } from 'vitest';
import { InvalidValue } from '../../../src/domain/errors/invalid-value.error.js';
import { gapPct, passesGapFilter } from '../../../src/domain/strategy/gap.js';
import { price } from '../../../src/domain/values/price.js';

describe('gapPct', () => {
  it('measures the open against the previous close', () => {
    expect(gapPct(price(1030), price(1000))).toBeCloseTo(3, 12);
    expect(gapPct(price(2400), price(2500))).toBeCloseTo(-4, 12);
    expect(gapPct(price(2500), price(2500))).toBe(0);
  });
});

describe('passesGapFilter', () => {
  it('passes a gap exactly on the threshold and fails one tick below it', () => {
    expect(passesGapFilter(price(1030), price(1000), 3)).toBe(true);
    expect(passesGapFilter(price(1025), price(1000), 3)).toBe(false);
    expect(passesGapFilter(price(99), price(96), 3.125)).toBe(true);
    expect(passesGapFilter(price(98), price(96), 3.125)).toBe(false);
  });

  it('decides sub-10-cent and fractional thresholds exactly where floats would wobble', () => {
    // 1.500 -> 1.545 is exactly 3 % and 0.070 -> 0.077 exactly 10 %; in float dollars both come out just under.
    expect(((1.545 - 1.5) / 1.5) * 100 >= 3).toBe(false);
    expect(((0.077 - 0.07) / 0.07) * 100 >= 10).toBe(false);
    expect(passesGapFilter(price(1545), price(1500), 3)).toBe(true);
    expect(passesGapFilter(price(1540), price(1500), 3)).toBe(false);
    expect(passesGapFilter(price(77), price(70), 10)).toBe(true);
    expect(passesGapFilter(price(76), price(70), 10)).toBe(false);
    expect(passesGapFilter(price(4090), price(4000), 2.25)).toBe(true);
    expect(passesGapFilter(price(4080), price(4000), 2.25)).toBe(false);
  });

  it('fails gaps down and flat opens for a positive threshold', () => {
    expect(passesGapFilter(price(990), price(1000), 3)).toBe(false);
    expect(passesGapFilter(price(1000), price(1000), 3)).toBe(false);
    expect(passesGapFilter(price(1000), price(1000), 0)).toBe(true);
  });

  it('refuses a threshold that is not a number', () => {
    expect(() => passesGapFilter(price(1030), price(1000), Number.NaN)).toThrow(InvalidValue);
  });
});
