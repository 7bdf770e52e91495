import { TERMINAL_ORDER_STATUSES, type BrokerOrder } from '../../domain/orders/broker-order.js';
import type { ClientOrderId } from '../../domain/orders/client-order-id.js';
import type { JournalEntry, JournalState } from '../../domain/orders/journal-entry.js';
import type { OrderIntent } from '../../domain/orders/order-intent.js';
import type { Broker } from '../../domain/ports/broker.port.js';
import type { Clock } from '../../domain/ports/clock.port.js';
import type { Repository } from '../../domain/ports/repository.port.js';
import type { AppLogger } from '../shared/app-logger.js';
import { errorText } from '../shared/error-text.js';
import { journalBrokerOrder } from './journal-updates.js';
import { isUnresolved } from './live-orders.js';
import type { OrderRateMeter } from './order-rate-meter.js';

export type SubmitOutcome =
  | { readonly kind: 'sent'; readonly order: BrokerOrder }
  | { readonly kind: 'already_known'; readonly entry: JournalEntry }
  | { readonly kind: 'rejected'; readonly reason: string }
  | { readonly kind: 'unknown'; readonly reason: string };

export type CancelOutcome =
  /** The order no longer works: cancelled now, or it had already filled or died. */
  | { readonly kind: 'closed'; readonly order: BrokerOrder }
  /** The broker took the request but still reports the order as open (cancels can be asynchronous). */
  | { readonly kind: 'still_open'; readonly order: BrokerOrder }
  | { readonly kind: 'failed'; readonly reason: string };

/**
 * Sends and cancels orders so that a crash or a lost answer can never make two: the intent is journalled
 * before the request, and an unresolved journal entry is looked up at the broker by client order id before
 * anything is sent again. Every broker answer is written back to the journal.
 */
export class OrderSubmitter {
  constructor(
    private readonly broker: Broker,
    private readonly repository: Repository,
    private readonly clock: Clock,
    private readonly rateMeter: OrderRateMeter,
    private readonly log: AppLogger,
  ) {}

  async submit(intent: OrderIntent): Promise<SubmitOutcome> {
    const existing = this.repository.journal.get(intent.clientOrderId);
    if (existing && !isUnresolved(existing)) return { kind: 'already_known', entry: existing };
    if (existing) {
      const found = await this.lookUp(intent.clientOrderId);
      if (found === 'lookup_failed') return { kind: 'unknown', reason: 'broker lookup failed; not resending' };
      if (found) return this.accepted(intent, found);
    } else {
      this.journalIntent(intent);
    }
    return this.send(intent);
  }

  async cancel(clientOrderId: ClientOrderId): Promise<CancelOutcome> {
    try {
      const order = await this.broker.cancelOrder(clientOrderId);
      this.record(order);
      const closed = TERMINAL_ORDER_STATUSES.has(order.status);
      this.log.info({ clientOrderId, status: order.status }, closed ? 'order cancelled' : 'cancel requested');
      return closed ? { kind: 'closed', order } : { kind: 'still_open', order };
    } catch (error) {
      this.log.error({ clientOrderId, error: errorText(error) }, 'cancel failed');
      return { kind: 'failed', reason: errorText(error) };
    }
  }

  private journalIntent(intent: OrderIntent): void {
    const now = this.clock.now();
    this.repository.journal.open({
      clientOrderId: intent.clientOrderId,
      intent,
      state: 'intent',
      filledQuantity: 0,
      createdAt: now,
      updatedAt: now,
    });
  }

  private async send(intent: OrderIntent): Promise<SubmitOutcome> {
    const id = intent.clientOrderId;
    const now = this.clock.now();
    this.repository.journal.update(id, { state: 'submitting' }, now);
    this.rateMeter.recordSend(now);
    this.log.info(
      {
        clientOrderId: id,
        symbol: intent.instrument.symbol,
        purpose: intent.purpose,
        side: intent.side,
        type: intent.type,
        quantity: intent.quantity,
        stopPrice: intent.stopPrice,
        limitPrice: intent.limitPrice,
      },
      'order sent',
    );
    try {
      return this.accepted(intent, await this.broker.placeOrder(intent));
    } catch (error) {
      return this.afterSendFailure(intent, errorText(error));
    }
  }

  /** The request failed in flight: the broker may still have the order, so ask before deciding. */
  private async afterSendFailure(intent: OrderIntent, reason: string): Promise<SubmitOutcome> {
    const id = intent.clientOrderId;
    const found = await this.lookUp(id);
    if (found && found !== 'lookup_failed') return this.accepted(intent, found);
    const state: JournalState = found === 'lookup_failed' ? 'unknown' : 'rejected';
    this.repository.journal.update(id, { state, lastError: reason }, this.clock.now());
    this.log.warn({ clientOrderId: id, state, reason }, 'order not placed');
    return state === 'rejected' ? { kind: 'rejected', reason } : { kind: 'unknown', reason };
  }

  private accepted(intent: OrderIntent, order: BrokerOrder): SubmitOutcome {
    this.record(order);
    if (order.status !== 'rejected') return { kind: 'sent', order };
    const reason = order.rejectReason ?? 'rejected by the broker';
    this.log.warn({ clientOrderId: intent.clientOrderId, reason }, 'order rejected');
    return { kind: 'rejected', reason };
  }

  private async lookUp(clientOrderId: ClientOrderId): Promise<BrokerOrder | undefined | 'lookup_failed'> {
    try {
      return await this.broker.findOrder(clientOrderId);
    } catch (error) {
      this.log.error({ clientOrderId, error: errorText(error) }, 'order lookup failed');
      return 'lookup_failed';
    }
  }

  private record(order: BrokerOrder): void {
    journalBrokerOrder(this.repository.journal, order, this.clock.now());
  }
}
