import type { Bar } from '../../domain/market/bar.js';
import type { OrderType, Side } from '../../domain/orders/order-intent.js';
import { priceRoundedDown, priceRoundedUp, type Price } from '../../domain/values/price.js';

/** The parts of an order that decide where it trades. */
export interface PricedOrder {
  readonly side: Side;
  readonly type: OrderType;
  readonly limitPrice?: Price;
  readonly stopPrice?: Price;
}

/** Whether a stop at `stop` is touched by the bar: a buy-stop when the high reaches it, a sell-stop when the low does. */
export function stopTouched(side: Side, stop: Price, bar: Bar): boolean {
  return side === 'BUY' ? bar.high >= stop : bar.low <= stop;
}

/**
 * The price an order trades at on this bar before slippage, or undefined when the bar never reaches it.
 * A gap through the order's price fills at the open, which is worse for stops and better for limits:
 * buy-stop max(stop, open), sell-stop min(stop, open), buy limit min(limit, open), sell limit
 * max(limit, open). A stop whose remainder was left over by the volume cap trades again only on a bar
 * that reaches its stop, so a simulated stop never fills better than its stop price (a backtest
 * should not flatter the strategy).
 */
export function touchPrice(order: PricedOrder, bar: Bar): Price | undefined {
  const buying = order.side === 'BUY';
  switch (order.type) {
    case 'MKT':
      return bar.open;
    case 'LMT': {
      const limit = order.limitPrice;
      if (limit === undefined) return undefined;
      if (buying) return bar.low <= limit ? lower(limit, bar.open) : undefined;
      return bar.high >= limit ? higher(limit, bar.open) : undefined;
    }
    case 'STP': {
      const stop = order.stopPrice;
      if (stop === undefined || !stopTouched(order.side, stop, bar)) return undefined;
      return buying ? higher(stop, bar.open) : lower(stop, bar.open);
    }
  }
}

/** `base` moved against the trader by `slippageBps` and rounded to a valid tick in the adverse direction. */
export function slipAgainstTrader(side: Side, base: Price, slippageBps: number): Price {
  return side === 'BUY'
    ? priceRoundedUp((base * (10_000 + slippageBps)) / 10_000)
    : priceRoundedDown((base * (10_000 - slippageBps)) / 10_000);
}

/** Slips `base` against the trader, then keeps it inside what could really trade: the bar's range and the limit. */
export function slippedPrice(order: PricedOrder, base: Price, slippageBps: number, bar: Bar): Price {
  const slipped = slipAgainstTrader(order.side, base, slippageBps);
  const { limitPrice } = order;
  if (order.side === 'BUY') {
    const inBar = lower(slipped, bar.high);
    return limitPrice === undefined ? inBar : lower(inBar, limitPrice);
  }
  const inBar = higher(slipped, bar.low);
  return limitPrice === undefined ? inBar : higher(inBar, limitPrice);
}

/** Where the order fills on this bar, slippage included, or undefined when it does not trade. */
export function fillPrice(order: PricedOrder, bar: Bar, slippageBps: number): Price | undefined {
  const base = touchPrice(order, bar);
  return base === undefined ? undefined : slippedPrice(order, base, slippageBps, bar);
}

const lower = (a: Price, b: Price): Price => (a < b ? a : b);
const higher = (a: Price, b: Price): Price => (a > b ? a : b);
