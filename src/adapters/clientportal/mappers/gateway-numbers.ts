import { InvalidValue } from '../../../domain/errors/invalid-value.error.js';
import { numberToMills, parseMills } from '../../../domain/values/decimal.js';
import { money, type Money } from '../../../domain/values/money.js';
import { price, type Price } from '../../../domain/values/price.js';
import { quantity, type Quantity } from '../../../domain/values/quantity.js';
import type { Decimal } from '../schemas/common.schema.js';

/** Exact mills of a gateway decimal; strings lose their thousands separators, never go through a float. */
export function millsOf(kind: string, value: Decimal, round: boolean): number {
  if (typeof value === 'number') return numberToMills(kind, value);
  return parseMills(kind, value.replaceAll(',', ''), round);
}

/** A traded price: must be exact and on an ASX tick. */
export function priceOf(value: Decimal): Price {
  return price(millsOf('price', value, false));
}

/** An amount of money, rounded half up to the mill. */
export function moneyOf(value: Decimal): Money {
  return money(millsOf('money', value, true));
}

/** A whole, non-negative number of shares ("100", 100, "100.0", "1,200"). */
export function sharesOf(value: Decimal): Quantity {
  const mills = millsOf('quantity', value, false);
  if (mills % 1000 !== 0) throw new InvalidValue('quantity', value, 'not a whole number of shares');
  return quantity(mills / 1000);
}

const VOLUME_TEXT = /^(\d[\d,]*(?:\.\d+)?)\s*([KMB])?$/i;
const VOLUME_SCALE: Readonly<Record<string, number>> = { '': 1, K: 1_000, M: 1_000_000, B: 1_000_000_000 };

/** Field 87's formatted volume: "980", "1,200", "980K", "1.25M" → shares. */
export function volumeOf(value: string | number): number {
  if (typeof value === 'number') return wholeVolume(value, value);
  const match = VOLUME_TEXT.exec(value.trim());
  if (match?.[1] === undefined) throw new InvalidValue('volume', value, 'expected a number with an optional K, M or B');
  const mills = parseMills('volume', match[1].replaceAll(',', ''), true);
  const scale = VOLUME_SCALE[(match[2] ?? '').toUpperCase()] ?? 1;
  // mills × scale / 1000 keeps "1.25M" exact (1250 × 1e6 / 1000) where 1.25 × 1e6 in floats might not be.
  return wholeVolume(value, (mills * scale) / 1000);
}

function wholeVolume(original: string | number, shares: number): number {
  if (!Number.isFinite(shares) || shares < 0) throw new InvalidValue('volume', original, 'not a share count');
  return Math.round(shares);
}
