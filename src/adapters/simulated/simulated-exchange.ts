import { BrokerError } from '../../domain/errors/broker-error.js';
import { InvalidValue } from '../../domain/errors/invalid-value.error.js';
import type { Bar, BarSize } from '../../domain/market/bar.js';
import type { Quote } from '../../domain/market/quote.js';
import type { BrokerOrder } from '../../domain/orders/broker-order.js';
import type { ClientOrderId } from '../../domain/orders/client-order-id.js';
import type { Fill } from '../../domain/orders/fill.js';
import type { OrderIntent } from '../../domain/orders/order-intent.js';
import type { AccountSummary, BrokerPosition } from '../../domain/ports/broker.port.js';
import type { AsxSymbol, Instrument } from '../../domain/values/instrument.js';
import { money, type Money } from '../../domain/values/money.js';
import type { EpochMs } from '../../domain/values/time.js';
import { AccountLedger, type LedgerTotals } from './account-ledger.js';
import { CommissionMeter } from './commission-meter.js';
import { ExchangeEvents, type FillListener, type OrderUpdateListener } from './exchange-events.js';
import { InstrumentMarket, type PublishedQuote } from './instrument-market.js';
import { OrderAdmission } from './order-admission.js';
import { OrderBook } from './order-book.js';
import { OrderMatcher } from './order-matcher.js';
import { SeededRandom } from './seeded-random.js';
import { validateExchangeOptions, type SimulatedExchangeOptions } from './simulated-exchange-options.js';
import { SimulatedOrder } from './simulated-order.js';

export type { SimulatedExchangeOptions } from './simulated-exchange-options.js';
export type { PublishedQuote } from './instrument-market.js';

/**
 * An in-memory ASX exchange plus one cash account, driven by a bar and quote feed. Orders arrive
 * `pending` (PreSubmitted), start `working` at the instrument's next market event and trade only against
 * bars, at the prices and sizes the fill rules allow (see fill-pricing.ts and fill-quantity.ts).
 * Given the same seed, options, feed and orders it produces exactly the same orders and fills.
 */
export class SimulatedExchange {
  readonly accountId: string;
  readonly currency = 'AUD';
  private readonly markets = new Map<number, InstrumentMarket>();
  private readonly listed = new Map<AsxSymbol, Instrument>();
  private readonly book = new OrderBook();
  private readonly events = new ExchangeEvents();
  private readonly ledger: AccountLedger;
  private readonly meter: CommissionMeter;
  private readonly admission: OrderAdmission;
  private readonly matcher: OrderMatcher;
  private readonly random: SeededRandom;
  private readonly rejectionRate: number;
  private readonly historyLimit: number;
  private readonly forcedRejections: string[] = [];
  private latestAt: EpochMs = 0;

  constructor(options: SimulatedExchangeOptions) {
    validateExchangeOptions(options);
    this.accountId = options.accountId;
    this.ledger = new AccountLedger(options.startingCash);
    this.meter = new CommissionMeter(options.commission);
    this.admission = new OrderAdmission(this.book, this.ledger, this.meter, this.markets, options.slippageBps);
    this.matcher = new OrderMatcher(this.book, this.ledger, this.meter, this.events, options);
    this.random = new SeededRandom(options.seed);
    this.rejectionRate = options.randomRejectionRate ?? 0;
    this.historyLimit = options.barHistoryLimit ?? Number.POSITIVE_INFINITY;
    for (const instrument of options.instruments) this.listInstrument(instrument);
  }

  /** Lists an instrument for trading; listing it again is harmless, reusing its symbol for another conid is not. */
  listInstrument(instrument: Instrument): void {
    const known = this.listed.get(instrument.symbol);
    if (known !== undefined && known.conid !== instrument.conid) {
      throw new InvalidValue(
        'instrument',
        instrument,
        `${instrument.symbol} is already listed as conid ${known.conid}`,
      );
    }
    if (known !== undefined) return;
    this.listed.set(instrument.symbol, instrument);
    this.markets.set(instrument.conid, new InstrumentMarket(instrument, this.historyLimit));
  }

  instruments(): readonly Instrument[] {
    return [...this.listed.values()];
  }

  findInstrument(symbol: AsxSymbol): Instrument | undefined {
    return this.listed.get(symbol);
  }

  /** A completed bar: open orders on the instrument trade against it, then it joins the history. */
  publishBar(instrument: Instrument, bar: Bar, size: BarSize = '1min'): void {
    const market = this.marketOf(instrument);
    checkBar(instrument, bar);
    this.advanceTo(bar.start);
    this.matcher.matchBar(instrument.conid, bar);
    market.applyBar(bar, size);
  }

  /** Adds bars to the history without trading on them, e.g. the daily closes before a backtest starts. */
  recordBars(instrument: Instrument, bars: readonly Bar[], size: BarSize): void {
    const market = this.marketOf(instrument);
    for (const bar of bars) {
      checkBar(instrument, bar);
      market.record(bar, size);
    }
  }

