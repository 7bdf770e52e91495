import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/adapters/clock/manual.clock.js';
import { TradingScheduler } from '../../../src/application/trading/trading-scheduler.js';
import type { TradingDayResult } from '../../../src/application/trading/trading-day.js';
import { sydneyDateOf, sydneyLocalToEpoch } from '../../../src/domain/market/sydney-time.js';
import { TradingCalendar } from '../../../src/domain/market/trading-calendar.js';
import { localDate, type LocalDate } from '../../../src/domain/values/time.js';
import { CapturingLogger } from '../scan/capturing-logger.js';

const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Starts the scheduler at `start` and lets it run `days` trading days; returns the dates and wake-ups seen. */
async function schedule(start: number, days: number, connect: () => Promise<unknown> = () => Promise.resolve()) {
  const clock = new ManualClock(start);
  const ran: LocalDate[] = [];
  const wakes: string[] = [];
  const scheduler = new TradingScheduler(new TradingCalendar(), clock, new CapturingLogger());
  const done = scheduler.run({
    connect,
    runDay: () => {
      const date = sydneyDateOf(clock.now());
      ran.push(date);
      return Promise.resolve({ kind: 'market_closed', date, reason: 'stub' } satisfies TradingDayResult);
    },
    stopping: () => ran.length >= days,
  });
  while (ran.length < days) {
    await settle();
    const wake = clock.nextWakeUp();
    if (wake === undefined) break;
    wakes.push(new Date(wake).toISOString());
    clock.set(wake);
  }
  await done;
  return { ran, wakes };
}

describe('TradingScheduler', () => {
  it('wakes at 07:00 Sydney across the start of daylight saving (AEST to AEDT)', async () => {
    const { ran, wakes } = await schedule(sydneyLocalToEpoch(localDate('2025-10-03'), '17:00'), 2);
    expect(ran).toEqual(['2025-10-03', '2025-10-06']);
    // 07:00 AEDT (UTC+11) on Monday 6 October is 20:00 UTC on the Sunday.
    expect(wakes).toEqual(['2025-10-05T20:00:00.000Z']);
  });

  it('wakes at 07:00 Sydney across the end of daylight saving (AEDT to AEST)', async () => {
    const { wakes } = await schedule(sydneyLocalToEpoch(localDate('2025-04-04'), '17:00'), 2);
    // 07:00 AEST (UTC+10) on Monday 7 April is 21:00 UTC on the Sunday.
    expect(wakes).toEqual(['2025-04-06T21:00:00.000Z']);
  });

  it('skips the Easter public holidays and the weekend between them', async () => {
    const { ran } = await schedule(sydneyLocalToEpoch(localDate('2025-04-17'), '17:00'), 2);
    expect(ran).toEqual(['2025-04-17', '2025-04-22']);
  });

  it('keeps trying to connect every minute while the gateway awaits the login approval', async () => {
    let attempts = 0;
    const connect = () => (++attempts < 4 ? Promise.reject(new Error('not authenticated')) : Promise.resolve());
    const { ran, wakes } = await schedule(sydneyLocalToEpoch(localDate('2025-06-10'), '07:00'), 1, connect);
    expect(attempts).toBe(4);
    expect(ran).toEqual(['2025-06-10']);
    expect(wakes).toEqual(['2025-06-09T21:01:00.000Z', '2025-06-09T21:02:00.000Z', '2025-06-09T21:03:00.000Z']);
  });

  it('gives the day up when the gateway stays down until the close, and tries again the next morning', async () => {
    let attempts = 0;
    const connect = () => (++attempts <= 2 ? Promise.reject(new Error('not authenticated')) : Promise.resolve());
    const { ran, wakes } = await schedule(sydneyLocalToEpoch(localDate('2025-06-10'), '15:58'), 1, connect);
    expect(ran).toEqual(['2025-06-11']);
    // One retry at 15:59; the next would be at the 16:00 close, so the day is given up until 07:00 tomorrow.
    expect(wakes).toEqual(['2025-06-10T05:59:00.000Z', '2025-06-10T21:00:00.000Z']);
  });

  it('goes on to the next trading day when a day fails', async () => {
    const clock = new ManualClock(sydneyLocalToEpoch(localDate('2025-06-10'), '07:00'));
    const log = new CapturingLogger();
    const ran: LocalDate[] = [];
    const failed: string[] = [];
    const done = new TradingScheduler(new TradingCalendar(), clock, log).run({
      connect: () => Promise.resolve(),
      onDayFailed: (date, reason) => failed.push(`${date}: ${reason}`),
      runDay: () => {
        ran.push(sydneyDateOf(clock.now()));
        return ran.length === 1
          ? Promise.reject(new Error('session lost near the close'))
          : Promise.resolve({ kind: 'market_closed', date: sydneyDateOf(clock.now()), reason: 'stub' } as const);
      },
      stopping: () => ran.length >= 2,
    });
    await settle();
    clock.set(clock.nextWakeUp() ?? 0);
    await done;
    expect(ran).toEqual(['2025-06-10', '2025-06-11']);
    expect(log.lines.some((line) => line.message.includes('trading day 2025-06-10 failed: session lost'))).toBe(true);
    expect(failed).toEqual(['2025-06-10: session lost near the close']);
  });

  it('trades today alone when asked, connecting first (as a restarted skim run does)', async () => {
    const clock = new ManualClock(sydneyLocalToEpoch(localDate('2025-06-10'), '11:30'));
    const calls: string[] = [];
    await new TradingScheduler(new TradingCalendar(), clock, new CapturingLogger()).tradeToday({
      connect: () => Promise.resolve(calls.push('connect')),
      runDay: () => {
        calls.push(`day ${sydneyDateOf(clock.now())}`);
        return Promise.resolve({ kind: 'market_closed', date: sydneyDateOf(clock.now()), reason: 'stub' } as const);
      },
      stopping: () => false,
    });
    expect(calls).toEqual(['connect', 'day 2025-06-10']);
    expect(clock.nextWakeUp()).toBeUndefined();
  });

  it('started on a weekend, does not trade until the next trading day', async () => {
    const { ran, wakes } = await schedule(sydneyLocalToEpoch(localDate('2025-06-07'), '10:00'), 1);
    // Saturday 7 June; Monday 9 June is the King's Birthday holiday.
    expect(ran).toEqual(['2025-06-10']);
    expect(wakes).toEqual(['2025-06-09T21:00:00.000Z']);
  });
});
