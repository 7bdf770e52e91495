import type { TradingCalendar } from '../market/trading-calendar.js';
import type { Position } from '../position/position.js';
import { quantity, type Quantity } from '../values/quantity.js';
import type { LocalDate } from '../values/time.js';

export type NoHalfExitReason = 'not_open' | 'not_a_trading_day' | 'not_due' | 'single_share';

export type HalfExitDecision =
  | {
      readonly kind: 'sell';
      readonly quantity: Quantity;
      readonly remainder: Quantity;
      /** Trading days since entry (entry day = 0); above `halfExitDay` when the due day was missed. */
      readonly tradingDay: number;
    }
  | { readonly kind: 'none'; readonly reason: NoHalfExitReason; readonly detail: string };

/** Shares to sell in the half exit: floor(held / 2), so an odd holding keeps the larger half. */
export function halfExitQuantity(held: Quantity): Quantity {
  return quantity(Math.floor(held / 2));
}

/**
 * The day-N half exit for an `open` position, counted in ASX trading days from the entry day (day 0).
 * Due on trading day `halfExitDay`, or on the first trading day after it if that check was missed.
 */
export function decideHalfExit(
  position: Pick<Position, 'status' | 'quantity' | 'entryDate'>,
  today: LocalDate,
  calendar: TradingCalendar,
  halfExitDay: number,
): HalfExitDecision {
  if (position.status !== 'open') {
    return none('not_open', `position is ${position.status}; the half exit applies only to an open position`);
  }
  if (!calendar.isTradingDay(today)) return none('not_a_trading_day', `${today} is not an ASX trading day`);
  const tradingDay = calendar.tradingDaysBetween(position.entryDate, today);
  if (tradingDay < halfExitDay) {
    return none('not_due', `trading day ${tradingDay} since entry; the half exit is due on day ${halfExitDay}`);
  }
  const toSell = halfExitQuantity(position.quantity);
  if (toSell < 1) {
    return none('single_share', `holding ${position.quantity} share: nothing to sell; it stays under the stop`);
  }
  return { kind: 'sell', quantity: toSell, remainder: quantity(position.quantity - toSell), tradingDay };
}

function none(reason: NoHalfExitReason, detail: string): HalfExitDecision {
  return { kind: 'none', reason, detail };
}
