import { z } from 'zod';
import { decimal, gatewayError, optionalDecimal, wholeNumber } from './common.schema.js';

/** A confirmation the gateway wants before it sends an order. */
export const orderQuestionSchema = z.object({
  id: z.string(),
  message: z.array(z.string()),
  messageIds: z.array(z.string()).default([]),
});

export type OrderQuestion = z.output<typeof orderQuestionSchema>;

export const orderPlacedSchema = z.object({
  order_id: z.union([z.string(), z.number()]).transform(String),
  order_status: z.string(),
  local_order_id: z.string().optional(),
});

export type OrderPlaced = z.output<typeof orderPlacedSchema>;

/** The answer to placing an order or replying to one of its questions. */
export const orderAnswerSchema = z.union([
  gatewayError,
  z.array(z.union([orderQuestionSchema, orderPlacedSchema, gatewayError])).min(1),
]);

export type OrderAnswer = z.output<typeof orderAnswerSchema>;

/** One order in `/iserver/account/orders`. */
export const liveOrderSchema = z.object({
  acct: z.string().optional(),
  conid: wholeNumber,
  orderId: z.union([z.string(), z.number()]).transform(String),
  ticker: z.string(),
  side: z.string(),
  orderType: z.string(),
  status: z.string(),
  totalSize: decimal,
  filledQuantity: optionalDecimal,
  avgPrice: optionalDecimal,
  price: optionalDecimal,
  auxPrice: optionalDecimal,
  order_ref: z.string().optional(),
  lastExecutionTime_r: wholeNumber.optional(),
});

export type LiveOrder = z.output<typeof liveOrderSchema>;

export const liveOrdersSchema = z.object({
  orders: z.array(liveOrderSchema).default([]),
  snapshot: z.boolean().optional(),
});

/** `/iserver/account/order/status/{orderId}`. */
export const orderStatusSchema = z.object({
  order_id: z.union([z.string(), z.number()]).transform(String),
  conid: wholeNumber,
  symbol: z.string(),
  side: z.string(),
  order_type: z.string(),
  order_status: z.string(),
  total_size: decimal,
  cum_fill: optionalDecimal,
  average_price: optionalDecimal,
  limit_price: optionalDecimal,
  stop_price: optionalDecimal,
});

export type OrderStatusDetail = z.output<typeof orderStatusSchema>;

/** `DELETE /iserver/account/{accountId}/order/{orderId}`. */
export const cancelAnswerSchema = z.union([
  gatewayError,
  z.object({ msg: z.string(), order_id: z.union([z.string(), z.number()]).optional() }),
]);

/** One execution in `/iserver/account/trades`. */
export const tradeSchema = z.object({
  execution_id: z.string(),
  symbol: z.string(),
  side: z.string(),
  size: decimal,
  price: decimal,
  order_ref: z.string().nullish(),
  commission: optionalDecimal,
  trade_time_r: wholeNumber,
  conid: wholeNumber,
  order_id: z.union([z.string(), z.number()]).transform(String).optional(),
  account: z.string().optional(),
});

export type Trade = z.output<typeof tradeSchema>;

export const tradesSchema = z.array(tradeSchema);
