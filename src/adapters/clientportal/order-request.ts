import { BrokerError } from '../../domain/errors/broker-error.js';
import type { OrderIntent } from '../../domain/orders/order-intent.js';
import type { Price } from '../../domain/values/price.js';

/** The order as the gateway wants it; `cOID` is Skim's client order id, so retries can be recognised. */
export interface GatewayOrder {
  readonly acctId: string;
  readonly conid: number;
  readonly cOID: string;
  readonly orderType: 'MKT' | 'LMT' | 'STP';
  readonly side: 'BUY' | 'SELL';
  readonly quantity: number;
  readonly tif: 'DAY' | 'GTC';
  readonly listingExchange: 'ASX';
  readonly outsideRTH: false;
  /** Limit price for LMT, trigger price for STP, in dollars. */
  readonly price?: number;
}

/** Builds the body of `POST /iserver/account/{accountId}/orders`; refuses an intent missing its price. */
export function orderRequestBody(accountId: string, intent: OrderIntent): { orders: [GatewayOrder] } {
  const base = {
    acctId: accountId,
    conid: intent.instrument.conid,
    cOID: intent.clientOrderId,
    orderType: intent.type,
    side: intent.side,
    quantity: intent.quantity,
    tif: intent.tif,
    listingExchange: 'ASX',
    outsideRTH: false,
  } as const;
  if (intent.quantity <= 0) throw invalid(intent, 'quantity must be positive');
  switch (intent.type) {
    case 'MKT':
      return { orders: [base] };
    case 'LMT':
      if (intent.limitPrice === undefined) throw invalid(intent, 'a LMT order needs a limit price');
      return { orders: [{ ...base, price: dollars(intent.limitPrice) }] };
    case 'STP':
      if (intent.stopPrice === undefined) throw invalid(intent, 'a STP order needs a stop price');
      return { orders: [{ ...base, price: dollars(intent.stopPrice) }] };
  }
}

/** Mills → dollars for JSON. Division by 1000 of an integer prints as its exact decimal ("45.205"). */
function dollars(p: Price): number {
  return p / 1000;
}

function invalid(intent: OrderIntent, why: string): BrokerError {
  return new BrokerError('placeOrder', `${intent.clientOrderId}: ${why}`);
}
