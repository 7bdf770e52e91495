import type { AccountSummary, BrokerPosition } from '../../../domain/ports/broker.port.js';
import type { Money } from '../../../domain/values/money.js';
import type { Price } from '../../../domain/values/price.js';
import type { EpochMs } from '../../../domain/values/time.js';
import { dollarsNumber } from './gateway-values.js';

export interface PositionView {
  readonly position: BrokerPosition;
  readonly accountId: string;
  readonly companyName: string;
  /** Last price, else the average cost when nothing has traded. */
  readonly marketPrice: Price | undefined;
}

/** One row of `/portfolio/{acct}/positions/{page}`; amounts are JSON numbers of dollars. */
export function positionRow({ position, accountId, companyName, marketPrice }: PositionView): Record<string, unknown> {
  const { instrument, quantity, averageCostMills } = position;
  const priceMills = marketPrice ?? averageCostMills;
  const value = priceMills * quantity;
  return {
    acctId: accountId,
    conid: instrument.conid,
    contractDesc: instrument.symbol,
    ticker: instrument.symbol,
    name: companyName,
    position: quantity,
    mktPrice: dollarsNumber(priceMills),
    mktValue: dollarsNumber(value),
    currency: 'AUD',
    avgCost: dollarsNumber(averageCostMills),
    avgPrice: dollarsNumber(averageCostMills),
    realizedPnl: 0,
    unrealizedPnl: dollarsNumber(value - averageCostMills * quantity),
    exchs: null,
    expiry: null,
    putOrCall: null,
    multiplier: null,
    strike: 0,
    exerciseStyle: null,
    conExchMap: [],
    assetClass: 'STK',
    undConid: 0,
    listingExchange: 'ASX',
  };
}

/** `/portfolio/{acct}/summary`: each figure as `{amount, currency, isNull, timestamp, value, severity}`. */
export function summaryBody(summary: AccountSummary, at: EpochMs): Record<string, unknown> {
  const figure = (amount: Money | number) => ({
    amount: dollarsNumber(amount),
    currency: 'AUD',
    isNull: false,
    timestamp: at,
    value: null,
    severity: 0,
  });
  const holdings = summary.netLiquidation - summary.cash;
  return {
    accountcode: { amount: 0, currency: null, isNull: false, timestamp: at, value: summary.accountId, severity: 0 },
    acctready: { amount: 0, currency: null, isNull: false, timestamp: at, value: 'true', severity: 0 },
    accounttype: { amount: 0, currency: null, isNull: false, timestamp: at, value: 'CASH', severity: 0 },
    netliquidation: figure(summary.netLiquidation),
    equitywithloanvalue: figure(summary.netLiquidation),
    availablefunds: figure(summary.availableFunds),
    excessliquidity: figure(summary.availableFunds),
    buyingpower: figure(summary.availableFunds),
    totalcashvalue: figure(summary.cash),
    settledcash: figure(summary.cash),
    grosspositionvalue: figure(holdings),
  };
}

/** `/portfolio/{acct}/ledger`: cash by currency, AUD being the base currency. */
export function ledgerBody(summary: AccountSummary, at: EpochMs): Record<string, unknown> {
  const holdings = summary.netLiquidation - summary.cash;
  const entry = (key: string) => ({
    commoditymarketvalue: 0,
    futuremarketvalue: 0,
    settledcash: dollarsNumber(summary.cash),
    exchangerate: 1,
    sessionid: 1,
    cashbalance: dollarsNumber(summary.cash),
    corporatebondsmarketvalue: 0,
    warrantsmarketvalue: 0,
    netliquidationvalue: dollarsNumber(summary.netLiquidation),
    interest: 0,
    unrealizedpnl: 0,
    stockmarketvalue: dollarsNumber(holdings),
    moneyfunds: 0,
    currency: key,
    realizedpnl: 0,
    funds: 0,
    acctcode: summary.accountId,
    issueroptionsmarketvalue: 0,
    key: 'LedgerList',
    timestamp: Math.floor(at / 1000),
    severity: 0,
  });
  return { BASE: entry('BASE'), AUD: entry('AUD') };
}
