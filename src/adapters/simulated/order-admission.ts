import type { OrderIntent } from '../../domain/orders/order-intent.js';
import { formatMoney, money } from '../../domain/values/money.js';
import type { Price } from '../../domain/values/price.js';
import type { EpochMs } from '../../domain/values/time.js';
import type { AccountLedger } from './account-ledger.js';
import type { CommissionMeter } from './commission-meter.js';
import { slipAgainstTrader } from './fill-pricing.js';
import type { InstrumentMarket } from './instrument-market.js';
import type { OrderBook } from './order-book.js';

/**
 * The checks an order passes before the exchange accepts it: a coherent shape, a listed instrument,
 * no selling of shares the account does not hold (counting sells already working) and no buying
 * beyond the cash that open buys have not already claimed.
 */
export class OrderAdmission {
  constructor(
    private readonly book: OrderBook,
    private readonly ledger: AccountLedger,
    private readonly meter: CommissionMeter,
    private readonly markets: ReadonlyMap<number, InstrumentMarket>,
    private readonly slippageBps: number,
  ) {}

  /** Why the exchange refuses the order, or undefined when it accepts it. */
  refusal(intent: OrderIntent, at: EpochMs): string | undefined {
    return shapeProblem(intent) ?? this.listingProblem(intent) ?? this.holdingProblem(intent, at);
  }

  /**
   * The per-share price a buy is expected to cost at worst, used to hold cash back while it is open:
   * its limit, its stop plus slippage, or for a market order the current ask (else last) plus slippage.
   */
  reservePrice(intent: OrderIntent): Price | undefined {
    if (intent.side === 'SELL') return undefined;
    if (intent.type === 'LMT') return intent.limitPrice;
    const base =
      intent.type === 'STP' ? intent.stopPrice : this.markets.get(intent.instrument.conid)?.referencePrice(true);
    return base === undefined ? undefined : slipAgainstTrader('BUY', base, this.slippageBps);
  }

  /** Cash not yet claimed by open buy orders (their remaining quantity at reserve price, plus commission). */
  availableFunds(at: EpochMs): number {
    let claimed = 0;
    for (const order of this.book.open()) {
      if (order.intent.side !== 'BUY' || order.reservePrice === undefined) continue;
      const value = order.remaining * order.reservePrice;
      claimed += value + this.meter.quote(order, value, at);
    }
    return this.ledger.cash() - claimed;
  }

  private listingProblem(intent: OrderIntent): string | undefined {
    const { symbol, conid } = intent.instrument;
    return this.markets.has(conid) ? undefined : `unknown instrument ${symbol} (conid ${conid})`;
  }

  private holdingProblem(intent: OrderIntent, at: EpochMs): string | undefined {
    return intent.side === 'SELL' ? this.sellProblem(intent) : this.buyProblem(intent, at);
  }

  private sellProblem(intent: OrderIntent): string | undefined {
    const { conid, symbol } = intent.instrument;
    const held = this.ledger.sharesHeld(conid);
    let selling = 0;
    for (const order of this.book.openOn(conid) ?? []) {
      if (order.isOpen && order.intent.side === 'SELL') selling += order.remaining;
    }
    if (intent.quantity <= held - selling) return undefined;
    return `no short selling: sell ${intent.quantity} ${symbol} exceeds the ${held} held less ${selling} already being sold`;
  }

  private buyProblem(intent: OrderIntent, at: EpochMs): string | undefined {
    const reserve = this.reservePrice(intent);
    const { symbol } = intent.instrument;
    if (reserve === undefined) return `no market price for ${symbol} to value a market buy`;
    const value = intent.quantity * reserve;
    const cost = value + this.meter.quote({ dayValue: 0, dayCommission: 0 }, value, at);
    const available = this.availableFunds(at);
    if (cost <= available) return undefined;
    const needs = formatMoney(money(cost));
    return `insufficient funds: buy ${intent.quantity} ${symbol} needs about AUD ${needs}, AUD ${formatMoney(money(available))} available`;
  }
}

function shapeProblem(intent: OrderIntent): string | undefined {
  if (!(intent.quantity > 0)) return `quantity ${intent.quantity} is not positive`;
  if (intent.type === 'LMT' && intent.limitPrice === undefined) return 'LMT order without a limit price';
  if (intent.type === 'STP' && intent.stopPrice === undefined) return 'STP order without a stop price';
  return undefined;
}
