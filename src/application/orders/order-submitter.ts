import type { BrokerOrder } from '../../domain/orders/broker-order.js';
import type { JournalEntry, JournalState } from '../../domain/orders/journal-entry.js';
import type { OrderIntent } from '../../domain/orders/order-intent.js';
import type { Broker } from '../../domain/ports/broker.port.js';
import type { Clock } from '../../domain/ports/clock.port.js';
import type { Repository } from '../../domain/ports/repository.port.js';
import type { AppLogger } from '../shared/app-logger.js';

/** States in which the journal cannot tell whether the broker has the order. */
const UNRESOLVED: readonly JournalState[] = ['intent', 'submitting', 'unknown'];

export type SubmitOutcome =
  | { readonly kind: 'sent'; readonly order: BrokerOrder }
  | { readonly kind: 'already_known'; readonly entry: JournalEntry }
  | { readonly kind: 'rejected'; readonly reason: string }
  | { readonly kind: 'unknown'; readonly reason: string };

/**
 * Sends orders so that a crash or a lost answer can never make two: the intent is journalled before the
 * request, and an unresolved journal entry is looked up at the broker by client order id before anything
 * is sent again.
 */
export class OrderSubmitter {
  constructor(
    private readonly broker: Broker,
    private readonly repository: Repository,
    private readonly clock: Clock,
    private readonly log: AppLogger,
  ) {}

  async submit(intent: OrderIntent): Promise<SubmitOutcome> {
    const id = intent.clientOrderId;
    const existing = this.repository.journal.get(id);
    if (existing && !UNRESOLVED.includes(existing.state)) return { kind: 'already_known', entry: existing };
    if (existing) {
      const found = await this.lookUp(intent);
      if (found === 'lookup_failed') return { kind: 'unknown', reason: 'broker lookup failed; not resending' };
      if (found) return { kind: 'sent', order: this.record(intent, found) };
    } else {
      const now = this.clock.now();
      this.repository.journal.open({
        clientOrderId: id,
        intent,
        state: 'intent',
        filledQuantity: 0,
        createdAt: now,
        updatedAt: now,
      });
    }
    return this.send(intent);
  }

  private async send(intent: OrderIntent): Promise<SubmitOutcome> {
    const id = intent.clientOrderId;
    this.repository.journal.update(id, { state: 'submitting' }, this.clock.now());
    this.log.info({ clientOrderId: id, side: intent.side, type: intent.type, quantity: intent.quantity }, 'order sent');
    try {
      return { kind: 'sent', order: this.record(intent, await this.broker.placeOrder(intent)) };
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      const found = await this.lookUp(intent);
      if (found && found !== 'lookup_failed') return { kind: 'sent', order: this.record(intent, found) };
      const state: JournalState = found === 'lookup_failed' ? 'unknown' : 'rejected';
      this.repository.journal.update(id, { state, lastError: reason }, this.clock.now());
      this.log.warn({ clientOrderId: id, state, reason }, 'order not placed');
      return state === 'rejected' ? { kind: 'rejected', reason } : { kind: 'unknown', reason };
    }
  }

  private async lookUp(intent: OrderIntent): Promise<BrokerOrder | undefined | 'lookup_failed'> {
    try {
      return await this.broker.findOrder(intent.clientOrderId);
    } catch (error) {
      this.log.error(
        { clientOrderId: intent.clientOrderId, error: error instanceof Error ? error.message : String(error) },
        'order lookup failed',
      );
      return 'lookup_failed';
    }
  }

  private record(intent: OrderIntent, order: BrokerOrder): BrokerOrder {
    this.repository.journal.update(
      intent.clientOrderId,
      { state: order.status, brokerOrderId: order.brokerOrderId, filledQuantity: order.filledQuantity },
      this.clock.now(),
    );
    return order;
  }
}
