import type { Fill } from '../../../domain/orders/fill.js';
import { dollarsNumber, gatewayDateTime, moneyText, priceText } from './gateway-values.js';

export interface TradeView {
  readonly fill: Fill;
  readonly accountId: string;
  readonly companyName: string;
  readonly hasClientId: boolean;
}

/** One execution of `/iserver/account/trades`: price and commission as strings, `order_ref` = the cOID. */
export function tradeBody({ fill, accountId, companyName, hasClientId }: TradeView): Record<string, unknown> {
  const { instrument } = fill;
  const side = fill.side === 'BUY' ? 'B' : 'S';
  return {
    execution_id: fill.executionId,
    symbol: instrument.symbol,
    supports_tax_opt: '1',
    side,
    order_description: `${fill.side === 'BUY' ? 'Bot' : 'Sold'} ${fill.quantity} @ ${priceText(fill.price)} on ASX`,
    trade_time: gatewayDateTime(fill.at),
    trade_time_r: fill.at,
    size: fill.quantity,
    price: priceText(fill.price),
    submitter: accountId,
    exchange: 'ASX',
    commission: moneyText(fill.commission),
    net_amount: dollarsNumber(fill.price * fill.quantity),
    account: accountId,
    accountCode: accountId,
    company_name: companyName,
    contract_description_1: instrument.symbol,
    sec_type: 'STK',
    listing_exchange: 'ASX',
    conid: instrument.conid,
    conidEx: String(instrument.conid),
    clearing_id: 'IB',
    clearing_name: 'IB',
    liquidation_trade: '0',
    is_event_trading: '0',
    order_id: Number(fill.brokerOrderId),
    order_ref: hasClientId ? fill.clientOrderId : null,
  };
}
