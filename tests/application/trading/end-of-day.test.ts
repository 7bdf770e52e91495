import { describe, expect, it } from 'vitest';
import { candidateId } from '../../../src/domain/candidate/candidate.js';
import { instrument } from '../../../src/domain/values/instrument.js';
import { money } from '../../../src/domain/values/money.js';
import { localDate } from '../../../src/domain/values/time.js';
import { at, gappersReadyToEnter } from './support/market-script.js';
import { TradingWorld } from './support/trading-world.js';

const DAY = '2025-07-15';
const ALPH = instrument('ALPH', 9_601);
const BETA = instrument('BETA', 9_602);

describe('EndOfDayUseCase', () => {
  it('cancels unfilled DAY entry orders, expires the remaining candidates and summarises the day', async () => {
    const world = new TradingWorld({ start: at(DAY, '08:00'), instruments: [ALPH, BETA], risk: { maxPositions: 1 } });
    await gappersReadyToEnter(world, [ALPH, BETA], DAY);
    await world.execute.run();
    world.clock.set(at(DAY, '16:00'));

    const summary = await world.endOfDay.run();

    expect(world.exchange.orders()).toMatchObject([
      { instrument: { symbol: 'ALPH' }, side: 'BUY', status: 'cancelled' },
    ]);
    expect(world.repository.candidates.get(candidateId(localDate(DAY), BETA.symbol))).toMatchObject({
      status: 'expired',
      note: 'the trading day ended without a breakout entry',
    });
    expect(summary).toEqual({
      date: DAY,
      candidates: { watching: 0, triggered: 0, entered: 1, expired: 1, rejected: 0 },
      entries: [],
      exits: [],
      realisedPnl: money(0),
      openPositions: [],
    });
  });
});
