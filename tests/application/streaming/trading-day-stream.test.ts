import { describe, expect, it } from 'vitest';
import { TradingDay } from '../../../src/application/trading/trading-day.js';
import { instrument } from '../../../src/domain/values/instrument.js';
import { MarketReplay, at, gapperRange, minuteBar, seedDailyCloses, watch } from '../trading/support/market-script.js';
import { StreamWorld } from './support/stream-world.js';

const DAY = '2025-07-15';
const GAPR = instrument('GAPR', 9_001);

describe('TradingDay with a market data stream', () => {
  it('starts the stream after the pre-open scan, keeps the timer checks as a safety net, stops it at the close', async () => {
    const world = new StreamWorld({ start: at(DAY, '08:00'), instruments: [GAPR] });
    seedDailyCloses(world, GAPR, DAY, ['0.990', '1.000']);
    watch(world, GAPR, DAY);
    const moments: string[] = [];
    const { decisions } = world;
    const day = new TradingDay(
      {
        reconcile: world.reconcile,
        trackOpeningRange: decisions.serialised(world.streamTrack),
        executeEntries: decisions.serialised(world.streamExecute),
        managePositions: decisions.serialised(world.manage),
        endOfDay: world.endOfDay,
        scan: () => Promise.resolve(moments.push(`scan ${world.clock.now()}`)),
        marketData: {
          start: async () => {
            moments.push(`start ${world.clock.now()}`);
            await decisions.start();
          },
          stop: async () => {
            moments.push(`stop ${world.clock.now()}`);
            await decisions.stop();
          },
        },
      },
      world.calendar,
      world.clock,
      { scanTime: '09:45', entryCutoff: world.settings.strategy.entryCutoff, managementIntervalMinutes: 5 },
      world.log,
    );
    const replay = new MarketReplay(world).add(GAPR, [
      ...gapperRange(DAY),
      minuteBar(DAY, '10:05', ['1.090', '1.120', '1.085', '1.115']),
    ]);

    const running = day.run();
    await replay.runUntil(at(DAY, '16:00'));
    const result = await running;

    expect(moments).toEqual([`scan ${at(DAY, '09:45')}`, `start ${at(DAY, '09:45')}`, `stop ${at(DAY, '16:00')}`]);
    expect(world.stream.started).toBe(1);
    expect(world.stream.stopped).toBe(1);
    expect(result).toMatchObject({ kind: 'traded', summary: { entries: [{ symbol: 'GAPR', quantity: 1000 }] } });
  });
});
