import { InvalidValue } from '../errors/invalid-value.error.js';
import { RiskLimitExceeded } from '../errors/risk-limit-exceeded.error.js';
import type { AsxSymbol } from '../values/instrument.js';
import type { Quantity } from '../values/quantity.js';

/** Refuses any sell of more shares than are held: Skim never goes short. */
export function assertSellWithinHolding(symbol: AsxSymbol, sellQuantity: Quantity, held: Quantity): void {
  if (sellQuantity < 1)
    throw new InvalidValue('sell quantity', sellQuantity, `selling ${symbol} needs at least 1 share`);
  if (sellQuantity > held) {
    throw new RiskLimitExceeded('sell_exceeds_holding', `sell ${sellQuantity} ${symbol} but only ${held} held`);
  }
}
