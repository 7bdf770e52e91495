import { describe, expect, it } from 'vitest';
import { InvalidValue } from '../../../src/domain/errors/invalid-value.error.js';
import {
  formatPrice,
  parsePrice,
  price,
  priceFromNumber,
  priceNearest,
  priceRoundedDown,
  priceRoundedUp,
  priceToDollars,
  tickAbove,
  tickBelow,
} from '../../../src/domain/values/price.js';

describe('Price', () => {
  it('exists only on a valid ASX tick', () => {
    expect(price(2010)).toBe(2010);
    expect(price(99)).toBe(99);
    expect(price(105)).toBe(105);
    expect(() => price(2005)).toThrow(InvalidValue);
    expect(() => price(101)).toThrow(InvalidValue);
    expect(() => price(0)).toThrow(InvalidValue);
    expect(() => price(-10)).toThrow(InvalidValue);
    expect(() => price(10.5)).toThrow(InvalidValue);
  });

  it('parses text and numbers exactly and refuses off-tick values', () => {
    expect(parsePrice('45.20')).toBe(45200);
    expect(parsePrice('0.155')).toBe(155);
    expect(() => parsePrice('0.153')).toThrow(/not a positive whole number of mills on an ASX tick/);
    expect(() => parsePrice('0.1025')).toThrow(/more precision/);
    expect(priceFromNumber(0.155)).toBe(155);
    expect(priceFromNumber(2.3)).toBe(2300);
    expect(() => priceFromNumber(2.305)).toThrow(InvalidValue);
  });

  it('rounds onto ticks in the direction asked, across band edges', () => {
    expect(priceRoundedUp(1997)).toBe(2000);
    expect(priceRoundedUp(2001)).toBe(2010);
    expect(priceRoundedDown(2009)).toBe(2000);
    expect(priceRoundedDown(1999)).toBe(1995);
    expect(priceRoundedDown(100.9)).toBe(100);
    expect(priceRoundedDown(0.2)).toBe(1);
    expect(priceNearest(2004)).toBe(2000);
    expect(priceNearest(2005)).toBe(2010);
    expect(priceNearest(102)).toBe(100);
    expect(priceNearest(103)).toBe(105);
  });

  it('steps one tick up and down', () => {
    expect(tickAbove(price(99))).toBe(100);
    expect(tickAbove(price(1995))).toBe(2000);
    expect(tickAbove(price(2000))).toBe(2010);
    expect(tickBelow(price(2000))).toBe(1995);
    expect(tickBelow(price(100))).toBe(99);
    expect(tickBelow(price(1))).toBe(1);
  });

  it('formats sub-10-cent prices with three decimals and others with at least two', () => {
    expect(formatPrice(price(99))).toBe('0.099');
    expect(formatPrice(price(150))).toBe('0.15');
    expect(formatPrice(price(155))).toBe('0.155');
    expect(formatPrice(price(45200))).toBe('45.20');
    expect(priceToDollars(price(45200))).toBe(45.2);
  });
});
