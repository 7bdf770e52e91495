import { IllegalTransition } from '../../domain/errors/illegal-transition.error.js';
import { TERMINAL_ORDER_STATUSES, type BrokerOrder, type BrokerOrderStatus } from '../../domain/orders/broker-order.js';
import type { OrderIntent } from '../../domain/orders/order-intent.js';
import type { Price } from '../../domain/values/price.js';
import { quantity } from '../../domain/values/quantity.js';
import type { EpochMs } from '../../domain/values/time.js';

/**
 * The exchange's own, mutable record of one order. Callers only ever see `snapshot()`, an immutable
 * BrokerOrder rebuilt when something changed, so that reading an order on every bar costs nothing.
 */
export class SimulatedOrder {
  status: BrokerOrderStatus;
  filledQuantity = 0;
  /** Sum of price x quantity over the fills, in mills. */
  filledValue = 0;
  rejectReason: string | undefined;
  updatedAt: EpochMs;
  /** Value traded and commission charged on the current trading day (the minimum is per order per day). */
  dayValue = 0;
  dayCommission = 0;
  private cached: BrokerOrder | undefined;

  constructor(
    readonly intent: OrderIntent,
    readonly brokerOrderId: string,
    readonly submittedAt: EpochMs,
    /** Per-share price, slippage included, used to hold back cash while a buy is open. */
    readonly reservePrice: Price | undefined,
  ) {
    this.status = 'pending';
    this.updatedAt = submittedAt;
  }

  get remaining(): number {
    return this.intent.quantity - this.filledQuantity;
  }

  get isOpen(): boolean {
    return !TERMINAL_ORDER_STATUSES.has(this.status);
  }

  /** Moves the order along PreSubmitted -> Submitted -> (partially) filled, or ends it. */
  moveTo(status: BrokerOrderStatus, at: EpochMs, reason?: string): void {
    if (!this.isOpen) {
      throw new IllegalTransition('simulated order', this.intent.clientOrderId, this.status, status);
    }
    this.status = status;
    this.updatedAt = at;
    if (reason !== undefined) this.rejectReason = reason;
    this.cached = undefined;
  }

  addFill(shares: number, price: Price, at: EpochMs): void {
    this.filledQuantity += shares;
    this.filledValue += price * shares;
    this.moveTo(this.remaining === 0 ? 'filled' : 'partially_filled', at);
  }

  /** A new trading day: the commission minimum applies afresh to what the order trades next. */
  startDay(): void {
    this.dayValue = 0;
    this.dayCommission = 0;
  }

  snapshot(): BrokerOrder {
    this.cached ??= this.build();
    return this.cached;
  }

  private build(): BrokerOrder {
    const { intent } = this;
    return Object.freeze({
      clientOrderId: intent.clientOrderId,
      brokerOrderId: this.brokerOrderId,
      instrument: intent.instrument,
      side: intent.side,
      type: intent.type,
      quantity: intent.quantity,
      filledQuantity: quantity(this.filledQuantity),
      status: this.status,
      updatedAt: this.updatedAt,
      ...(this.filledQuantity > 0 ? { averageFillPriceMills: this.filledValue / this.filledQuantity } : {}),
      ...(intent.limitPrice === undefined ? {} : { limitPrice: intent.limitPrice }),
      ...(intent.stopPrice === undefined ? {} : { stopPrice: intent.stopPrice }),
      ...(this.rejectReason === undefined ? {} : { rejectReason: this.rejectReason }),
    });
  }
}
