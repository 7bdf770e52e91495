import type { EpochMs } from '../values/time.js';
import type { BrokerOrderStatus } from './broker-order.js';
import type { ClientOrderId } from './client-order-id.js';
import type { OrderIntent } from './order-intent.js';

/**
 * The order journal's record of one order. Written as `intent` before anything is sent, moved to
 * `submitting` just before the request, then to the broker's status once known. An entry left in
 * `intent` or `submitting` after a crash must be looked up at the broker by client order id,
 * never sent again blind.
 */
export type JournalState = 'intent' | 'submitting' | BrokerOrderStatus | 'unknown';

export interface JournalEntry {
  readonly clientOrderId: ClientOrderId;
  readonly intent: OrderIntent;
  readonly state: JournalState;
  readonly brokerOrderId?: string;
  readonly filledQuantity: number;
  readonly lastError?: string;
  readonly createdAt: EpochMs;
  readonly updatedAt: EpochMs;
}
