import { describe, expect, it } from 'vitest';
import { IllegalTransition } from '../../../src/domain/errors/illegal-transition.error.js';
import { InvalidValue } from '../../../src/domain/errors/invalid-value.error.js';
import {
  addEntryFill,
  averageEntryMills,
  openPosition,
  raiseStop,
  recordExit,
  unrealisedPnl,
  type ExitReason,
  type Position,
  type PositionExit,
} from '../../../src/domain/position/position.js';
import { instrument } from '../../../src/domain/values/instrument.js';
import { money } from '../../../src/domain/values/money.js';
import { price } from '../../../src/domain/values/price.js';
import { quantity } from '../../../src/domain/values/quantity.js';
import { localDate } from '../../../src/domain/values/time.js';

const BHP = instrument('BHP', 4036812);

function opened(shares = 101, at = 2500): Position {
  return openPosition({
    id: 'pos-1',
    instrument: BHP,
    entryDate: localDate('2025-07-01'),
    stopPrice: price(2400),
    fill: { quantity: quantity(shares), price: price(at), commission: money(6000), at: 1 },
  });
}

function exit(reason: ExitReason, shares: number, at = 2600): PositionExit {
  return { reason, quantity: quantity(shares), price: price(at), commission: money(6000), at: 2 };
}

describe('opening a position', () => {
  it('starts open with the exact cost and the entry commission as realised loss', () => {
    const position = opened();
    expect(position).toMatchObject({
      status: 'open',
      quantity: 101,
      initialQuantity: 101,
      costBasis: 252_500,
      commissions: 6000,
      realisedPnl: -6000,
    });
  });

  it('refuses an empty fill or a stop that is not below the entry price', () => {
    expect(() => opened(0)).toThrow(InvalidValue);
    expect(() => opened(10, 2400)).toThrow(/must be below the entry price/);
  });

  it('adds partial entry fills while nothing has been sold', () => {
    const more = addEntryFill(opened(50), {
      quantity: quantity(51),
      price: price(2510),
      commission: money(0),
      at: 3,
    });
    expect(more).toMatchObject({ quantity: 101, initialQuantity: 101, costBasis: 125_000 + 128_010, updatedAt: 3 });
    expect(averageEntryMills(more)).toBeCloseTo(253_010 / 101, 9);
  });

  it('refuses an entry fill of no shares', () => {
    const fill = { quantity: quantity(1), price: price(2500), commission: money(0), at: 3 };
    expect(() => addEntryFill(opened(), { ...fill, quantity: quantity(0) })).toThrow(InvalidValue);
  });

  it('takes entry fills that arrive after the stop sold part or all of the position', () => {
    const fill = { quantity: quantity(10), price: price(2500), commission: money(0), at: 9 };
    expect(addEntryFill(recordExit(opened(), exit('stop', 1)), fill)).toMatchObject({ status: 'open', quantity: 110 });
    const reopened = addEntryFill(recordExit(opened(), exit('stop', 101)), fill);
    expect(reopened).toMatchObject({ status: 'open', quantity: 10, costBasis: 25_000 });
  });
});

describe('position lifecycle', () => {
  it('open -> half_exited on the day-3 half exit', () => {
    const half = recordExit(opened(), exit('day3_half', 50));
    expect(half).toMatchObject({ status: 'half_exited', quantity: 51 });
  });

  it('open -> closed when a stop sells everything', () => {
    expect(recordExit(opened(), exit('stop', 101, 2400))).toMatchObject({
      status: 'closed',
      quantity: 0,
      costBasis: 0,
    });
  });

  it('records a half exit that fills in two parts, staying half_exited', () => {
    const first = recordExit(opened(), exit('day3_half', 30));
    const second = recordExit(first, exit('day3_half', 20));
    expect(second).toMatchObject({ status: 'half_exited', quantity: 51 });
  });

  it('half_exited -> closed by the SMA trail or the stop', () => {
    const half = recordExit(opened(), exit('day3_half', 50));
    expect(recordExit(half, exit('sma_trail', 51)).status).toBe('closed');
    expect(recordExit(half, exit('stop', 51)).status).toBe('closed');
  });

  it('stays open or half_exited after a partial exit for another reason', () => {
    expect(recordExit(opened(), exit('manual', 10)).status).toBe('open');
    const half = recordExit(opened(), exit('day3_half', 50));
    expect(recordExit(half, exit('manual', 10)).status).toBe('half_exited');
  });

  it('open -> closed when a day-3 exit sells everything', () => {
    expect(recordExit(opened(1), exit('day3_half', 1)).status).toBe('closed');
  });

  it('refuses a second half exit', () => {
    const half = recordExit(opened(), exit('day3_half', 50));
    expect(() => recordExit(half, exit('day3_half', 10))).toThrow(IllegalTransition);
    expect(() => recordExit(half, exit('day3_half', 10))).toThrow('from half_exited to half_exited');
  });

  it.each<ExitReason>(['stop', 'day3_half', 'sma_trail', 'manual', 'kill_switch', 'reconcile'])(
    'refuses a %s exit from a closed position',
    (reason) => {
      const closed = recordExit(opened(), exit('stop', 101));
      expect(() => recordExit(closed, exit(reason, 1))).toThrow(IllegalTransition);
    },
  );

  it('refuses selling more than is held, or nothing', () => {
    expect(() => recordExit(opened(), exit('manual', 102))).toThrow(/position pos-1 holds 101/);
    expect(() => recordExit(opened(), exit('manual', 0))).toThrow(InvalidValue);
  });
});

describe('position money', () => {
  it('realises proceeds - cost - commissions exactly over a closed position', () => {
    const half = recordExit(opened(101, 2500), exit('day3_half', 50, 2750));
    const closed = recordExit(half, exit('sma_trail', 51, 2420));
    const proceeds = 50 * 2750 + 51 * 2420;
    expect(closed.realisedPnl).toBe(proceeds - 101 * 2500 - 3 * 6000);
    expect(closed.commissions).toBe(18_000);
  });

  it('releases a proportional share of the cost on a partial exit', () => {
    const half = recordExit(opened(101, 2500), exit('day3_half', 50, 2500));
    expect(half.costBasis).toBe(51 * 2500);
    expect(half.realisedPnl).toBe(-12_000);
  });

  it('marks the remainder to market without the selling commission', () => {
    expect(unrealisedPnl(opened(100, 2500), price(2610))).toBe(11_000);
    expect(unrealisedPnl(recordExit(opened(), exit('stop', 101)), price(2610))).toBe(0);
    expect(averageEntryMills(recordExit(opened(), exit('stop', 101)))).toBe(0);
  });
});

describe('raising the stop', () => {
  it('moves the stop up or keeps it, never down', () => {
    expect(raiseStop(opened(), price(2450), 9)).toMatchObject({ stopPrice: 2450, updatedAt: 9 });
    expect(raiseStop(opened(), price(2400), 9).stopPrice).toBe(2400);
    expect(() => raiseStop(opened(), price(2390), 9)).toThrow(/would loosen the stop/);
  });

  it('refuses to move the stop of a closed position', () => {
    expect(() => raiseStop(recordExit(opened(), exit('stop', 101)), price(2450), 9)).toThrow(IllegalTransition);
  });
});
