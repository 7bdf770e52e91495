import { InvalidValue } from '../errors/invalid-value.error.js';
import { formatMills, numberToMills, parseMills } from './decimal.js';
import {
  isOnTick,
  nextTickDownMills,
  nextTickUpMills,
  roundDownToTickMills,
  roundNearestTickMills,
  roundUpToTickMills,
} from './tick-size.js';

/**
 * A tradeable ASX share price: an integer count of mills (AUD 0.001) that lies on a valid tick.
 * Branded so that only the functions below can make one; arithmetic on it yields plain numbers.
 */
export type Price = number & { readonly __brand: 'Price' };

export function price(mills: number): Price {
  if (!isOnTick(mills)) throw new InvalidValue('price', mills, 'not a positive whole number of mills on an ASX tick');
  return mills as Price;
}

/** "45.20" -> Price; throws when off-tick. */
export function parsePrice(text: string): Price {
  return price(parseMills('price', text));
}

/** 45.2 -> Price; throws when off-tick. */
export function priceFromNumber(value: number): Price {
  return price(numberToMills('price', value));
}

export const priceRoundedUp = (mills: number): Price => roundUpToTickMills(mills) as Price;
export const priceRoundedDown = (mills: number): Price => roundDownToTickMills(mills) as Price;
export const priceNearest = (mills: number): Price => roundNearestTickMills(mills) as Price;
export const tickAbove = (p: Price): Price => nextTickUpMills(p) as Price;
export const tickBelow = (p: Price): Price => nextTickDownMills(p) as Price;

export const formatPrice = (p: Price): string => formatMills(p, p < 100 ? 3 : 2);
/** Dollars as a float, for display and ratios only, never for cash. */
export const priceToDollars = (p: Price): number => p / 1000;
