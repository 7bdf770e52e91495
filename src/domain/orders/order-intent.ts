import type { Instrument } from '../values/instrument.js';
import type { Price } from '../values/price.js';
import type { Quantity } from '../values/quantity.js';
import type { ClientOrderId } from './client-order-id.js';

export type Side = 'BUY' | 'SELL';
export type OrderType = 'MKT' | 'LMT' | 'STP';
export type TimeInForce = 'DAY' | 'GTC';

/** Why Skim sends an order; exits carry the reason the position records. */
export type OrderPurpose = 'entry' | 'stop' | 'day3_half' | 'sma_trail' | 'manual' | 'kill_switch' | 'reconcile';

/**
 * What Skim wants the broker to do. It is journalled before it is sent; `clientOrderId` makes sending
 * it twice harmless. LMT needs `limitPrice`, STP needs `stopPrice`.
 */
export interface OrderIntent {
  readonly clientOrderId: ClientOrderId;
  readonly instrument: Instrument;
  readonly side: Side;
  readonly type: OrderType;
  readonly quantity: Quantity;
  readonly limitPrice?: Price;
  readonly stopPrice?: Price;
  readonly tif: TimeInForce;
  readonly purpose: OrderPurpose;
}
