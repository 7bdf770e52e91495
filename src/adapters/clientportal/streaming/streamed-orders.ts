import type { BrokerOrder } from '../../../domain/orders/broker-order.js';
import type { Fill } from '../../../domain/orders/fill.js';
import type { EpochMs } from '../../../domain/values/time.js';
import { toFill } from '../mappers/fill.mapper.js';
import { fromLiveOrder } from '../mappers/order.mapper.js';
import { Located } from '../parse.js';
import { liveOrderSchema, tradeSchema } from '../schemas/orders.schema.js';

/** What one `sor`/`str` frame yielded, and what in it could not be read. */
export interface Decoded<T> {
  readonly items: T[];
  readonly problems: string[];
}

/**
 * `sor` frames often carry only what changed of an order (its id and new status), so each order's fields
 * are merged over what was seen before, then mapped like an entry of `/iserver/account/orders`. `str`
 * executions are mapped like `/iserver/account/trades` and each execution id is passed on once.
 */
export class StreamedOrders {
  private readonly orders = new Map<string, Record<string, unknown>>();
  private readonly executions = new Set<string>();

  orderUpdates(items: readonly Record<string, unknown>[], now: EpochMs): Decoded<BrokerOrder> {
    const decoded: Decoded<BrokerOrder> = { items: [], problems: [] };
    items.forEach((item, index) => {
      const where = new Located('WS sor', `args[${index}]`);
      const id = item.orderId;
      if (typeof id !== 'string' && typeof id !== 'number') {
        decoded.problems.push(`${where.path}: no orderId`);
        return;
      }
      const merged = { ...this.orders.get(String(id)), ...item };
      this.orders.set(String(id), merged);
      const parsed = liveOrderSchema.safeParse(merged);
      // An update for an order not yet seen whole waits for the rest of its fields.
      if (!parsed.success) return;
      attempt(decoded, where, () => fromLiveOrder(parsed.data, now, where));
    });
    return decoded;
  }

  fills(items: readonly Record<string, unknown>[]): Decoded<Fill> {
    const decoded: Decoded<Fill> = { items: [], problems: [] };
    items.forEach((item, index) => {
      const where = new Located('WS str', `args[${index}]`);
      const parsed = tradeSchema.safeParse(item);
      if (!parsed.success) {
        decoded.problems.push(`${where.path}: ${parsed.error.issues[0]?.message ?? 'invalid execution'}`);
        return;
      }
      if (this.executions.has(parsed.data.execution_id)) return;
      const before = decoded.items.length;
      attempt(decoded, where, () => toFill(parsed.data, where));
      if (decoded.items.length > before) this.executions.add(parsed.data.execution_id);
    });
    return decoded;
  }
}

function attempt<T>(decoded: Decoded<T>, where: Located, map: () => T): void {
  try {
    decoded.items.push(map());
  } catch (error) {
    decoded.problems.push(`${where.path}: ${error instanceof Error ? error.message : String(error)}`);
  }
}
