import type { Logger } from 'pino';
import type { Quote } from '../../domain/market/quote.js';
import { TERMINAL_ORDER_STATUSES, type BrokerOrder } from '../../domain/orders/broker-order.js';
import type { ClientOrderId } from '../../domain/orders/client-order-id.js';
import type { Fill } from '../../domain/orders/fill.js';
import type { Broker } from '../../domain/ports/broker.port.js';
import type { Instrument } from '../../domain/values/instrument.js';
import type { EpochMs } from '../../domain/values/time.js';
import type { PollingSettings } from './polling-settings.js';
import { RepeatingTask } from './repeating-task.js';

export interface PollerOutput {
  quote(quote: Quote): void;
  order(order: BrokerOrder): void;
  fill(fill: Fill): void;
  /** After each quote poll: whether the broker answered. */
  outcome(ok: boolean, reason: string): void;
}

/**
 * The REST side of the fallback: snapshot quotes through the broker (and so through its paced client),
 * plus live orders and executions at the slower pace the gateway allows for them. An order that leaves
 * the open list is looked up once more so that its final status (filled, cancelled) is not missed.
 */
export class RestPoller {
  private readonly quoteTask: RepeatingTask;
  private readonly orderTask: RepeatingTask;
  private readonly seenOrders = new Map<ClientOrderId, string>();
  private openOrders = new Set<ClientOrderId>();

  constructor(
    private readonly broker: Broker,
    private readonly instruments: () => readonly Instrument[],
    private readonly fillsSince: () => EpochMs,
    private readonly output: PollerOutput,
    private readonly logger: Logger,
    settings: PollingSettings,
  ) {
    this.quoteTask = new RepeatingTask(settings.quotePollMs, () => this.pollQuotes());
    this.orderTask = new RepeatingTask(settings.orderPollMs, () => this.pollOrders());
  }

  get active(): boolean {
    return this.quoteTask.active;
  }

  start(): void {
    this.quoteTask.start();
    this.orderTask.start();
  }

  stop(): void {
    this.quoteTask.stop();
    this.orderTask.stop();
  }

  private async pollQuotes(): Promise<void> {
    const instruments = this.instruments();
    try {
      const quotes = instruments.length === 0 ? [] : await this.broker.quotes(instruments);
      if (!this.active) return;
      for (const quote of quotes) this.output.quote(quote);
      this.output.outcome(true, 'REST snapshots answering');
    } catch (error) {
      if (this.active) this.output.outcome(false, `REST snapshots failing: ${describe(error)}`);
    }
  }

  private async pollOrders(): Promise<void> {
    try {
      const open = await this.broker.openOrders();
      const stillOpen = new Set(open.map((order) => order.clientOrderId));
      const finished = [...this.openOrders].filter((id) => !stillOpen.has(id));
      const closed = await Promise.all(finished.map((id) => this.broker.findOrder(id)));
      this.openOrders = stillOpen;
      for (const order of [...open, ...closed]) if (order !== undefined) this.orderSeen(order);
      for (const fill of await this.broker.fills(this.fillsSince())) this.output.fill(fill);
    } catch (error) {
      this.logger.warn({ err: error }, 'polling orders and executions failed');
    }
  }

  /** Passes an order on when something about it changed since it was last seen. */
  private orderSeen(order: BrokerOrder): void {
    const key = `${order.status}/${order.filledQuantity}/${order.updatedAt}`;
    if (this.seenOrders.get(order.clientOrderId) === key) return;
    this.seenOrders.set(order.clientOrderId, key);
    if (!TERMINAL_ORDER_STATUSES.has(order.status)) this.openOrders.add(order.clientOrderId);
    this.output.order(order);
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
