import { describe, expect, it } from 'vitest';
import { instrument } from '../../../src/domain/values/instrument.js';
import { money } from '../../../src/domain/values/money.js';
import { parsePrice } from '../../../src/domain/values/price.js';
import { at, holdPosition } from './support/market-script.js';
import { HEALTHY_GATEWAY, TradingWorld } from './support/trading-world.js';

const DAY = '2025-07-15';
const ABC = instrument('ABC', 9_501);

async function holding() {
  const world = new TradingWorld({ start: at(DAY, '08:00'), instruments: [ABC] });
  await holdPosition(world, ABC, { date: DAY, shares: 1000, price: '1.105', stop: '1.040' });
  return world;
}

describe('StatusUseCase', () => {
  it('values open positions at the last price to the mill', async () => {
    const world = await holding();
    world.exchange.publishQuote(ABC, { at: at(DAY, '11:00'), last: parsePrice('1.115') });
    world.clock.set(at(DAY, '11:00'));

    const status = await world.status.run();

    expect(status.positions).toEqual([
      {
        symbol: 'ABC',
        positionId: 'skim-20250715-ABC-entry-1',
        status: 'open',
        quantity: 1000,
        entryDate: DAY,
        averageEntryMills: 1105,
        stopPrice: parsePrice('1.040'),
        priced: true,
        last: parsePrice('1.115'),
        unrealisedPnl: money(10_000),
      },
    ]);
    expect(status.realisedPnl).toBe(money(-6_000));
    expect(status.unrealisedPnl).toBe(money(10_000));
    expect(status.dayPnl).toBe(money(4_000));
  });

  it('says so when a position has no quote', async () => {
    const world = await holding();
    world.broker.failQuotes = true;

    const status = await world.status.run();

    expect(status.positions).toMatchObject([
      { symbol: 'ABC', priced: false, quoteMissing: expect.stringContaining('market data farm is down') as string },
    ]);
    expect(status.unrealisedPnl).toBe(money(0));
  });

  it('lists the day’s candidates and trades, the gateway, the halt and the kill switch', async () => {
    const world = await holding();
    world.halt.halt('paused by operator');

    const status = await world.status.run();

    expect(status.candidates).toMatchObject([{ symbol: 'ABC', status: 'entered', lowOfDay: parsePrice('1.040') }]);
    expect(status.trades.map((fill) => [fill.side, fill.quantity, fill.price])).toEqual([
      ['BUY', 1000, parsePrice('1.105')],
    ]);
    expect(status.gateway).toEqual({ reachable: true, health: { ...HEALTHY_GATEWAY, checkedAt: world.clock.now() } });
    expect(status.halt).toEqual({ halted: true, reason: 'paused by operator' });
    expect(status.killSwitch).toEqual({ date: DAY, tripped: false });
  });
});
