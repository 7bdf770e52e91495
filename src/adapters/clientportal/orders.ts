import type { Logger } from 'pino';
import { BrokerError } from '../../domain/errors/broker-error.js';
import { TERMINAL_ORDER_STATUSES, type BrokerOrder } from '../../domain/orders/broker-order.js';
import type { ClientOrderId } from '../../domain/orders/client-order-id.js';
import type { OrderIntent } from '../../domain/orders/order-intent.js';
import type { Clock } from '../../domain/ports/clock.port.js';
import { GatewayRateLimited } from './errors/gateway-rate-limited.error.js';
import { GatewayTransportFailure } from './errors/gateway-transport.error.js';
import type { GatewayClient } from './gateway-client.js';
import { fromOrderStatus, fromPlacement } from './mappers/order.mapper.js';
import type { OrderLookup } from './order-lookup.js';
import { OrderRefused, type OrderReplies } from './order-replies.js';
import { orderRequestBody } from './order-request.js';
import { Located } from './parse.js';
import { cancelAnswerSchema, orderAnswerSchema, orderStatusSchema } from './schemas/orders.schema.js';
import { SerialQueue } from './serial-queue.js';
import type { GatewaySession } from './session.js';

/** The gateway's words for a cOID it has already seen today. */
const DUPLICATE_ORDER = /already registered|duplicate/i;

/**
 * Orders of one account. Placing is idempotent by client order id: the broker is asked for the id first,
 * and after any answer that leaves the outcome unknown (timeout, reset, 5xx, 429) it is asked again rather
 * than the POST being repeated. Submissions, with their question/answer exchange, run one at a time.
 */
export class Orders {
  private readonly submissions = new SerialQueue();

  constructor(
    private readonly client: GatewayClient,
    private readonly accountId: string,
    private readonly lookup: OrderLookup,
    private readonly replies: OrderReplies,
    private readonly session: GatewaySession,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  async place(intent: OrderIntent): Promise<BrokerOrder> {
    const body = orderRequestBody(this.accountId, intent);
    return this.submissions.run(async () => {
      await this.session.ensureAuthenticated();
      const existing = await this.lookup.findIntent(intent);
      if (existing !== undefined) {
        this.logger.info(
          { clientOrderId: intent.clientOrderId, status: existing.status },
          'order already at the broker',
        );
        return existing;
      }
      try {
        return await this.submit(intent, body);
      } catch (error) {
        return await this.afterFailedSubmit(intent, error);
      }
    });
  }

  find(id: ClientOrderId): Promise<BrokerOrder | undefined> {
    return this.lookup.find(id);
  }

  async open(): Promise<BrokerOrder[]> {
    return (await this.lookup.liveOrders()).filter((order) => !TERMINAL_ORDER_STATUSES.has(order.status));
  }

  /** Asks the broker to cancel; returns the order as the broker reports it afterwards. */
  async cancel(id: ClientOrderId): Promise<BrokerOrder> {
    const order = await this.lookup.find(id);
    if (order === undefined) throw new BrokerError('cancelOrder', `the broker has no order ${id} today`);
    if (TERMINAL_ORDER_STATUSES.has(order.status)) return order;
    await this.session.ensureAuthenticated();
    const answer = await this.client.delete(
      `/iserver/account/${this.accountId}/order/${order.brokerOrderId}`,
      cancelAnswerSchema,
    );
    if ('error' in answer) throw new BrokerError('cancelOrder', `${id}: ${answer.error}`);
    this.logger.info({ clientOrderId: id, brokerOrderId: order.brokerOrderId }, 'order cancel requested');
    return this.status(order.brokerOrderId, id);
  }

  /** The broker's current view of one order. */
  async status(brokerOrderId: string, id: ClientOrderId): Promise<BrokerOrder> {
    const path = `/iserver/account/order/status/${brokerOrderId}`;
    const detail = await this.client.get(path, orderStatusSchema);
    return fromOrderStatus(detail, id, this.clock.now(), Located.root(`GET ${path}`));
  }

  private async submit(intent: OrderIntent, body: unknown): Promise<BrokerOrder> {
    const path = `/iserver/account/${this.accountId}/orders`;
    const first = await this.client.post(path, body, orderAnswerSchema, { idempotent: false });
    const placed = await this.replies.settle(intent.clientOrderId, first);
    const order = fromPlacement(intent, placed, this.clock.now(), Located.root(`POST ${path}`));
    this.logger.info(
      { clientOrderId: intent.clientOrderId, brokerOrderId: order.brokerOrderId, status: order.status },
      'order placed',
    );
    return order;
  }

  private async afterFailedSubmit(intent: OrderIntent, error: unknown): Promise<BrokerOrder> {
    const id = intent.clientOrderId;
    if (isDuplicate(error)) {
      const found = await this.lookup.findIntent(intent);
      if (found !== undefined) return found;
      throw error;
    }
    if (!isAmbiguous(error)) throw error;
    this.logger.warn({ clientOrderId: id, err: error }, 'order outcome unknown; looking it up by client order id');
    let found: BrokerOrder | undefined;
    try {
      found = await this.lookup.findIntent(intent);
    } catch (lookupError) {
      throw new BrokerError(
        'placeOrder',
        `outcome of ${id} is unknown (${reasonOf(error)}) and looking it up failed (${reasonOf(lookupError)}); look it up again before any resend`,
      );
    }
    if (found !== undefined) {
      this.logger.info(
        { clientOrderId: id, status: found.status },
        'order found at the broker after an unclear answer',
      );
      return found;
    }
    // Proven absent, and the gateway refuses a second order with this cOID, so trying again is safe.
    throw new BrokerError(
      'placeOrder',
      `${id} was not placed (${reasonOf(error)}); the broker has no such order`,
      true,
    );
  }
}

function isAmbiguous(error: unknown): boolean {
  return error instanceof GatewayRateLimited || (error instanceof GatewayTransportFailure && error.ambiguous);
}

function isDuplicate(error: unknown): boolean {
  if (error instanceof OrderRefused) return DUPLICATE_ORDER.test(error.gatewayText);
  return (
    error instanceof BrokerError && !(error instanceof GatewayTransportFailure) && DUPLICATE_ORDER.test(error.reason)
  );
}

function reasonOf(error: unknown): string {
  if (error instanceof BrokerError) return error.reason;
  return error instanceof Error ? error.message : String(error);
}
