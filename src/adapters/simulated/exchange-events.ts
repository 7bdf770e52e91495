import type { BrokerOrder } from '../../domain/orders/broker-order.js';
import type { Fill } from '../../domain/orders/fill.js';

export type OrderUpdateListener = (order: BrokerOrder) => void;
export type FillListener = (fill: Fill) => void;

/**
 * Who hears about order changes and executions. Listeners run synchronously after the exchange's state
 * is updated; they must not throw, or the bar that caused the event stops being processed.
 */
export class ExchangeEvents {
  private readonly orderListeners = new Set<OrderUpdateListener>();
  private readonly fillListeners = new Set<FillListener>();

  /** Returns the function that unsubscribes. */
  onOrderUpdate(listener: OrderUpdateListener): () => void {
    this.orderListeners.add(listener);
    return () => this.orderListeners.delete(listener);
  }

  onFill(listener: FillListener): () => void {
    this.fillListeners.add(listener);
    return () => this.fillListeners.delete(listener);
  }

  orderUpdated(order: BrokerOrder): void {
    for (const listener of this.orderListeners) listener(order);
  }

  filled(fill: Fill): void {
    for (const listener of this.fillListeners) listener(fill);
  }
}
