import { BrokerError } from '../../../../src/domain/errors/broker-error.js';
import type { Bar } from '../../../../src/domain/market/bar.js';
import type { Quote } from '../../../../src/domain/market/quote.js';
import type { BrokerOrder } from '../../../../src/domain/orders/broker-order.js';
import type { ClientOrderId } from '../../../../src/domain/orders/client-order-id.js';
import type { Fill } from '../../../../src/domain/orders/fill.js';
import type { OrderIntent } from '../../../../src/domain/orders/order-intent.js';
import type {
  AccountSummary,
  BarRequest,
  Broker,
  BrokerAccount,
  BrokerPosition,
} from '../../../../src/domain/ports/broker.port.js';
import type { AsxSymbol, Instrument } from '../../../../src/domain/values/instrument.js';
import type { EpochMs } from '../../../../src/domain/values/time.js';

/**
 * A broker that passes everything to a real one, with faults switched on by the test: an order accepted
 * and then a lost answer, lookups or quotes that fail.
 */
export class FlakyBroker implements Broker {
  /** placeOrder reaches the broker, then the answer is lost. */
  loseOrderAnswers = false;
  failLookups = false;
  failQuotes = false;
  failCancels = false;
  /** How many of the next fill reads fail (a rate-limited or unreachable gateway). */
  failingFillReads = 0;
  /** Freshness every quote reports (the simulated exchange's is realtime). */
  quoteFreshness: Quote['freshness'] | undefined = undefined;
  /** Symbols whose quotes come back halted. */
  readonly halted = new Set<string>();
  /** One-minute history comes back empty (a feed that lost it). */
  hideMinuteBars = false;
  placeCalls = 0;

  constructor(private readonly inner: Broker) {}

  connect(): Promise<BrokerAccount> {
    return this.inner.connect();
  }

  resolveInstrument(symbol: AsxSymbol): Promise<Instrument> {
    return this.inner.resolveInstrument(symbol);
  }

  async quotes(instruments: readonly Instrument[]): Promise<Quote[]> {
    if (this.failQuotes) throw new BrokerError('quotes', 'market data farm is down', true);
    const quotes = await this.inner.quotes(instruments);
    return quotes.map((quote) => ({
      ...quote,
      ...(this.halted.has(quote.instrument.symbol) ? { halted: true } : {}),
      ...(this.quoteFreshness === undefined ? {} : { freshness: this.quoteFreshness }),
    }));
  }

  bars(instrument: Instrument, request: BarRequest): Promise<Bar[]> {
    if (this.hideMinuteBars && request.size === '1min') return Promise.resolve([]);
    return this.inner.bars(instrument, request);
  }

  async placeOrder(intent: OrderIntent): Promise<BrokerOrder> {
    this.placeCalls += 1;
    const order = await this.inner.placeOrder(intent);
    if (this.loseOrderAnswers) throw new BrokerError('placeOrder', 'connection reset before the answer');
    return order;
  }

  cancelOrder(clientOrderId: ClientOrderId): Promise<BrokerOrder> {
    if (this.failCancels) return Promise.reject(new BrokerError('cancelOrder', 'order is locked by the exchange'));
    return this.inner.cancelOrder(clientOrderId);
  }

  findOrder(clientOrderId: ClientOrderId): Promise<BrokerOrder | undefined> {
    if (this.failLookups) return Promise.reject(new BrokerError('findOrder', 'gateway timed out', true));
    return this.inner.findOrder(clientOrderId);
  }

  openOrders(): Promise<BrokerOrder[]> {
    return this.inner.openOrders();
  }

  fills(since: EpochMs): Promise<Fill[]> {
    if (this.failingFillReads > 0) {
      this.failingFillReads -= 1;
      return Promise.reject(new BrokerError('fills', 'HTTP 429: too many requests', true));
    }
    return this.inner.fills(since);
  }

  positions(): Promise<BrokerPosition[]> {
    return this.inner.positions();
  }

  accountSummary(): Promise<AccountSummary> {
    return this.inner.accountSummary();
  }
}
