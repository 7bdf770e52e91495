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

/**
 * Moves `base` against the trader by `slippageBps`, rounds it to a valid tick in the adverse direction,
 * then keeps it inside what could really have traded: the bar's range and the order's limit.
 */
export function slippedPrice(order: PricedOrder, base: Price, slippageBps: number, bar: Bar): Price {
  if (order.side === 'BUY') {
    const slipped = lower(priceRoundedUp((base * (10_000 + slippageBps)) / 10_000), bar.high);
    return order.limitPrice === undefined ? slipped : lower(slipped, order.limitPrice);
  }
  const slipped = higher(priceRoundedDown((base * (10_000 - slippageBps)) / 10_000), bar.low);
  return order.limitPrice === undefined ? slipped : higher(slipped, order.limitPrice);
}

/** Where the order fills on this bar, slippage included, or undefined when it does not trade. */
export function fillPrice(order: PricedOrder, bar: Bar, slippageBps: number): Price | undefined {
  const base = touchPrice(order, bar);
  return base === undefined ? undefined : slippedPrice(order, base, slippageBps, bar);
}

const lower = (a: Price, b: Price): Price => (a < b ? a : b);
const higher = (a: Price, b: Price): Price => (a > b ? a : b);
