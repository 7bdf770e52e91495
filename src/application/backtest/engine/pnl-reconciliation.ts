import type { Fill } from '../../../domain/orders/fill.js';
import { money, type Money } from '../../../domain/values/money.js';
import type { MarkedHolding } from './daily-equity.js';
import { PnlMismatch } from './pnl-mismatch.error.js';

export interface PnlCheck {
  /** Final equity minus starting cash. */
  readonly reported: Money;
  /** Sales minus purchases minus commissions, plus the shares the fills leave held at their final marks. */
  readonly fromFills: Money;
}

/**
 * Recomputes the run's P&L from its fills alone and checks it against the reported one to the cent. The
 * shares left held are counted from the fills too, so a fill the account never booked shows up here.
 */
export function reconcilePnl(fills: readonly Fill[], holdings: readonly MarkedHolding[], reported: Money): PnlCheck {
  let cashFlow = 0;
  const held = new Map<number, number>();
  for (const fill of fills) {
    const value = fill.price * fill.quantity;
    const signed = fill.side === 'BUY' ? fill.quantity : -fill.quantity;
    cashFlow += (fill.side === 'BUY' ? -value : value) - fill.commission;
    held.set(fill.instrument.conid, (held.get(fill.instrument.conid) ?? 0) + signed);
  }
  const marks = new Map(holdings.map((holding) => [holding.instrument.conid, holding.mark]));
  let holdingsValue = 0;
  for (const [conid, shares] of held) {
    if (shares === 0) continue;
    holdingsValue += shares * (marks.get(conid) ?? Number.NaN);
  }
  const fromFills = money(cashFlow + holdingsValue);
  if (toCents(fromFills) !== toCents(reported)) throw new PnlMismatch(reported, fromFills);
  return { reported, fromFills };
}

const toCents = (mills: number): number => Math.round(mills / 10);
