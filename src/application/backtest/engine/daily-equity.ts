import type { Instrument } from '../../../domain/values/instrument.js';
import { money, type Money } from '../../../domain/values/money.js';
import type { Price } from '../../../domain/values/price.js';
import { InvalidValue } from '../../../domain/errors/invalid-value.error.js';
import type { BacktestVenue } from './backtest-venue.port.js';

/** A holding at the close: its shares and the price it is marked at. */
export interface MarkedHolding {
  readonly instrument: Instrument;
  readonly quantity: number;
  readonly mark: Price;
}

export interface MarkedAccount {
  readonly equity: Money;
  readonly holdings: readonly MarkedHolding[];
}

/** Cash plus every position marked at its last traded price, which after the session is the day's close. */
export function markAtClose(venue: BacktestVenue): MarkedAccount {
  const holdings = venue.positions().map((position): MarkedHolding => {
    const mark = venue.quote(position.instrument).last;
    if (mark === undefined) {
      throw new InvalidValue('position mark', position.instrument.symbol, 'held with no traded price to mark it at');
    }
    return { instrument: position.instrument, quantity: position.quantity, mark };
  });
  const value = holdings.reduce((total, holding) => total + holding.quantity * holding.mark, 0);
  return { equity: money(venue.cash() + value), holdings };
}
