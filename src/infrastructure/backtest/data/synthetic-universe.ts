import type { SyntheticInstrument } from '../../../adapters/synthetic/synthetic-market.spec.js';
import { streamFor } from '../../../adapters/synthetic/random-draws.js';
import { InvalidValue } from '../../../domain/errors/invalid-value.error.js';
import { instrument } from '../../../domain/values/instrument.js';
import { priceNearest } from '../../../domain/values/price.js';

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
/** Conids of generated instruments start here, well away from the demo's and the tests'. */
const FIRST_CONID = 700_001;
/** Up to 26^3 codes SAAA..SZZZ. */
const MAX_SYMBOLS = LETTERS.length ** 3;

/** The code of the `index`-th generated stock: SAAA, SAAB, ... */
function codeOf(index: number): string {
  const letter = (n: number): string => LETTERS[n % LETTERS.length] ?? 'A';
  return `S${letter(Math.floor(index / 676))}${letter(Math.floor(index / 26))}${letter(index)}`;
}

/**
 * `count` fictional small caps for a synthetic backtest, drawn from the seed: prices from a few cents to a
 * few dollars (log-uniform), lively daily volatility and volume that shrinks as the price grows.
 */
export function syntheticUniverse(count: number, seed: number): SyntheticInstrument[] {
  if (!(Number.isSafeInteger(count) && count >= 1 && count <= MAX_SYMBOLS)) {
    throw new InvalidValue('symbols', count, `expected a whole number from 1 to ${MAX_SYMBOLS}`);
  }
  return Array.from({ length: count }, (_, index): SyntheticInstrument => {
    const draws = streamFor(seed, 'universe', index);
    const dollars = Math.exp(draws.uniform(Math.log(0.05), Math.log(8)));
    const code = codeOf(index);
    return {
      instrument: instrument(code, FIRST_CONID + index),
      companyName: `${code} SYNTHETIC LTD`,
      startPrice: priceNearest(Math.round(dollars * 1000)),
      dailyVolume: Math.round(draws.uniform(400_000, 4_000_000) / Math.sqrt(dollars)),
      dailyVolatility: draws.uniform(0.02, 0.05),
    };
  });
}
