import type { BrokerOrder, BrokerOrderStatus } from '../../domain/orders/broker-order.js';
import type { ClientOrderId } from '../../domain/orders/client-order-id.js';
import type { OrderIntent } from '../../domain/orders/order-intent.js';
import type { Clock } from '../../domain/ports/clock.port.js';
import { quantity, type Quantity } from '../../domain/values/quantity.js';
import type { Executions } from './executions.js';
import type { GatewayClient } from './gateway-client.js';
import { toFill } from './mappers/fill.mapper.js';
import { fromLiveOrder } from './mappers/order.mapper.js';
import { Located } from './parse.js';
import { liveOrdersSchema, type LiveOrder } from './schemas/orders.schema.js';

const LIVE_ORDERS_ENDPOINT = 'GET /iserver/account/orders';

/**
 * Finds orders at the broker by client order id (IBKR's `order_ref`). This is what makes placing an order
 * safe to repeat: before any POST, and after any answer that leaves the outcome unknown, Skim asks here.
 */
export class OrderLookup {
  constructor(
    private readonly client: GatewayClient,
    private readonly accountId: string,
    private readonly executions: Executions,
    private readonly clock: Clock,
  ) {}

  /**
   * Today's orders of this account. `force=true` drops the gateway's cached list, and the gateway then
   * answers that request with an empty list, so an empty answer is followed by one plain request.
   */
  async liveOrders(): Promise<BrokerOrder[]> {
    let answer = await this.client.get('/iserver/account/orders?force=true', liveOrdersSchema);
    if (answer.orders.length === 0) answer = await this.client.get('/iserver/account/orders', liveOrdersSchema);
    const where = Located.root(LIVE_ORDERS_ENDPOINT).at('orders');
    const now = this.clock.now();
    return answer.orders
      .map((raw, index) => ({ raw, where: where.at(index) }))
      .filter(({ raw }) => this.ours(raw))
      .map(({ raw, where: at }) => fromLiveOrder(raw, now, at));
  }

  /** The order with this client order id among today's live orders. */
  async find(id: ClientOrderId): Promise<BrokerOrder | undefined> {
    return (await this.liveOrders()).find((order) => order.clientOrderId === id);
  }

  /**
   * Whether the broker knows this intent's order: in live orders, else in today's executions (an order
   * can fill before the gateway lists it). The intent supplies what executions do not say (type, size).
   */
  async findIntent(intent: OrderIntent): Promise<BrokerOrder | undefined> {
    return (await this.find(intent.clientOrderId)) ?? this.fromExecutions(intent);
  }

  private async fromExecutions(intent: OrderIntent): Promise<BrokerOrder | undefined> {
    const id = intent.clientOrderId;
    const where = Located.root('GET /iserver/account/trades');
    const fills = (await this.executions.trades(1))
      .map((trade, index) => toFill(trade, where.at(index)))
      .filter((fill) => fill.clientOrderId === id);
    const [first] = fills;
    if (first === undefined) return undefined;
    const filled = quantity(fills.reduce((sum, fill) => sum + fill.quantity, 0));
    const size: Quantity = intent.quantity < filled ? filled : intent.quantity;
    const status: BrokerOrderStatus = filled >= size ? 'filled' : 'partially_filled';
    const value = fills.reduce((sum, fill) => sum + fill.price * fill.quantity, 0);
    return {
      clientOrderId: id,
      brokerOrderId: first.brokerOrderId,
      instrument: first.instrument,
      side: first.side,
      type: intent.type,
      quantity: size,
      filledQuantity: filled,
      status,
      averageFillPriceMills: Math.round(value / filled),
      ...(intent.limitPrice === undefined ? {} : { limitPrice: intent.limitPrice }),
      ...(intent.stopPrice === undefined ? {} : { stopPrice: intent.stopPrice }),
      updatedAt: Math.max(...fills.map((fill) => fill.at)),
    };
  }

  private ours(raw: LiveOrder): boolean {
    return raw.acct === undefined || raw.acct === this.accountId;
  }
}
