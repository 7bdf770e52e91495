import { BrokerError } from '../../domain/errors/broker-error.js';
import { DomainError } from '../../domain/errors/domain-error.js';
import type { Bar } from '../../domain/market/bar.js';
import type { Quote } from '../../domain/market/quote.js';
import type { BrokerOrder } from '../../domain/orders/broker-order.js';
import type { ClientOrderId } from '../../domain/orders/client-order-id.js';
import type { Fill } from '../../domain/orders/fill.js';
import type { OrderIntent } from '../../domain/orders/order-intent.js';
import type {
  AccountSummary,
  BarRequest,
  Broker,
  BrokerAccount,
  BrokerPosition,
} from '../../domain/ports/broker.port.js';
import type { Clock } from '../../domain/ports/clock.port.js';
import type { AsxSymbol, Instrument } from '../../domain/values/instrument.js';
import type { EpochMs } from '../../domain/values/time.js';
import { barCompletesAt } from './bar-timing.js';
import type { SimulatedExchange } from './simulated-exchange.js';

/**
 * The Broker port over the simulated exchange: what backtests and tests trade through. Time comes from
 * the clock, so history requests see only bars that had completed by `clock.now()`.
 */
export class SimulatedBroker implements Broker {
  constructor(
    private readonly exchange: SimulatedExchange,
    private readonly clock: Clock,
  ) {}

  connect(): Promise<BrokerAccount> {
    return Promise.resolve({ accountId: this.exchange.accountId, isPaper: true, currency: this.exchange.currency });
  }

  resolveInstrument(symbol: AsxSymbol): Promise<Instrument> {
    const found = this.exchange.findInstrument(symbol);
    if (found === undefined) {
      return Promise.reject(new BrokerError('resolveInstrument', `unknown symbol ${symbol} on the simulated exchange`));
    }
    return Promise.resolve(found);
  }

  quotes(instruments: readonly Instrument[]): Promise<Quote[]> {
    return this.attempt('quotes', () => instruments.map((instrument) => this.exchange.quote(this.listed(instrument))));
  }

  bars(instrument: Instrument, request: BarRequest): Promise<Bar[]> {
    return this.attempt('bars', () => {
      const now = this.clock.now();
      return this.exchange
        .bars(this.listed(instrument), request.size)
        .filter(
          (bar) =>
            bar.start >= request.from && bar.start < request.to && barCompletesAt(request.size, bar.start) <= now,
        );
    });
  }

  placeOrder(intent: OrderIntent): Promise<BrokerOrder> {
    return this.attempt('placeOrder', () => this.exchange.submitOrder(intent, this.clock.now()));
  }

  cancelOrder(clientOrderId: ClientOrderId): Promise<BrokerOrder> {
    return this.attempt('cancelOrder', () => this.exchange.cancelOrder(clientOrderId, this.clock.now()));
  }

  findOrder(clientOrderId: ClientOrderId): Promise<BrokerOrder | undefined> {
    return Promise.resolve(this.exchange.findOrder(clientOrderId));
  }

  openOrders(): Promise<BrokerOrder[]> {
    return Promise.resolve(this.exchange.openOrders());
  }

  fills(since: EpochMs): Promise<Fill[]> {
    return Promise.resolve(this.exchange.fills(since));
  }

  positions(): Promise<BrokerPosition[]> {
    return Promise.resolve(this.exchange.positions());
  }

  accountSummary(): Promise<AccountSummary> {
    return Promise.resolve(this.exchange.accountSummary());
  }

  private listed(instrument: Instrument): Instrument {
    const known = this.exchange.findInstrument(instrument.symbol);
    if (known?.conid !== instrument.conid) {
      throw new BrokerError('instrument', `${instrument.symbol} (conid ${instrument.conid}) is not listed`);
    }
    return known;
  }

  /** Runs `work`; a domain error it throws becomes a BrokerError for `operation`, anything else a bug to surface. */
  private attempt<T>(operation: string, work: () => T): Promise<T> {
    try {
      return Promise.resolve(work());
    } catch (error) {
      if (error instanceof BrokerError) return Promise.reject(new BrokerError(operation, error.reason));
      if (error instanceof DomainError) return Promise.reject(new BrokerError(operation, error.message));
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }
}
