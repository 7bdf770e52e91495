import type { Instrument } from '../values/instrument.js';
import type { Money } from '../values/money.js';
import type { Price } from '../values/price.js';
import type { Quantity } from '../values/quantity.js';
import type { EpochMs } from '../values/time.js';
import type { ClientOrderId } from './client-order-id.js';
import type { Side } from './order-intent.js';

/** One execution reported by the broker: the truth for positions and P&L. Recorded once per `executionId`. */
export interface Fill {
  readonly executionId: string;
  readonly clientOrderId: ClientOrderId;
  readonly brokerOrderId: string;
  readonly instrument: Instrument;
  readonly side: Side;
  readonly quantity: Quantity;
  readonly price: Price;
  readonly commission: Money;
  readonly at: EpochMs;
}
