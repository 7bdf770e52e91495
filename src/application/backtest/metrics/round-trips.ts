import { InvalidValue } from '../../../domain/errors/invalid-value.error.js';
import { sydneyDateOf } from '../../../domain/market/sydney-time.js';
import type { Fill } from '../../../domain/orders/fill.js';
import type { ExitReason } from '../../../domain/position/position.js';
import { money } from '../../../domain/values/money.js';
import { quantity } from '../../../domain/values/quantity.js';
import { exitReasonFromOrderId } from './exit-reason.js';
import type { Trade, TradeExit } from './trade.js';

/** Says why a sell fill happened; the default reads the purpose from Skim's client order id. */
export type ExitReasonOf = (fill: Fill) => ExitReason | undefined;

/** A trade being assembled from its fills. */
class OpenTrade {
  private bought = 0;
  private sold = 0;
  private cost = 0;
  private proceeds = 0;
  private commissions = 0;
  private readonly exits: TradeExit[] = [];

  constructor(private readonly first: Fill) {
    this.buy(first);
  }

  get held(): number {
    return this.bought - this.sold;
  }

  buy(fill: Fill): void {
    this.bought += fill.quantity;
    this.cost += fill.price * fill.quantity;
    this.commissions += fill.commission;
  }

  sell(fill: Fill, reasonOf: ExitReasonOf): void {
    if (fill.quantity > this.held) {
      throw new InvalidValue(
        'fill',
        fill.executionId,
        `sells ${fill.quantity} ${fill.instrument.symbol}, holding ${this.held}`,
      );
    }
    this.sold += fill.quantity;
    this.proceeds += fill.price * fill.quantity;
    this.commissions += fill.commission;
    this.exits.push({
      at: fill.at,
      date: sydneyDateOf(fill.at),
      quantity: fill.quantity,
      price: fill.price,
      commission: fill.commission,
      reason: reasonOf(fill) ?? 'unknown',
    });
  }

  trade(): Trade {
    const closed = this.held === 0;
    const last = this.exits[this.exits.length - 1];
    const cashFlow = money(this.proceeds - this.cost - this.commissions);
    return {
      instrument: this.first.instrument,
      status: closed ? 'closed' : 'open',
      entryAt: this.first.at,
      entryDate: sydneyDateOf(this.first.at),
      exitAt: closed ? (last?.at ?? null) : null,
      exitDate: closed ? (last?.date ?? null) : null,
      quantity: quantity(this.bought),
      held: quantity(this.held),
      entryPrice: this.cost / this.bought,
      exitPrice: this.sold === 0 ? null : this.proceeds / this.sold,
      cost: money(this.cost),
      proceeds: money(this.proceeds),
      commissions: money(this.commissions),
      cashFlow,
      netPnl: closed ? cashFlow : null,
      returnOnCost: closed ? cashFlow / this.cost : null,
      exits: [...this.exits],
    };
  }
}

/**
 * Groups fills into round trips per instrument, in time order (fills at the same instant keep their order).
 * A long-only account: a sell larger than the shares held is refused, naming the execution.
 */
export function roundTrips(fills: readonly Fill[], reasonOf: ExitReasonOf = exitReasonFromOrderId): Trade[] {
  const ordered = [...fills].sort((a, b) => a.at - b.at);
  const open = new Map<number, OpenTrade>();
  const trades: Trade[] = [];
  for (const fill of ordered) {
    if (fill.quantity < 1) throw new InvalidValue('fill', fill.executionId, 'has no shares');
    const conid = fill.instrument.conid;
    const current = open.get(conid);
    if (fill.side === 'BUY') {
      if (current === undefined) open.set(conid, new OpenTrade(fill));
      else current.buy(fill);
      continue;
    }
    if (current === undefined) {
      throw new InvalidValue(
        'fill',
        fill.executionId,
        `sells ${fill.quantity} ${fill.instrument.symbol}, holding none`,
      );
    }
    current.sell(fill, reasonOf);
    if (current.held === 0) {
      trades.push(current.trade());
      open.delete(conid);
    }
  }
  for (const current of open.values()) trades.push(current.trade());
  return trades.sort((a, b) => a.entryAt - b.entryAt);
}
