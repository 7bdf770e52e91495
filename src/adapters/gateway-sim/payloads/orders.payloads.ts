import type { BrokerOrder, BrokerOrderStatus } from '../../../domain/orders/broker-order.js';
import type { OrderType, TimeInForce } from '../../../domain/orders/order-intent.js';
import type { QuestionSpec } from '../orders/question-policy.js';
import { gatewayCompactTime, millsText, priceText } from './gateway-values.js';

/** How one order is written, and whether Skim-style `order_ref` (the cOID) goes with it. */
export interface OrderView {
  readonly order: BrokerOrder;
  readonly tif: TimeInForce;
  readonly accountId: string;
  readonly companyName: string;
  /** False for orders sent without a `cOID`: the gateway then has no `order_ref` to report. */
  readonly hasClientId: boolean;
}

const IBKR_STATUS: Readonly<Record<BrokerOrderStatus, string>> = {
  pending: 'PreSubmitted',
  working: 'Submitted',
  partially_filled: 'Submitted',
  filled: 'Filled',
  cancelled: 'Cancelled',
  rejected: 'Inactive',
};

const TYPE_NAMES: Readonly<Record<OrderType, { readonly title: string; readonly upper: string }>> = {
  MKT: { title: 'Market', upper: 'MARKET' },
  LMT: { title: 'Limit', upper: 'LIMIT' },
  STP: { title: 'Stop', upper: 'STOP' },
};

export function ibkrStatusOf(status: BrokerOrderStatus): string {
  return IBKR_STATUS[status];
}

/** The answer that says an order was accepted. */
export function placedBody(order: BrokerOrder): Record<string, unknown>[] {
  return [{ order_id: order.brokerOrderId, order_status: ibkrStatusOf(order.status), encrypt_message: '1' }];
}

/** A question the client must answer with `POST /iserver/reply/{id}`. */
export function questionBody(replyId: string, question: QuestionSpec): Record<string, unknown>[] {
  return [{ id: replyId, message: [question.message], isSuppressed: false, messageIds: [question.messageId] }];
}

/** One entry of `/iserver/account/orders`. */
export function liveOrder({ order, tif, accountId, companyName, hasClientId }: OrderView): Record<string, unknown> {
  const { instrument, type } = order;
  const remaining = order.quantity - order.filledQuantity;
  return {
    acct: accountId,
    conidex: String(instrument.conid),
    conid: instrument.conid,
    account: accountId,
    orderId: Number(order.brokerOrderId),
    cashCcy: 'AUD',
    sizeAndFills: `${order.filledQuantity}/${order.quantity}`,
    orderDesc: describe(order, tif, false),
    description1: instrument.symbol,
    ticker: instrument.symbol,
    secType: 'STK',
    listingExchange: 'ASX',
    remainingQuantity: order.status === 'cancelled' || order.status === 'rejected' ? 0 : remaining,
    filledQuantity: order.filledQuantity,
    totalSize: order.quantity,
    companyName,
    status: ibkrStatusOf(order.status),
    order_ccp_status: ibkrStatusOf(order.status),
    origOrderType: TYPE_NAMES[type].upper,
    supportsTaxOpt: '1',
    lastExecutionTime: gatewayCompactTime(order.updatedAt),
    orderType: TYPE_NAMES[type].title,
    bgColor: '#FFFFFF',
    fgColor: '#000000',
    timeInForce: tif,
    lastExecutionTime_r: order.updatedAt,
    side: order.side,
    ...(order.averageFillPriceMills === undefined ? {} : { avgPrice: millsText(order.averageFillPriceMills) }),
    ...(order.limitPrice === undefined ? {} : { price: priceText(order.limitPrice) }),
    ...(order.stopPrice === undefined ? {} : { auxPrice: priceText(order.stopPrice) }),
    ...(hasClientId ? { order_ref: order.clientOrderId } : {}),
  };
}

/** `/iserver/account/order/status/{orderId}`. */
export function orderStatusBody({
  order,
  tif,
  accountId,
  companyName,
  hasClientId,
}: OrderView): Record<string, unknown> {
  const { instrument, type } = order;
  const open = order.status === 'pending' || order.status === 'working' || order.status === 'partially_filled';
  return {
    sub_type: null,
    request_id: '209',
    server_id: '0',
    order_id: Number(order.brokerOrderId),
    conidex: String(instrument.conid),
    conid: instrument.conid,
    symbol: instrument.symbol,
    side: order.side === 'BUY' ? 'B' : 'S',
    contract_description_1: instrument.symbol,
    listing_exchange: 'ASX',
    option_acct: 'c',
    company_name: companyName,
    size: String(order.quantity - order.filledQuantity),
    total_size: String(order.quantity),
    currency: 'AUD',
    account: accountId,
    order_type: TYPE_NAMES[type].upper,
    cum_fill: String(order.filledQuantity),
    order_status: ibkrStatusOf(order.status),
    order_ccp_status: ibkrStatusOf(order.status),
    order_status_description: order.rejectReason ?? `Order ${ibkrStatusOf(order.status)}`,
    tif,
    fgColor: '#000000',
    bgColor: '#FFFFFF',
    order_not_editable: !open,
    editable_fields: '',
    cannot_cancel_order: !open,
    deactivate_order: false,
    sec_type: 'STK',
    available_chart_periods: '#R|1',
    order_description: describe(order, tif, false),
    order_description_with_contract: describe(order, tif, true),
    alert_active: 1,
    child_order_type: '0',
    order_clearing_account: accountId,
    size_and_fills: `${order.filledQuantity}/${order.quantity}`,
    exit_strategy_tool_availability: '1',
    allowed_duplicate_opposite: true,
    order_time: gatewayCompactTime(order.updatedAt),
    ...(order.averageFillPriceMills === undefined ? {} : { average_price: millsText(order.averageFillPriceMills) }),
    ...(order.limitPrice === undefined ? {} : { limit_price: priceText(order.limitPrice) }),
    ...(order.stopPrice === undefined ? {} : { stop_price: priceText(order.stopPrice) }),
    ...(hasClientId ? { order_ref: order.clientOrderId } : {}),
  };
}

/** "Buy 100 Limit 44.00, Day", with the symbol when `withContract`. */
function describe(order: BrokerOrder, tif: TimeInForce, withContract: boolean): string {
  const side = order.side === 'BUY' ? 'Buy' : 'Sell';
  const what = withContract ? `${order.quantity} ${order.instrument.symbol}` : String(order.quantity);
  const trigger = order.limitPrice ?? order.stopPrice;
  const price = trigger === undefined ? '' : ` ${priceText(trigger)}`;
  return `${side} ${what} ${TYPE_NAMES[order.type].title}${price}, ${tif === 'DAY' ? 'Day' : 'GTC'}`;
}
