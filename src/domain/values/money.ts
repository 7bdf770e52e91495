import { InvalidValue } from '../errors/invalid-value.error.js';
import { formatMills, numberToMills, parseMills } from './decimal.js';
import type { Price } from './price.js';
import type { Quantity } from './quantity.js';

/**
 * An amount of AUD as an integer count of mills (AUD 0.001), the ASX's smallest price step, so that
 * price x quantity is always exact. Never a binary fraction of a dollar.
 */
export type Money = number & { readonly __brand: 'Money' };

export function money(mills: number): Money {
  if (!Number.isSafeInteger(mills)) throw new InvalidValue('money', mills, 'not a whole number of mills');
  return (mills === 0 ? 0 : mills) as Money;
}

export const ZERO: Money = 0 as Money;
export const dollars = (whole: number): Money => money(whole * 1000);
export const parseMoney = (text: string): Money => money(parseMills('money', text, true));
export const moneyFromNumber = (value: number): Money => money(numberToMills('money', value));

export const add = (a: Money, b: Money): Money => money(a + b);
export const subtract = (a: Money, b: Money): Money => money(a - b);
export const negate = (a: Money): Money => money(-a);
export const sum = (items: readonly Money[]): Money => money(items.reduce((acc, m) => acc + m, 0));
export const isNegative = (a: Money): boolean => a < 0;

/** Exact value of `quantity` shares at `price`. */
export const valueOf = (p: Price, quantity: Quantity): Money => money(p * quantity);

/** `amount` x numerator / denominator, rounded half up to the cent (10 mills). */
export function fractionToCent(amount: Money, numerator: number, denominator: number): Money {
  const exact = (amount * numerator) / denominator;
  return money(Math.round(exact / 10) * 10);
}

export const formatMoney = (m: Money): string => formatMills(m, 2);
export const moneyToDollars = (m: Money): number => m / 1000;
