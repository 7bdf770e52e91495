import type { Bar, BarSize } from '../market/bar.js';
import type { Quote } from '../market/quote.js';
import type { BrokerOrder } from '../orders/broker-order.js';
import type { ClientOrderId } from '../orders/client-order-id.js';
import type { Fill } from '../orders/fill.js';
import type { OrderIntent } from '../orders/order-intent.js';
import type { AsxSymbol, Instrument } from '../values/instrument.js';
import type { Money } from '../values/money.js';
import type { Quantity } from '../values/quantity.js';
import type { EpochMs } from '../values/time.js';

export interface BrokerAccount {
  readonly accountId: string;
  readonly isPaper: boolean;
  readonly currency: string;
}

export interface BrokerPosition {
  readonly instrument: Instrument;
  readonly quantity: Quantity;
  /** Average cost per share in mills, as the broker reports it. */
  readonly averageCostMills: number;
}

export interface AccountSummary {
  readonly accountId: string;
  readonly netLiquidation: Money;
  readonly availableFunds: Money;
  readonly cash: Money;
}

export interface BarRequest {
  readonly size: BarSize;
  /** Bars that start at or after this instant. */
  readonly from: EpochMs;
  /** Bars that start before this instant. */
  readonly to: EpochMs;
}

/**
 * Everything Skim asks of a broker. Implementations: the simulated exchange (backtests, tests) and the
 * IBKR Client Portal gateway. Errors are domain errors: BrokerError, GatewayNotAuthenticated,
 * LiveAccountRefused.
 */
export interface Broker {
  /** Checks the session and selects the trading account (paper guard included). */
  connect(): Promise<BrokerAccount>;
  resolveInstrument(symbol: AsxSymbol): Promise<Instrument>;
  quotes(instruments: readonly Instrument[]): Promise<Quote[]>;
  /** Completed bars in [from, to), oldest first. */
  bars(instrument: Instrument, request: BarRequest): Promise<Bar[]>;
  /**
   * Sends an order. Sending an intent whose client order id the broker already knows returns that
   * order and creates nothing.
   */
  placeOrder(intent: OrderIntent): Promise<BrokerOrder>;
  cancelOrder(clientOrderId: ClientOrderId): Promise<BrokerOrder>;
  /** The order with this client order id, if the broker has one (today's orders). */
  findOrder(clientOrderId: ClientOrderId): Promise<BrokerOrder | undefined>;
  openOrders(): Promise<BrokerOrder[]>;
  /** Executions at or after `since`, oldest first. */
  fills(since: EpochMs): Promise<Fill[]>;
  positions(): Promise<BrokerPosition[]>;
  accountSummary(): Promise<AccountSummary>;
}
