import { describe, expect, it } from 'vitest';
import { InvalidValue } from '../../../src/domain/errors/invalid-value.error.js';
import {
  add,
  dollars,
  formatMoney,
  fractionToCent,
  isNegative,
  money,
  moneyFromNumber,
  moneyToDollars,
  negate,
  parseMoney,
  subtract,
  sum,
  valueOf,
  ZERO,
} from '../../../src/domain/values/money.js';
import { price } from '../../../src/domain/values/price.js';
import { quantity } from '../../../src/domain/values/quantity.js';

describe('Money', () => {
  it('is a whole number of mills and normalises negative zero', () => {
    expect(money(1500)).toBe(1500);
    expect(money(-1500)).toBe(-1500);
    expect(Object.is(money(-0), 0)).toBe(true);
    expect(() => money(1.5)).toThrow(InvalidValue);
    expect(() => money(Number.NaN)).toThrow(InvalidValue);
    expect(() => money(2 ** 53)).toThrow(InvalidValue);
  });

  it('builds amounts from dollars, text and JSON numbers', () => {
    expect(dollars(5000)).toBe(5_000_000);
    expect(parseMoney('6.00')).toBe(6000);
    expect(parseMoney('6.0049')).toBe(6005);
    expect(parseMoney('-12.3456')).toBe(-12346);
    expect(moneyFromNumber(0.1 + 0.2)).toBe(300);
    expect(ZERO).toBe(0);
  });

  it('does exact arithmetic', () => {
    expect(add(money(100), money(250))).toBe(350);
    expect(subtract(money(100), money(250))).toBe(-150);
    expect(negate(money(100))).toBe(-100);
    expect(sum([money(1), money(2), money(3)])).toBe(6);
    expect(sum([])).toBe(0);
    expect(isNegative(money(-1))).toBe(true);
    expect(isNegative(ZERO)).toBe(false);
  });

  it('values shares at a price exactly', () => {
    expect(valueOf(price(45200), quantity(110))).toBe(4_972_000);
    expect(valueOf(price(155), quantity(3))).toBe(465);
    expect(valueOf(price(155), quantity(0))).toBe(0);
  });

  it('takes a fraction of an amount rounded half up to the cent', () => {
    expect(fractionToCent(dollars(1000), 8, 10_000)).toBe(800);
    expect(fractionToCent(money(12_345), 1, 1)).toBe(12_350);
    expect(fractionToCent(money(12_344), 1, 1)).toBe(12_340);
  });

  it('formats with two decimals at least', () => {
    expect(formatMoney(money(-1500))).toBe('-1.50');
    expect(formatMoney(money(6005))).toBe('6.005');
    expect(moneyToDollars(money(1500))).toBe(1.5);
  });
});
