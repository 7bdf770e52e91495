import { InvalidValue } from '../errors/invalid-value.error.js';
import { numberToMills } from '../values/decimal.js';
import { formatPrice, priceRoundedDown, type Price } from '../values/price.js';

export type StopSkipReason = 'stop_not_below_entry' | 'stop_too_far';

export type InitialStopDecision =
  | { readonly kind: 'place'; readonly stopPrice: Price }
  | { readonly kind: 'skip'; readonly reason: StopSkipReason; readonly stopPrice: Price; readonly detail: string };

/**
 * The protective stop for a new entry: the low of day (in mills, possibly off-tick from a vendor) rounded
 * down to a valid tick. The trade is skipped when that stop is not below the entry price, or lies more than
 * `maxStopPct` below it (exactly `maxStopPct` is accepted). The distance test is exact integer arithmetic.
 */
export function initialStop(lowOfDayMills: number, entryPrice: Price, maxStopPct: number): InitialStopDecision {
  if (!Number.isFinite(lowOfDayMills) || lowOfDayMills < 1) {
    throw new InvalidValue('low of day', lowOfDayMills, 'not a positive number of mills');
  }
  const stopPrice = priceRoundedDown(lowOfDayMills);
  if (stopPrice >= entryPrice) {
    return skip(
      'stop_not_below_entry',
      stopPrice,
      `stop ${formatPrice(stopPrice)} is not below entry ${formatPrice(entryPrice)}`,
    );
  }
  const maxThousandths = BigInt(numberToMills('maximum stop %', maxStopPct));
  const distanceTimes100k = BigInt(entryPrice - stopPrice) * 100_000n;
  if (distanceTimes100k > maxThousandths * BigInt(entryPrice)) {
    const pct = (((entryPrice - stopPrice) / entryPrice) * 100).toFixed(2);
    return skip(
      'stop_too_far',
      stopPrice,
      `stop ${formatPrice(stopPrice)} is ${pct} % below entry, above the ${maxStopPct} % limit`,
    );
  }
  return { kind: 'place', stopPrice };
}

function skip(reason: StopSkipReason, stopPrice: Price, detail: string): InitialStopDecision {
  return { kind: 'skip', reason, stopPrice, detail };
}
