import type { Bar } from '../../domain/market/bar.js';
import type { Fill } from '../../domain/orders/fill.js';
import { formatMoney } from '../../domain/values/money.js';
import type { Price } from '../../domain/values/price.js';
import { quantity } from '../../domain/values/quantity.js';
import type { EpochMs } from '../../domain/values/time.js';
import type { AccountLedger } from './account-ledger.js';
import type { CommissionMeter } from './commission-meter.js';
import type { ExchangeEvents } from './exchange-events.js';
import { fillPrice } from './fill-pricing.js';
import { affordableQuantity, participationCap } from './fill-quantity.js';
import type { OrderBook } from './order-book.js';
import type { SimulatedOrder } from './simulated-order.js';

export interface MatchingRules {
  readonly maxVolumeParticipation: number;
  readonly slippageBps: number;
}

/**
 * Trades open orders against each bar. Runs on every bar of a backtest, so the common case (no open
 * orders, or none touched) allocates nothing.
 */
export class OrderMatcher {
  private executions = 0;

  constructor(
    private readonly book: OrderBook,
    private readonly ledger: AccountLedger,
    private readonly meter: CommissionMeter,
    private readonly events: ExchangeEvents,
    private readonly rules: MatchingRules,
  ) {}

  /** A market event reached the instrument: orders still PreSubmitted start working. */
  acknowledge(conid: number, at: EpochMs): void {
    const open = this.book.openOn(conid);
    if (open === undefined) return;
    const count = open.length;
    for (let i = 0; i < count; i++) {
      const order = open[i];
      if (order?.status === 'pending') this.startWorking(order, at);
    }
  }

  /** Acknowledges and then trades the instrument's open orders against `bar`, oldest order first. */
  matchBar(conid: number, bar: Bar): void {
    const open = this.book.openOn(conid);
    if (open === undefined || open.length === 0) return;
    // Orders placed by listeners while this bar is processed wait for the next bar. Orders closed
    // elsewhere (cancelled, expired) leave the list here, never mid-loop.
    const count = open.length;
    let closedAny = false;
    for (let i = 0; i < count; i++) {
      const order = open[i];
      if (order === undefined) continue;
      if (order.isOpen) this.tradeOnBar(order, bar);
      if (!order.isOpen) closedAny = true;
    }
    if (closedAny) this.book.prune(conid);
  }

  private tradeOnBar(order: SimulatedOrder, bar: Bar): void {
    const at = Math.max(bar.start, order.submittedAt);
    if (order.status === 'pending') this.startWorking(order, at);
    const price = fillPrice(order.intent, bar, this.rules.slippageBps);
    if (price === undefined) return;
    const shares = Math.min(order.remaining, participationCap(this.rules.maxVolumeParticipation, bar.volume));
    if (shares === 0) return;
    const affordable = order.intent.side === 'BUY' ? this.affordable(order, shares, price, at) : shares;
    if (affordable === 0) {
      this.endForLackOfCash(order, at);
      return;
    }
    this.execute(order, affordable, price, at);
  }

  private execute(order: SimulatedOrder, shares: number, price: Price, at: EpochMs): void {
    const value = shares * price;
    const commission = this.meter.quote(order, value, at);
    this.meter.charge(order, value, commission, at);
    this.executions += 1;
    const { intent } = order;
    const fill: Fill = Object.freeze({
      executionId: `${order.brokerOrderId}.${this.executions}`,
      clientOrderId: intent.clientOrderId,
      brokerOrderId: order.brokerOrderId,
      instrument: intent.instrument,
      side: intent.side,
      quantity: quantity(shares),
      price,
      commission,
      at,
    });
    this.ledger.record(fill);
    order.addFill(shares, price, at);
    this.events.filled(fill);
    this.events.orderUpdated(order.snapshot());
  }

  /** How many of `shares` the account's cash pays for, commission included. */
  private affordable(order: SimulatedOrder, shares: number, price: Price, at: EpochMs): number {
    const cash = this.ledger.cash();
    return affordableQuantity(shares, cash, (n) => n * price + this.meter.quote(order, n * price, at));
  }

  private endForLackOfCash(order: SimulatedOrder, at: EpochMs): void {
    const cash = formatMoney(this.ledger.cash());
    order.moveTo('cancelled', at, `insufficient funds at execution: AUD ${cash} left`);
    this.events.orderUpdated(order.snapshot());
  }

  private startWorking(order: SimulatedOrder, at: EpochMs): void {
    order.moveTo('working', at);
    this.events.orderUpdated(order.snapshot());
  }
}
