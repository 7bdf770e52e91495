import type { BrokerOrder } from '../../domain/orders/broker-order.js';
import type { Broker } from '../../domain/ports/broker.port.js';
import type { Clock } from '../../domain/ports/clock.port.js';
import type { Repository } from '../../domain/ports/repository.port.js';
import type { AppLogger } from '../shared/app-logger.js';
import { journalBrokerOrder } from './journal-updates.js';
import { WORKING_STATES } from './live-orders.js';

/**
 * Brings the journal's working orders up to date with the broker (filled, cancelled at the close, rejected),
 * so that decisions about stops and entries in flight rest on what the broker holds now. An order the broker
 * no longer lists is left as it is for reconcile: guessing it dead could put a second stop on a position.
 */
export class OrderStatusSync {
  constructor(
    private readonly broker: Broker,
    private readonly repository: Repository,
    private readonly clock: Clock,
    private readonly log: AppLogger,
  ) {}

  async refresh(): Promise<void> {
    const working = this.repository.journal.inStates(WORKING_STATES);
    if (working.length === 0) return;
    const open = new Map((await this.broker.openOrders()).map((order) => [order.clientOrderId, order]));
    for (const entry of working) {
      const order: BrokerOrder | undefined =
        open.get(entry.clientOrderId) ?? (await this.broker.findOrder(entry.clientOrderId));
      if (order === undefined) {
        this.log.warn(
          { clientOrderId: entry.clientOrderId, state: entry.state },
          'working order not found at the broker; left for reconcile',
        );
        continue;
      }
      if (order.status === entry.state && order.filledQuantity <= entry.filledQuantity) continue;
      journalBrokerOrder(this.repository.journal, order, this.clock.now());
      this.log.info(
        { clientOrderId: entry.clientOrderId, from: entry.state, to: order.status, filled: order.filledQuantity },
        'order status updated from the broker',
      );
    }
  }
}
