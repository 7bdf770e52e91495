import type { BrokerOrder, BrokerOrderStatus } from '../../../domain/orders/broker-order.js';
import { clientOrderId, type ClientOrderId } from '../../../domain/orders/client-order-id.js';
import type { OrderIntent, OrderType, Side } from '../../../domain/orders/order-intent.js';
import { instrument } from '../../../domain/values/instrument.js';
import type { Price } from '../../../domain/values/price.js';
import { NO_SHARES, type Quantity } from '../../../domain/values/quantity.js';
import type { EpochMs } from '../../../domain/values/time.js';
import type { Located } from '../parse.js';
import type { Decimal } from '../schemas/common.schema.js';
import type { LiveOrder, OrderPlaced, OrderStatusDetail } from '../schemas/orders.schema.js';
import { millsOf, priceOf, sharesOf } from './gateway-numbers.js';

/** IBKR order statuses (live orders, order status, placement) → Skim's, before fills are considered. */
const STATUSES: Readonly<Record<string, BrokerOrderStatus>> = {
  apipending: 'pending',
  pendingsubmit: 'pending',
  presubmitted: 'pending',
  submitted: 'working',
  pendingcancel: 'working',
  warnstate: 'working',
  filled: 'filled',
  cancelled: 'cancelled',
  apicancelled: 'cancelled',
  inactive: 'rejected',
};

const ORDER_TYPES: Readonly<Record<string, OrderType>> = {
  mkt: 'MKT',
  market: 'MKT',
  lmt: 'LMT',
  limit: 'LMT',
  stp: 'STP',
  stop: 'STP',
};

const SIDES: Readonly<Record<string, Side>> = { buy: 'BUY', b: 'BUY', sell: 'SELL', s: 'SELL' };

/** Orders placed outside Skim carry no `order_ref`; they get a recognisable stand-in id. */
export function foreignClientOrderId(brokerOrderId: string): ClientOrderId {
  return clientOrderId(`ibkr-${brokerOrderId}`);
}

export function orderStatusOf(status: string, filled: Quantity, where: Located): BrokerOrderStatus {
  const mapped = STATUSES[status.trim().toLowerCase()];
  if (mapped === undefined) throw where.error(`unknown order status "${status}"`);
  return mapped === 'working' && filled > 0 ? 'partially_filled' : mapped;
}

export function orderTypeOf(type: string, where: Located): OrderType {
  const mapped = ORDER_TYPES[type.trim().toLowerCase()];
  if (mapped === undefined) throw where.error(`unsupported order type "${type}"`);
  return mapped;
}

export function sideOf(side: string, where: Located): Side {
  const mapped = SIDES[side.trim().toLowerCase()];
  if (mapped === undefined) throw where.error(`unknown side "${side}"`);
  return mapped;
}

/** An entry of `/iserver/account/orders`. */
export function fromLiveOrder(raw: LiveOrder, updatedAt: EpochMs, where: Located): BrokerOrder {
  const type = orderTypeOf(raw.orderType, where.at('orderType'));
  const filledQuantity = optionalShares(raw.filledQuantity, where.at('filledQuantity'));
  // A stop's trigger is `auxPrice` in live orders on some gateway versions and `price` on others.
  const stopField = raw.auxPrice === undefined ? 'price' : 'auxPrice';
  const stopRaw = raw.auxPrice ?? raw.price;
  return {
    clientOrderId:
      raw.order_ref === undefined ? foreignClientOrderId(raw.orderId) : clientOrderIdOf(raw.order_ref, where),
    brokerOrderId: raw.orderId,
    instrument: where.convert(() => instrument(raw.ticker, raw.conid)),
    side: sideOf(raw.side, where.at('side')),
    type,
    quantity: where.at('totalSize').convert(() => sharesOf(raw.totalSize)),
    filledQuantity,
    status: orderStatusOf(raw.status, filledQuantity, where.at('status')),
    ...averageFill(raw.avgPrice, where.at('avgPrice')),
    ...(type === 'LMT' && raw.price !== undefined ? { limitPrice: priceAt(raw.price, where.at('price')) } : {}),
    ...(type === 'STP' && stopRaw !== undefined ? { stopPrice: priceAt(stopRaw, where.at(stopField)) } : {}),
    updatedAt: raw.lastExecutionTime_r ?? updatedAt,
  };
}

/** `/iserver/account/order/status/{orderId}`, for an order whose client order id is already known. */
export function fromOrderStatus(
  raw: OrderStatusDetail,
  id: ClientOrderId,
  updatedAt: EpochMs,
  where: Located,
): BrokerOrder {
  const type = orderTypeOf(raw.order_type, where.at('order_type'));
  const filledQuantity = optionalShares(raw.cum_fill, where.at('cum_fill'));
  return {
    clientOrderId: id,
    brokerOrderId: raw.order_id,
    instrument: where.convert(() => instrument(raw.symbol, raw.conid)),
    side: sideOf(raw.side, where.at('side')),
    type,
    quantity: where.at('total_size').convert(() => sharesOf(raw.total_size)),
    filledQuantity,
    status: orderStatusOf(raw.order_status, filledQuantity, where.at('order_status')),
    ...averageFill(raw.average_price, where.at('average_price')),
    ...(raw.limit_price === undefined ? {} : { limitPrice: priceAt(raw.limit_price, where.at('limit_price')) }),
    ...(raw.stop_price === undefined ? {} : { stopPrice: priceAt(raw.stop_price, where.at('stop_price')) }),
    updatedAt,
  };
}

/** The order just accepted by the gateway, as far as the placement answer tells. */
export function fromPlacement(intent: OrderIntent, placed: OrderPlaced, at: EpochMs, where: Located): BrokerOrder {
  const status = orderStatusOf(placed.order_status, NO_SHARES, where.at('order_status'));
  return {
    clientOrderId: intent.clientOrderId,
    brokerOrderId: placed.order_id,
    instrument: intent.instrument,
    side: intent.side,
    type: intent.type,
    quantity: intent.quantity,
    filledQuantity: status === 'filled' ? intent.quantity : NO_SHARES,
    status,
    ...(intent.limitPrice === undefined ? {} : { limitPrice: intent.limitPrice }),
    ...(intent.stopPrice === undefined ? {} : { stopPrice: intent.stopPrice }),
    updatedAt: at,
  };
}

export function clientOrderIdOf(text: string, where: Located): ClientOrderId {
  return where.at('order_ref').convert(() => clientOrderId(text));
}

function optionalShares(value: Decimal | undefined, where: Located): Quantity {
  return value === undefined ? NO_SHARES : where.convert(() => sharesOf(value));
}

function priceAt(value: Decimal, where: Located): Price {
  return where.convert(() => priceOf(value));
}

/** Average fill prices may fall between ticks, so they stay plain mills; zero means "no fill yet". */
function averageFill(value: Decimal | undefined, where: Located): { averageFillPriceMills?: number } {
  if (value === undefined) return {};
  const mills = where.convert(() => millsOf('average price', value, true));
  return mills > 0 ? { averageFillPriceMills: mills } : {};
}
