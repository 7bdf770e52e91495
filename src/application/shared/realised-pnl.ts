import { recordExit, type Position, type PositionExit } from '../../domain/position/position.js';
import { money, sum, ZERO, type Money } from '../../domain/values/money.js';
import type { DayBounds } from './sydney-day.js';
import { isWithin } from './sydney-day.js';

/** One exit with the P&L it realised (proceeds - cost released - its commission). */
export interface RealisedExit {
  readonly exit: PositionExit;
  readonly realised: Money;
}

/**
 * What each exit of a position realised. The position keeps only totals, so its history is replayed through
 * the domain's own `recordExit` from the cost basis it started with; the parts therefore add up to the
 * position's realised P&L to the mill. The starting cost basis follows from the totals:
 * realisedPnl = proceeds - released - commissions, and costBasis = initial cost - released.
 */
export function realisedPerExit(position: Position): RealisedExit[] {
  let replay: Position = {
    ...position,
    status: 'open',
    quantity: position.initialQuantity,
    costBasis: initialCostBasis(position),
    exits: [],
    commissions: ZERO,
    realisedPnl: ZERO,
  };
  return position.exits.map((exit) => {
    const next = recordExit(replay, exit);
    const realised = money(next.realisedPnl - replay.realisedPnl);
    replay = next;
    return { exit, realised };
  });
}

/** What all the shares bought cost (price x shares of every entry fill), before commissions. */
export function initialCostBasis(position: Position): Money {
  const proceeds = sum(position.exits.map((exit) => money(exit.price * exit.quantity)));
  const released = proceeds - position.commissions - position.realisedPnl;
  return money(position.costBasis + released);
}

/** Commission paid on the entry fills (everything not charged to an exit). */
export function entryCommission(position: Position): Money {
  return money(position.commissions - sum(position.exits.map((exit) => exit.commission)));
}

/**
 * P&L a position realised within `bounds`: its exits in the window, less the entry commission when it
 * was opened in the window.
 */
export function realisedWithin(position: Position, bounds: DayBounds): Money {
  const exits = realisedPerExit(position)
    .filter(({ exit }) => isWithin(exit.at, bounds))
    .map(({ realised }) => realised);
  const entryCost = isWithin(position.openedAt, bounds) ? entryCommission(position) : ZERO;
  return money(sum(exits) - entryCost);
}
