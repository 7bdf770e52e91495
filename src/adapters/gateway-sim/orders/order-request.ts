import { DomainError } from '../../../domain/errors/domain-error.js';
import { clientOrderId, type ClientOrderId } from '../../../domain/orders/client-order-id.js';
import type { OrderIntent, OrderType, Side, TimeInForce } from '../../../domain/orders/order-intent.js';
import type { Instrument } from '../../../domain/values/instrument.js';
import { priceFromNumber, type Price } from '../../../domain/values/price.js';
import { quantity } from '../../../domain/values/quantity.js';

/** The order in a `POST /iserver/account/{acct}/orders` body, or why the gateway refuses it. */
export type OrderRequest =
  | { readonly ok: true; readonly intent: OrderIntent; readonly clientSuppliedId: boolean }
  | { readonly ok: false; readonly error: string };

export interface OrderRequestContext {
  readonly accountId: string;
  readonly instrumentOf: (conid: number) => Instrument | undefined;
  /** An id for an order sent without `cOID`. */
  readonly generatedId: () => ClientOrderId;
}

const ORDER_TYPES: Readonly<Record<string, OrderType>> = { MKT: 'MKT', LMT: 'LMT', STP: 'STP' };
const SIDES: Readonly<Record<string, Side>> = { BUY: 'BUY', SELL: 'SELL' };
const TIFS: Readonly<Record<string, TimeInForce>> = { DAY: 'DAY', GTC: 'GTC' };

class Refusal extends Error {}

/**
 * Reads the one order of the body. The simulated exchange trades plain MKT, LMT and STP orders on ASX
 * listings; brackets (`parentId`), several orders per request and stop-limits are refused as such.
 */
export function readOrderRequest(body: unknown, context: OrderRequestContext): OrderRequest {
  try {
    const raw = singleOrder(body);
    return readOrder(raw, context);
  } catch (error) {
    if (error instanceof Refusal) return { ok: false, error: error.message };
    if (error instanceof DomainError) return { ok: false, error: error.message };
    throw error;
  }
}

function singleOrder(body: unknown): Record<string, unknown> {
  const orders = isRecord(body) ? body.orders : undefined;
  if (!Array.isArray(orders) || orders.length === 0) throw new Refusal('the body needs an "orders" array');
  if (orders.length > 1) throw new Refusal('this simulator accepts one order per request (no brackets or OCA groups)');
  const [order] = orders as unknown[];
  if (!isRecord(order)) throw new Refusal('orders[0] is not an object');
  return order;
}

function readOrder(raw: Record<string, unknown>, context: OrderRequestContext): OrderRequest {
  if (raw.acctId !== undefined && raw.acctId !== context.accountId) {
    throw new Refusal(`acctId ${shown(raw.acctId)} is not the account of this request`);
  }
  if (raw.parentId !== undefined) throw new Refusal('child orders (parentId) are not supported by this simulator');
  const listing = raw.listingExchange;
  if (listing !== undefined && listing !== 'ASX' && listing !== 'SMART') {
    throw new Refusal(`listingExchange ${shown(listing)} is not ASX or SMART`);
  }
  const conid = wholeNumber('conid', raw.conid);
  const target = context.instrumentOf(conid);
  if (target === undefined) throw new Refusal(`conid ${conid} is not a tradeable ASX listing`);
  const type = pick('orderType', raw.orderType, ORDER_TYPES);
  const side = pick('side', raw.side, SIDES);
  const tif = raw.tif === undefined ? 'DAY' : pick('tif', raw.tif, TIFS);
  const shares = wholeNumber('quantity', raw.quantity);
  if (shares <= 0) throw new Refusal(`quantity ${shares} is not positive`);
  const price = type === 'MKT' ? undefined : priceOf(raw.price, type);
  const supplied = raw.cOID !== undefined;
  const id = supplied ? clientOrderId(textOf('cOID', raw.cOID)) : context.generatedId();
  const intent: OrderIntent = {
    clientOrderId: id,
    instrument: target,
    side,
    type,
    quantity: quantity(shares),
    tif,
    purpose: 'manual',
    ...(type === 'LMT' && price !== undefined ? { limitPrice: price } : {}),
    ...(type === 'STP' && price !== undefined ? { stopPrice: price } : {}),
  };
  return { ok: true, intent, clientSuppliedId: supplied };
}

function priceOf(value: unknown, type: OrderType): Price {
  if (value === undefined || value === null) {
    throw new Refusal(type === 'STP' ? 'a STP order needs "price" (its trigger)' : 'a LMT order needs "price"');
  }
  const number = typeof value === 'string' ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isFinite(number))
    throw new Refusal(`price ${shown(value)} is not a number`);
  return priceFromNumber(number);
}

function pick<T>(field: string, value: unknown, allowed: Readonly<Record<string, T>>): T {
  const found = typeof value === 'string' ? allowed[value.toUpperCase()] : undefined;
  if (found === undefined) {
    throw new Refusal(`${field} ${shown(value)} is not one of ${Object.keys(allowed).join(', ')}`);
  }
  return found;
}

function wholeNumber(field: string, value: unknown): number {
  const number = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isSafeInteger(number)) {
    throw new Refusal(`${field} ${shown(value)} is not a whole number`);
  }
  return number;
}

function textOf(field: string, value: unknown): string {
  if (typeof value !== 'string') throw new Refusal(`${field} is not a string`);
  return value;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A request value as it appeared in the JSON, for error messages. */
function shown(value: unknown): string {
  if (value === undefined) return 'undefined';
  return typeof value === 'string' ? value : JSON.stringify(value);
}
