import { IllegalTransition } from '../errors/illegal-transition.error.js';
import { InvalidValue } from '../errors/invalid-value.error.js';
import type { Instrument } from '../values/instrument.js';
import { money, type Money } from '../values/money.js';
import type { Price } from '../values/price.js';
import { quantity, type Quantity } from '../values/quantity.js';
import type { EpochMs, LocalDate } from '../values/time.js';

export type PositionStatus = 'open' | 'half_exited' | 'closed';
export type ExitReason = 'stop' | 'day3_half' | 'sma_trail' | 'manual' | 'kill_switch' | 'reconcile';

/** One sale out of a position, with the reason the strategy (or the user) sold. */
export interface PositionExit {
  readonly reason: ExitReason;
  readonly quantity: Quantity;
  readonly price: Price;
  readonly commission: Money;
  readonly at: EpochMs;
}

/**
 * A long position opened by a breakout entry. `costBasis` is the exact purchase value of the shares
 * still held (price x shares of each entry fill); an exit releases its share of it, and the last exit
 * releases all that is left, so realised P&L over a closed position equals proceeds - cost - commissions
 * to the mill.
 */
export interface Position {
  readonly id: string;
  readonly instrument: Instrument;
  readonly status: PositionStatus;
  readonly entryDate: LocalDate;
  readonly initialQuantity: Quantity;
  readonly quantity: Quantity;
  readonly costBasis: Money;
  readonly stopPrice: Price;
  readonly exits: readonly PositionExit[];
  readonly commissions: Money;
  readonly realisedPnl: Money;
  readonly openedAt: EpochMs;
  readonly updatedAt: EpochMs;
}

export interface EntryFill {
  readonly quantity: Quantity;
  readonly price: Price;
  readonly commission: Money;
  readonly at: EpochMs;
}

export interface OpenPositionInput {
  readonly id: string;
  readonly instrument: Instrument;
  readonly entryDate: LocalDate;
  readonly stopPrice: Price;
  readonly fill: EntryFill;
}

export function openPosition(input: OpenPositionInput): Position {
  const { fill } = input;
  if (fill.quantity < 1) throw new InvalidValue('position quantity', fill.quantity, 'must be at least 1 share');
  if (input.stopPrice >= fill.price) {
    throw new InvalidValue('stop price', input.stopPrice, `must be below the entry price ${fill.price}`);
  }
  return {
    id: input.id,
    instrument: input.instrument,
    status: 'open',
    entryDate: input.entryDate,
    initialQuantity: fill.quantity,
    quantity: fill.quantity,
    costBasis: money(fill.price * fill.quantity),
    stopPrice: input.stopPrice,
    exits: [],
    commissions: fill.commission,
    realisedPnl: money(-fill.commission),
    openedAt: fill.at,
    updatedAt: fill.at,
  };
}

/** A further fill of the entry order (partial fills arrive one by one). */
export function addEntryFill(position: Position, fill: EntryFill): Position {
  if (fill.quantity < 1) throw new InvalidValue('entry fill quantity', fill.quantity, 'must be at least 1 share');
  // An entry order can keep filling after the stop sold what it had bought: the shares are real, so the books
  // take them, and a position the stop had closed is open again until they are sold.
  return {
    ...position,
    status: position.status === 'closed' ? 'open' : position.status,
    initialQuantity: quantity(position.initialQuantity + fill.quantity),
    quantity: quantity(position.quantity + fill.quantity),
    costBasis: money(position.costBasis + fill.price * fill.quantity),
    commissions: money(position.commissions + fill.commission),
    realisedPnl: money(position.realisedPnl - fill.commission),
    updatedAt: fill.at,
  };
}

/**
 * Records a sale. Selling everything closes the position; the day-3 half exit moves it to
 * half_exited. Selling more than is held, or selling from a closed position, is refused.
 */
export function recordExit(position: Position, exit: PositionExit): Position {
  if (position.status === 'closed') {
    throw new IllegalTransition('position', position.id, position.status, exit.reason);
  }
  if (exit.quantity < 1 || exit.quantity > position.quantity) {
    throw new InvalidValue('exit quantity', exit.quantity, `position ${position.id} holds ${position.quantity}`);
  }
  const remaining = quantity(position.quantity - exit.quantity);
  const released =
    remaining === 0 ? position.costBasis : Math.round((position.costBasis * exit.quantity) / position.quantity);
  return {
    ...position,
    status: nextStatus(position, exit, remaining),
    quantity: remaining,
    costBasis: money(position.costBasis - released),
    exits: [...position.exits, exit],
    commissions: money(position.commissions + exit.commission),
    realisedPnl: money(position.realisedPnl + exit.price * exit.quantity - released - exit.commission),
    updatedAt: exit.at,
  };
}

function nextStatus(position: Position, exit: PositionExit, remaining: Quantity): PositionStatus {
  if (remaining === 0) return 'closed';
  if (exit.reason === 'day3_half') {
    // The half exit may fill in parts; a part beyond half of what was held when it began is a second half exit.
    if (position.status === 'half_exited') {
      const soldByHalfExit = position.exits.filter((e) => e.reason === 'day3_half').reduce((n, e) => n + e.quantity, 0);
      const heldWhenItBegan = position.quantity + soldByHalfExit;
      if (soldByHalfExit + exit.quantity > Math.floor(heldWhenItBegan / 2)) {
        throw new IllegalTransition('position', position.id, position.status, 'half_exited');
      }
    }
    return 'half_exited';
  }
  return position.status;
}

/** Moves the protective stop; it may only rise (a stop never loosens). */
export function raiseStop(position: Position, stopPrice: Price, at: EpochMs): Position {
  if (position.status === 'closed') {
    throw new IllegalTransition('position', position.id, position.status, 'stop change');
  }
  if (stopPrice < position.stopPrice) {
    throw new InvalidValue('stop price', stopPrice, `would loosen the stop at ${position.stopPrice}`);
  }
  return { ...position, stopPrice, updatedAt: at };
}

/** Average entry price of the shares still held, in mills (may lie between ticks). */
export function averageEntryMills(position: Position): number {
  return position.quantity === 0 ? 0 : position.costBasis / position.quantity;
}

/** Unrealised P&L of what is still held at `mark`, before the commission of selling it. */
export function unrealisedPnl(position: Position, mark: Price): Money {
  return money(mark * position.quantity - position.costBasis);
}
