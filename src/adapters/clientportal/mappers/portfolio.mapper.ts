import type { AccountSummary, BrokerPosition } from '../../../domain/ports/broker.port.js';
import { instrument } from '../../../domain/values/instrument.js';
import type { Located } from '../parse.js';
import type { AccountSummaryBody, PositionRow } from '../schemas/portfolio.schema.js';
import { millsOf, moneyOf, sharesOf } from './gateway-numbers.js';

/** A long stock position; the caller leaves out flat rows and other asset classes. */
export function toPosition(raw: PositionRow, where: Located): BrokerPosition {
  const symbol = raw.ticker ?? raw.contractDesc;
  if (symbol === undefined || symbol === null) throw where.at('ticker').error('no ticker or contractDesc');
  const average = raw.avgPrice ?? raw.avgCost;
  if (average === undefined) throw where.at('avgPrice').error('no average price or cost');
  return {
    instrument: where.convert(() => instrument(symbol, raw.conid)),
    quantity: where.at('position').convert(() => sharesOf(raw.position)),
    averageCostMills: where.at('avgPrice').convert(() => millsOf('average cost', average, true)),
  };
}

export function toAccountSummary(accountId: string, raw: AccountSummaryBody, where: Located): AccountSummary {
  return {
    accountId,
    netLiquidation: where.at('netliquidation.amount').convert(() => moneyOf(raw.netliquidation.amount)),
    availableFunds: where.at('availablefunds.amount').convert(() => moneyOf(raw.availablefunds.amount)),
    cash: where.at('totalcashvalue.amount').convert(() => moneyOf(raw.totalcashvalue.amount)),
  };
}
