import type { ClientOrderId } from '../../domain/orders/client-order-id.js';
import type { SimulatedOrder } from './simulated-order.js';

/** Every order the exchange has seen, by client order id, plus the open ones by instrument for matching. */
export class OrderBook {
  private readonly byClientId = new Map<ClientOrderId, SimulatedOrder>();
  private readonly openByConid = new Map<number, SimulatedOrder[]>();
  private readonly everyOrder: SimulatedOrder[] = [];
  private sequence = 0;

  find(clientOrderId: ClientOrderId): SimulatedOrder | undefined {
    return this.byClientId.get(clientOrderId);
  }

  /** Numeric strings, like IBKR's order ids; deterministic for a given sequence of submissions. */
  nextBrokerOrderId(): string {
    this.sequence += 1;
    return String(1_000_000 + this.sequence);
  }

  add(order: SimulatedOrder): void {
    this.byClientId.set(order.intent.clientOrderId, order);
    this.everyOrder.push(order);
    if (!order.isOpen) return;
    const conid = order.intent.instrument.conid;
    const open = this.openByConid.get(conid);
    if (open === undefined) this.openByConid.set(conid, [order]);
    else open.push(order);
  }

  /** The live list of open orders on one instrument, oldest first; call `prune` after closing any. */
  openOn(conid: number): readonly SimulatedOrder[] | undefined {
    return this.openByConid.get(conid);
  }

  /** Drops orders that are no longer open from an instrument's open list, keeping time priority. */
  prune(conid: number): void {
    const open = this.openByConid.get(conid);
    if (open === undefined) return;
    let kept = 0;
    for (const order of open) {
      if (order.isOpen) open[kept++] = order;
    }
    open.length = kept;
  }

  /** Every open order across instruments, oldest first within each instrument. */
  *open(): IterableIterator<SimulatedOrder> {
    for (const orders of this.openByConid.values()) {
      for (const order of orders) if (order.isOpen) yield order;
    }
  }

  /** Every order ever submitted, in submission order. */
  all(): readonly SimulatedOrder[] {
    return this.everyOrder;
  }
}
