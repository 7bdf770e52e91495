import { clientOrderId } from '../../../../src/domain/orders/client-order-id.js';
import type { OrderIntent } from '../../../../src/domain/orders/order-intent.js';
import { instrument } from '../../../../src/domain/values/instrument.js';
import { parsePrice } from '../../../../src/domain/values/price.js';
import { quantity } from '../../../../src/domain/values/quantity.js';
import { fixture, objectFixture } from './fixtures.js';
import type { MockGateway } from './mock-gateway.js';

export const ORDERS_PATH = '/iserver/account/DU1234567/orders';

export const BHP = instrument('BHP', 4036818);

export function intent(overrides: Partial<OrderIntent> = {}): OrderIntent {
  return {
    clientOrderId: clientOrderId('skim-20250114-BHP-entry-2'),
    instrument: BHP,
    side: 'BUY',
    type: 'LMT',
    quantity: quantity(100),
    limitPrice: parsePrice('45.30'),
    tif: 'DAY',
    purpose: 'entry',
    ...overrides,
  };
}

/** The broker's answers that show it has no order with the intent's client order id. */
export function scriptNotAtBroker(gateway: MockGateway): void {
  gateway
    .ok('GET', '/iserver/account/orders?force=true', { orders: [], snapshot: true })
    .ok('GET', '/iserver/account/orders', fixture('live-orders'))
    .ok('GET', '/iserver/account/trades?days=1', fixture('trades'));
}

/** Live orders in which the given order sits with the given IBKR status. */
export function liveOrdersWith(ref: string, status: string, orderId = '1876543311'): unknown {
  const list = objectFixture('live-orders');
  const orders = list.orders as Record<string, unknown>[];
  return {
    ...list,
    orders: [
      ...orders,
      {
        ...orders[0],
        orderId,
        order_ref: ref,
        status,
        price: '45.30',
        totalSize: 100,
        filledQuantity: status === 'Filled' ? 100 : 0,
      },
    ],
  };
}
