import { describe, expect, it } from 'vitest';
import { InvalidValue } from '../../../src/domain/errors/invalid-value.error.js';
import { formatMills, numberToMills, parseMills } from '../../../src/domain/values/decimal.js';

describe('parseMills', () => {
  it('reads decimal text into exact mills without a float in between', () => {
    expect(parseMills('price', '45.205')).toBe(45205);
    expect(parseMills('price', '1')).toBe(1000);
    expect(parseMills('price', ' 2.5 ')).toBe(2500);
    expect(parseMills('money', '-0.5')).toBe(-500);
    expect(parseMills('money', '+3.1')).toBe(3100);
    expect(parseMills('price', '1.000000')).toBe(1000);
  });

  it('refuses more precision than a mill unless asked to round half up', () => {
    expect(() => parseMills('price', '1.0005')).toThrow(InvalidValue);
    expect(parseMills('money', '1.0005', true)).toBe(1001);
    expect(parseMills('money', '1.0004999', true)).toBe(1000);
    expect(parseMills('money', '-1.0005', true)).toBe(-1001);
  });

  it('names the kind and the text when the input is not a number', () => {
    expect(() => parseMills('price', 'abc')).toThrow(/invalid price "abc": not a decimal number/);
    expect(() => parseMills('price', '1.2.3')).toThrow(InvalidValue);
    expect(() => parseMills('price', '')).toThrow(InvalidValue);
    expect(() => parseMills('price', '99999999999999999')).toThrow(/out of range/);
  });
});

describe('numberToMills', () => {
  it('rounds binary floats to the nearest mill, half away from zero', () => {
    expect(numberToMills('money', 0.1 + 0.2)).toBe(300);
    expect(numberToMills('price', 45.205)).toBe(45205);
    expect(numberToMills('money', -1.2345)).toBe(-1235);
    expect(Object.is(numberToMills('money', -0.0001), 0)).toBe(true);
  });

  it('refuses NaN and infinities', () => {
    expect(() => numberToMills('price', Number.NaN)).toThrow(InvalidValue);
    expect(() => numberToMills('price', Number.POSITIVE_INFINITY)).toThrow(/not a finite number/);
  });
});

describe('formatMills', () => {
  it('shows at least the requested decimals and no trailing zeros beyond them', () => {
    expect(formatMills(45200)).toBe('45.20');
    expect(formatMills(45205)).toBe('45.205');
    expect(formatMills(5, 3)).toBe('0.005');
    expect(formatMills(-1500)).toBe('-1.50');
    expect(formatMills(1000, 3)).toBe('1.000');
    expect(formatMills(0)).toBe('0.00');
  });
});