  /** New last/bid/ask prices. Pending orders on the instrument start working; nothing trades on a quote. */
  publishQuote(instrument: Instrument, quote: PublishedQuote): void {
    const market = this.marketOf(instrument);
    this.advanceTo(quote.at);
    this.matcher.acknowledge(instrument.conid, quote.at);
    market.applyQuote(quote);
  }

  /** The session closes: DAY orders expire, GTC orders carry over, minute bars become a daily bar. */
  endOfDay(at: EpochMs = this.latestAt): void {
    this.advanceTo(at);
    for (const order of this.book.open()) {
      if (order.intent.tif === 'DAY') {
        order.moveTo('cancelled', at, 'DAY order expired at the close');
        this.events.orderUpdated(order.snapshot());
      } else {
        order.startDay();
      }
    }
    for (const market of this.markets.values()) market.closeDay();
  }

  /**
   * Accepts or rejects an order. A client order id the exchange already knows returns that order and
   * changes nothing, whatever the new intent says.
   */
  submitOrder(intent: OrderIntent, at: EpochMs): BrokerOrder {
    const existing = this.book.find(intent.clientOrderId);
    if (existing !== undefined) return existing.snapshot();
    this.advanceTo(at);
    const unlucky = this.rejectionRate > 0 && this.random.chance(this.rejectionRate);
    const refusal =
      this.forcedRejections.shift() ??
      this.admission.refusal(intent, at) ??
      (unlucky ? 'simulated random rejection' : undefined);
    const order = new SimulatedOrder(intent, this.book.nextBrokerOrderId(), at, this.admission.reservePrice(intent));
    if (refusal !== undefined) order.moveTo('rejected', at, refusal);
    this.book.add(order);
    this.events.orderUpdated(order.snapshot());
    return order.snapshot();
  }

  /** Cancels an open order; an order already finished is returned as it is. */
  cancelOrder(clientOrderId: ClientOrderId, at: EpochMs): BrokerOrder {
    const order = this.book.find(clientOrderId);
    if (order === undefined) throw new BrokerError('cancelOrder', `no order with client order id ${clientOrderId}`);
    if (!order.isOpen) return order.snapshot();
    this.advanceTo(at);
    order.moveTo('cancelled', at);
    this.events.orderUpdated(order.snapshot());
    return order.snapshot();
  }

  /** Fault injection: the next new order is rejected with `reason`, whatever it is. */
  rejectNextOrder(reason: string): void {
    this.forcedRejections.push(reason);
  }

  findOrder(clientOrderId: ClientOrderId): BrokerOrder | undefined {
    return this.book.find(clientOrderId)?.snapshot();
  }

  openOrders(): BrokerOrder[] {
    return [...this.book.open()].map((order) => order.snapshot());
  }

  /** Every order ever submitted, rejected ones included, in submission order. */
  orders(): BrokerOrder[] {
    return this.book.all().map((order) => order.snapshot());
  }

  fills(since?: EpochMs): Fill[] {
    return this.ledger.fills(since);
  }

  positions(): BrokerPosition[] {
    return this.ledger.positions();
  }

  cash(): Money {
    return this.ledger.cash();
  }

  totals(): LedgerTotals {
    return this.ledger.totals();
  }

  accountSummary(): AccountSummary {
    const cash = this.ledger.cash();
    const holdings = this.ledger.holdingsValue((conid) => this.markets.get(conid)?.last);
    return {
      accountId: this.accountId,
      netLiquidation: money(cash + holdings),
      availableFunds: money(this.admission.availableFunds(this.latestAt)),
      cash,
    };
  }

  quote(instrument: Instrument): Quote {
    return this.marketOf(instrument).quote(this.latestAt);
  }

  /** Published and recorded bars of one size, oldest first as they arrived. */
  bars(instrument: Instrument, size: BarSize): readonly Bar[] {
    return this.marketOf(instrument).history(size);
  }

  onOrderUpdate(listener: OrderUpdateListener): () => void {
    return this.events.onOrderUpdate(listener);
  }

  onFill(listener: FillListener): () => void {
    return this.events.onFill(listener);
  }

  private marketOf(instrument: Instrument): InstrumentMarket {
    const market = this.markets.get(instrument.conid);
    if (market === undefined) {
      throw new InvalidValue('instrument', instrument, 'not listed on the simulated exchange');
    }
    return market;
  }

  private advanceTo(at: EpochMs): void {
    if (at > this.latestAt) this.latestAt = at;
  }
}

function checkBar(instrument: Instrument, bar: Bar): void {
  const { open, high, low, close, volume } = bar;
  const pricesFit = low <= open && open <= high && low <= close && close <= high;
  if (!pricesFit || !Number.isSafeInteger(volume) || volume < 0) {
    throw new InvalidValue(
      `${instrument.symbol} bar at ${bar.start}`,
      bar,
      'needs low <= open, close <= high and a whole volume',
    );
  }
}
