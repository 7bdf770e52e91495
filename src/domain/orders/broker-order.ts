import type { Instrument } from '../values/instrument.js';
import type { Price } from '../values/price.js';
import type { Quantity } from '../values/quantity.js';
import type { EpochMs } from '../values/time.js';
import type { ClientOrderId } from './client-order-id.js';
import type { OrderType, Side } from './order-intent.js';

/**
 * The broker's view of an order's life. `pending` = accepted but not yet working (PreSubmitted);
 * `working` = live at the exchange; terminal: filled, cancelled, rejected.
 */
export type BrokerOrderStatus = 'pending' | 'working' | 'partially_filled' | 'filled' | 'cancelled' | 'rejected';

export const TERMINAL_ORDER_STATUSES: ReadonlySet<BrokerOrderStatus> = new Set(['filled', 'cancelled', 'rejected']);

export interface BrokerOrder {
  readonly clientOrderId: ClientOrderId;
  readonly brokerOrderId: string;
  readonly instrument: Instrument;
  readonly side: Side;
  readonly type: OrderType;
  readonly quantity: Quantity;
  readonly filledQuantity: Quantity;
  readonly status: BrokerOrderStatus;
  /** Volume-weighted fill price in mills; may lie between ticks, so it is not a Price. */
  readonly averageFillPriceMills?: number;
  readonly limitPrice?: Price;
  readonly stopPrice?: Price;
  readonly rejectReason?: string;
  readonly updatedAt: EpochMs;
}
