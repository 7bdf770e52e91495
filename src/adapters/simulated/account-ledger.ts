import { IllegalTransition } from '../../domain/errors/illegal-transition.error.js';
import type { Fill } from '../../domain/orders/fill.js';
import type { BrokerPosition } from '../../domain/ports/broker.port.js';
import type { Instrument } from '../../domain/values/instrument.js';
import { money, type Money } from '../../domain/values/money.js';
import { quantity } from '../../domain/values/quantity.js';
import type { EpochMs } from '../../domain/values/time.js';

/** Exact account figures in mills; `startingCash = cash + costOfHoldings + commissions - realisedPnl`. */
export interface LedgerTotals {
  readonly cash: Money;
  /** What the shares still held cost, by first-in first-out lots, commissions excluded. */
  readonly costOfHoldings: Money;
  readonly commissions: Money;
  /** Sale proceeds minus the FIFO cost of the shares sold, before commissions. */
  readonly realisedPnl: Money;
}

interface Lot {
  readonly price: number;
  shares: number;
}

class Holding {
  shares = 0;
  cost = 0;
  readonly lots: Lot[] = [];
  head = 0;

  constructor(readonly instrument: Instrument) {}
}

/**
 * Cash, holdings and executions of the simulated account. Cost is tracked in first-in first-out lots so
 * that every figure stays an exact whole number of mills.
 */
export class AccountLedger {
  private cashMills: number;
  private commissionMills = 0;
  private realisedMills = 0;
  private readonly holdings = new Map<number, Holding>();
  private readonly fillLog: Fill[] = [];

  constructor(startingCash: Money) {
    this.cashMills = startingCash;
  }

  cash(): Money {
    return money(this.cashMills);
  }

  sharesHeld(conid: number): number {
    return this.holdings.get(conid)?.shares ?? 0;
  }

  record(fill: Fill): void {
    const value = fill.price * fill.quantity;
    const holding = this.holdingFor(fill.instrument);
    if (fill.side === 'BUY') {
      holding.lots.push({ price: fill.price, shares: fill.quantity });
      holding.shares += fill.quantity;
      holding.cost += value;
      this.cashMills -= value;
    } else {
      this.sell(holding, fill.quantity, fill.price);
      this.cashMills += value;
    }
    this.cashMills -= fill.commission;
    this.commissionMills += fill.commission;
    this.fillLog.push(fill);
  }

  /** Open positions, in the order their instruments were first traded. */
  positions(): BrokerPosition[] {
    const open: BrokerPosition[] = [];
    for (const holding of this.holdings.values()) {
      if (holding.shares === 0) continue;
      open.push({
        instrument: holding.instrument,
        quantity: quantity(holding.shares),
        averageCostMills: holding.cost / holding.shares,
      });
    }
    return open;
  }

  /** Executions at or after `since`, in the order they happened. */
  fills(since: EpochMs = Number.NEGATIVE_INFINITY): Fill[] {
    return this.fillLog.filter((fill) => fill.at >= since);
  }

  totals(): LedgerTotals {
    let costOfHoldings = 0;
    for (const holding of this.holdings.values()) costOfHoldings += holding.cost;
    return {
      cash: money(this.cashMills),
      costOfHoldings: money(costOfHoldings),
      commissions: money(this.commissionMills),
      realisedPnl: money(this.realisedMills),
    };
  }

  /** Value of the holdings at `priceOf` (a last price), falling back to their cost when there is none. */
  holdingsValue(priceOf: (conid: number) => number | undefined): Money {
    let value = 0;
    for (const [conid, holding] of this.holdings) {
      const last = priceOf(conid);
      value += last === undefined ? holding.cost : last * holding.shares;
    }
    return money(value);
  }

  private sell(holding: Holding, shares: number, price: number): void {
    if (shares > holding.shares) {
      throw new IllegalTransition('position', holding.instrument.symbol, `${holding.shares} held`, `sell ${shares}`);
    }
    let left = shares;
    while (left > 0) {
      const lot = holding.lots[holding.head];
      if (lot === undefined) break;
      const taken = Math.min(left, lot.shares);
      this.realisedMills += (price - lot.price) * taken;
      holding.cost -= lot.price * taken;
      lot.shares -= taken;
      left -= taken;
      if (lot.shares === 0) holding.head += 1;
    }
    holding.shares -= shares;
    this.compactLots(holding);
  }

  private compactLots(holding: Holding): void {
    if (holding.head < 64 || holding.head * 2 < holding.lots.length) return;
    holding.lots.splice(0, holding.head);
    holding.head = 0;
  }

  private holdingFor(instrument: Instrument): Holding {
    let holding = this.holdings.get(instrument.conid);
    if (holding === undefined) {
      holding = new Holding(instrument);
      this.holdings.set(instrument.conid, holding);
    }
    return holding;
  }
}
