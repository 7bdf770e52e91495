import type { GatewayState } from '../gateway-state.js';
import type { Router } from '../http/router.js';
import { gatewayError, ok, type SimRequest, type SimResponse } from '../http/sim-http.js';
import { ibkrStatusOf, liveOrder, orderStatusBody } from '../payloads/orders.payloads.js';
import { tradeBody } from '../payloads/trades.payloads.js';
import { wrongAccount } from './account-check.js';

const DAY_MS = 86_400_000;
/** `/iserver/account/trades` reaches back at most this many days. */
const MAX_TRADE_DAYS = 7;

/** Live orders, one order's status, cancelling and executions. */
export function registerOrderBookRoutes(router: Router, state: GatewayState): void {
  router
    .get('/iserver/account/orders', (request) => liveOrders(state, request))
    .get('/iserver/account/order/status/:orderId', (request) => {
      const order = state.findOrderByBrokerId(request.params.orderId ?? '');
      if (order === undefined) return gatewayError(`order ${request.params.orderId} not found`, 400);
      return ok(orderStatusBody(state.orderView(order)));
    })
    .delete('/iserver/account/:acct/order/:orderId', (request) => cancel(state, request))
    .get('/iserver/account/trades', (request) => trades(state, request));
}

/**
 * Every order of the run, rejected ones as Inactive, optionally filtered by status names
 * (`filters=filled,cancelled`). The first answer after a login is empty, as the gateway's often is.
 */
function liveOrders(state: GatewayState, request: SimRequest): SimResponse {
  if (state.options.emptyFirstLiveOrders && !state.liveOrdersAnsweredSinceLogin) {
    state.liveOrdersAnsweredSinceLogin = true;
    return ok({ orders: [], snapshot: true });
  }
  state.liveOrdersAnsweredSinceLogin = true;
  const filters = (request.query.get('filters') ?? '')
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter((name) => name !== '');
  const orders = state.exchange
    .orders()
    .filter((order) => filters.length === 0 || filters.includes(ibkrStatusOf(order.status).toLowerCase()));
  return ok({ orders: orders.map((order) => liveOrder(state.orderView(order))), snapshot: true });
}

function cancel(state: GatewayState, request: SimRequest): SimResponse {
  const refusal = wrongAccount(state, request);
  if (refusal !== undefined) return refusal;
  const order = state.findOrderByBrokerId(request.params.orderId ?? '');
  if (order === undefined) return gatewayError(`OrderID ${request.params.orderId} doesn't exist`);
  if (order.status === 'filled' || order.status === 'cancelled' || order.status === 'rejected') {
    return gatewayError(`OrderID ${order.brokerOrderId} is no longer active (${ibkrStatusOf(order.status)})`);
  }
  state.exchange.cancelOrder(order.clientOrderId, state.now());
  return ok({
    msg: 'Request was submitted',
    order_id: Number(order.brokerOrderId),
    conid: order.instrument.conid,
    account: state.accountId,
  });
}

/** Executions of the last `days` days (1 by default, at most 7), oldest first. */
function trades(state: GatewayState, request: SimRequest): SimResponse {
  const asked = Number(request.query.get('days') ?? '1');
  const days = Number.isSafeInteger(asked) && asked >= 1 ? Math.min(asked, MAX_TRADE_DAYS) : 1;
  const since = state.now() - days * DAY_MS;
  return ok(state.exchange.fills(since).map((fill) => tradeBody(state.tradeView(fill))));
}
