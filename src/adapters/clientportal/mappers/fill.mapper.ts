import type { Fill } from '../../../domain/orders/fill.js';
import { instrument } from '../../../domain/values/instrument.js';
import { ZERO } from '../../../domain/values/money.js';
import type { Located } from '../parse.js';
import type { Trade } from '../schemas/orders.schema.js';
import { moneyOf, priceOf, sharesOf } from './gateway-numbers.js';
import { clientOrderIdOf, foreignClientOrderId, sideOf } from './order.mapper.js';

/** One execution of `/iserver/account/trades`: `order_ref` is the cOID Skim sent, commission a string. */
export function toFill(raw: Trade, where: Located): Fill {
  const brokerOrderId = raw.order_id ?? '';
  const ref = raw.order_ref ?? undefined;
  const commission = raw.commission;
  return {
    executionId: raw.execution_id,
    clientOrderId:
      ref === undefined || ref === ''
        ? foreignClientOrderId(brokerOrderId || raw.execution_id)
        : clientOrderIdOf(ref, where),
    brokerOrderId,
    instrument: where.convert(() => instrument(raw.symbol, raw.conid)),
    side: sideOf(raw.side, where.at('side')),
    quantity: where.at('size').convert(() => sharesOf(raw.size)),
    price: where.at('price').convert(() => priceOf(raw.price)),
    commission: commission === undefined ? ZERO : where.at('commission').convert(() => moneyOf(commission)),
    at: raw.trade_time_r,
  };
}
