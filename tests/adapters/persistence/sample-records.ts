import { newCandidate, type Candidate } from '../../../src/domain/candidate/candidate.js';
import { clientOrderId, type ClientOrderId } from '../../../src/domain/orders/client-order-id.js';
import type { Fill } from '../../../src/domain/orders/fill.js';
import type { JournalEntry } from '../../../src/domain/orders/journal-entry.js';
import type { OrderIntent } from '../../../src/domain/orders/order-intent.js';
import {
  addEntryFill,
  openPosition,
  raiseStop,
  recordExit,
  type Position,
} from '../../../src/domain/position/position.js';
import { asxSymbol, instrument, type Instrument } from '../../../src/domain/values/instrument.js';
import { money } from '../../../src/domain/values/money.js';
import { price } from '../../../src/domain/values/price.js';
import { quantity } from '../../../src/domain/values/quantity.js';
import { localDate, type EpochMs, type LocalDate } from '../../../src/domain/values/time.js';

/** Records for persistence tests, built through the domain's own factories and state machines. */

export const DAY: LocalDate = localDate('2025-07-14');
export const NEXT_DAY: LocalDate = localDate('2025-07-15');
/** 2025-07-14 10:00 Sydney (AEST, UTC+10). */
export const OPEN_AT: EpochMs = Date.UTC(2025, 6, 14, 0, 0, 0);
export const MINUTE = 60_000;

export const BHP: Instrument = instrument('BHP', 4036812);
export const PLS: Instrument = instrument('PLS', 76792991);

/** A candidate with every optional field filled in. */
export function fullCandidate(symbol = 'BHP', tradingDate: LocalDate = DAY): Candidate {
  return {
    ...newCandidate(
      {
        symbol: asxSymbol(symbol),
        tradingDate,
        gapPct: 4.375,
        headline: 'Quarterly activities report',
        announcementAt: OPEN_AT - 90 * MINUTE,
        openingRangeHigh: price(45_210),
        openingRangeLow: price(44_800),
        lowOfDay: price(44_750),
        note: 'gapped 4.4 % on a price-sensitive report',
      },
      OPEN_AT - 60 * MINUTE,
    ),
    status: 'triggered',
    updatedAt: OPEN_AT + 5 * MINUTE,
  };
}

/** A candidate with no optional field at all. */
export function minimalCandidate(symbol = 'PLS', tradingDate: LocalDate = DAY): Candidate {
  return newCandidate({ symbol: asxSymbol(symbol), tradingDate, gapPct: 3 }, OPEN_AT - 30 * MINUTE);
}

/** A position just opened by one entry fill. */
export function openedPosition(id = 'pos-bhp', at: EpochMs = OPEN_AT + 7 * MINUTE, on: Instrument = BHP): Position {
  return openPosition({
    id,
    instrument: on,
    entryDate: DAY,
    stopPrice: price(44_750),
    fill: { quantity: quantity(110), price: price(45_220), commission: money(6_000), at },
  });
}

/** A closed position: a second entry fill, the day-3 half exit, a raised stop, a manual trim and the stop-out. */
export function positionWithExits(id = 'pos-pls'): Position {
  const opened = openPosition({
    id,
    instrument: PLS,
    entryDate: DAY,
    stopPrice: price(1_085),
    fill: { quantity: quantity(2_000), price: price(1_235), commission: money(6_000), at: OPEN_AT + 6 * MINUTE },
  });
  const grown = addEntryFill(opened, {
    quantity: quantity(1_001),
    price: price(1_240),
    commission: money(6_000),
    at: OPEN_AT + 6 * MINUTE + 1,
  });
  const half = recordExit(grown, {
    reason: 'day3_half',
    quantity: quantity(1_500),
    price: price(1_410),
    commission: money(6_000),
    at: OPEN_AT + 3 * 24 * 60 * MINUTE,
  });
  const tightened = raiseStop(half, price(1_300), OPEN_AT + 3 * 24 * 60 * MINUTE + 1);
  const trimmed = recordExit(tightened, {
    reason: 'manual',
    quantity: quantity(1),
    price: price(1_395),
    commission: money(6_000),
    at: OPEN_AT + 4 * 24 * 60 * MINUTE,
  });
  return recordExit(trimmed, {
    reason: 'stop',
    quantity: quantity(1_500),
    price: price(1_300),
    commission: money(6_000),
    at: OPEN_AT + 5 * 24 * 60 * MINUTE,
  });
}

/** A position after its day-3 half exit, still holding the larger half. */
export function halfExitedPosition(id = 'pos-half', at: EpochMs = OPEN_AT + 8 * MINUTE): Position {
  return recordExit(openedPosition(id, at), {
    reason: 'day3_half',
    quantity: quantity(55),
    price: price(47_000),
    commission: money(6_000),
    at: at + 3 * 24 * 60 * MINUTE,
  });
}

export function fill(executionId: string, at: EpochMs, overrides: Partial<Fill> = {}): Fill {
  return {
    executionId,
    clientOrderId: clientOrderId('skim-20250714-BHP-entry-1'),
    brokerOrderId: '1234567890',
    instrument: BHP,
    side: 'BUY',
    quantity: quantity(55),
    price: price(45_220),
    commission: money(3_000),
    at,
    ...overrides,
  };
}

/** A buy-stop entry journalled with every optional field present (limit, stop, broker id, error). */
export function fullJournalEntry(id = 'skim-20250714-BHP-entry-1', createdAt: EpochMs = OPEN_AT): JournalEntry {
  const orderId = clientOrderId(id);
  const intent: OrderIntent = {
    clientOrderId: orderId,
    instrument: BHP,
    side: 'BUY',
    type: 'STP',
    quantity: quantity(110),
    limitPrice: price(45_300),
    stopPrice: price(45_220),
    tif: 'DAY',
    purpose: 'entry',
  };
  return {
    clientOrderId: orderId,
    intent,
    state: 'partially_filled',
    brokerOrderId: '1234567890',
    filledQuantity: 55,
    lastError: 'gateway timed out once; order found by cOID',
    createdAt,
    updatedAt: createdAt + MINUTE,
  };
}

/** A market sell journalled as an intent only: no prices, no broker id, no error. */
export function minimalJournalEntry(id = 'skim-20250717-PLS-day3_half-1', createdAt: EpochMs = OPEN_AT): JournalEntry {
  const orderId: ClientOrderId = clientOrderId(id);
  return {
    clientOrderId: orderId,
    intent: {
      clientOrderId: orderId,
      instrument: PLS,
      side: 'SELL',
      type: 'MKT',
      quantity: quantity(1_500),
      tif: 'GTC',
      purpose: 'day3_half',
    },
    state: 'intent',
    filledQuantity: 0,
    createdAt,
    updatedAt: createdAt,
  };
}
