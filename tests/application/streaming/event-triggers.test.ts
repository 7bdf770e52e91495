import { describe, expect, it } from 'vitest';
import { EventTriggers, REPEAT_TRIGGER_MS } from '../../../src/application/streaming/event-triggers.js';
import { newCandidate } from '../../../src/domain/candidate/candidate.js';
import { openPosition } from '../../../src/domain/position/position.js';
import { instrument } from '../../../src/domain/values/instrument.js';
import { money } from '../../../src/domain/values/money.js';
import { parsePrice } from '../../../src/domain/values/price.js';
import { quantity } from '../../../src/domain/values/quantity.js';
import { localDate } from '../../../src/domain/values/time.js';
import { at } from '../trading/support/market-script.js';

const DAY = '2025-07-15';
const ALPH = instrument('ALPH', 9_101);
const heard = (price: string, time: number) => ({ price: parsePrice(price), at: time, now: time });

const triggered = {
  ...newCandidate({ symbol: ALPH.symbol, tradingDate: localDate(DAY), gapPct: 5 }, at(DAY, '09:45')),
  status: 'triggered' as const,
  openingRangeHigh: parsePrice('1.100'),
  openingRangeLow: parsePrice('1.040'),
};

const held = openPosition({
  id: 'p-1',
  instrument: ALPH,
  entryDate: localDate('2025-07-14'),
  stopPrice: parsePrice('1.040'),
  fill: {
    quantity: quantity(1000),
    price: parsePrice('1.105'),
    commission: money(6_000),
    at: at('2025-07-14', '10:10'),
  },
});

describe('EventTriggers', () => {
  it('asks for an entry check on a price above the range high, at most once per repeat interval', () => {
    const triggers = new EventTriggers(5);
    const t = at(DAY, '10:10');

    expect(triggers.forCandidate(triggered, heard('1.100', t))).toEqual([]);
    expect(triggers.forCandidate(triggered, heard('1.105', t))).toEqual(['entries']);
    expect(triggers.forCandidate(triggered, heard('1.110', t + 1_000))).toEqual([]);
    expect(triggers.forCandidate(triggered, heard('1.110', t + REPEAT_TRIGGER_MS))).toEqual(['entries']);
  });

  it('asks for the opening range only once its window is over', () => {
    const triggers = new EventTriggers(5);
    const forming = { ...triggered, openingRangeHigh: undefined, openingRangeLow: undefined };

    expect(triggers.forCandidate(forming, heard('1.120', at(DAY, '10:04')))).toEqual([]);
    expect(triggers.forCandidate(forming, heard('1.120', at(DAY, '10:05')))).toEqual(['track', 'entries']);
  });

  it('checks a held position on its first price after the open and whenever the price is at or below its stop', () => {
    const triggers = new EventTriggers(5);
    const t = at(DAY, '10:01');

    expect(triggers.forPosition(held, heard('1.200', at(DAY, '09:59')))).toEqual([]);
    expect(triggers.forPosition(held, heard('1.200', t))).toEqual(['manage']);
    expect(triggers.forPosition(held, heard('1.150', t + 1_000))).toEqual([]);
    expect(triggers.forPosition(held, heard('1.040', t + 2_000))).toEqual(['manage']);
  });
});
