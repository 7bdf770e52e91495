import { describe, expect, it } from 'vitest';
import { historyPeriod } from '../../../src/adapters/clientportal/price-history.js';
import { UnexpectedResponse } from '../../../src/adapters/clientportal/errors/unexpected-response.error.js';
import { instrument } from '../../../src/domain/values/instrument.js';
import { parsePrice } from '../../../src/domain/values/price.js';
import { brokersPerTest, TRADING_MORNING } from './support/broker-harness.js';
import { fixture, objectFixture } from './support/fixtures.js';

const BHP = instrument('BHP', 4036818);
const OPEN = Date.UTC(2025, 0, 13, 23, 0);
const MINUTE = 60_000;
const DAY = 86_400_000;
const historyPath = (period: string, bar: string) =>
  `/iserver/marketdata/history?conid=4036818&period=${period}&bar=${bar}&outsideRth=false`;

describe('price history', () => {
  const brokers = brokersPerTest();

  it('maps minute bars and keeps only those in [from, to)', async () => {
    const harness = brokers.fresh();
    harness.gateway.ok('GET', historyPath('1d', '1min'), fixture('history-1min'));
    const bars = await harness.broker.bars(BHP, { size: '1min', from: OPEN + MINUTE, to: OPEN + 3 * MINUTE });
    expect(bars).toEqual([
      {
        start: OPEN + MINUTE,
        open: parsePrice('45.10'),
        high: parsePrice('45.25'),
        low: parsePrice('45.08'),
        close: parsePrice('45.20'),
        volume: 80_210,
      },
      {
        start: OPEN + 2 * MINUTE,
        open: parsePrice('45.20'),
        high: parsePrice('45.48'),
        low: parsePrice('45.19'),
        close: parsePrice('45.30'),
        volume: 60_110,
      },
    ]);
  });

  it('leaves out the minute bar that is still forming', async () => {
    const harness = brokers.fresh();
    harness.clock.setTo(OPEN + 3 * MINUTE + 30_000);
    harness.gateway.ok('GET', historyPath('1d', '1min'), fixture('history-1min'));
    const bars = await harness.broker.bars(BHP, { size: '1min', from: OPEN, to: OPEN + DAY });
    expect(bars.map((bar) => bar.start)).toEqual([OPEN, OPEN + MINUTE, OPEN + 2 * MINUTE]);
  });

  it("leaves out today's daily bar until the day is over", async () => {
    const harness = brokers.fresh();
    const yesterday = OPEN - DAY;
    const daily = {
      ...objectFixture('history-1min'),
      data: [
        { o: 44.0, h: 44.5, l: 43.9, c: 44.1, v: 9_000_000, t: yesterday },
        { o: 45.0, h: 45.5, l: 44.9, c: 45.2, v: 1_000_000, t: OPEN },
      ],
    };
    harness.gateway.ok('GET', historyPath('30d', '1d'), daily);
    const bars = await harness.broker.bars(BHP, {
      size: '1d',
      from: TRADING_MORNING - 30 * DAY,
      to: TRADING_MORNING + DAY,
    });
    expect(bars.map((bar) => bar.start)).toEqual([yesterday]);
  });

  it('chooses a period that reaches back to the start of the request', () => {
    const now = TRADING_MORNING;
    expect(historyPeriod(now - 30 * MINUTE, now)).toBe('1d');
    expect(historyPeriod(now - 3 * DAY + 1, now)).toBe('3d');
    expect(historyPeriod(now - 900 * DAY, now)).toBe('900d');
    expect(historyPeriod(now - 5 * 365 * DAY, now)).toBe('5y');
    expect(historyPeriod(now - 40 * 365 * DAY, now)).toBe('15y');
  });

  it('names the bar and field of an off-tick price', async () => {
    const harness = brokers.fresh();
    const broken = {
      ...objectFixture('history-1min'),
      data: [{ o: 45.0, h: 45.123, l: 44.9, c: 45.1, v: 10, t: OPEN }],
    };
    harness.gateway.ok('GET', historyPath('1d', '1min'), broken);
    const failure = harness.broker.bars(BHP, { size: '1min', from: OPEN, to: OPEN + DAY });
    await expect(failure).rejects.toBeInstanceOf(UnexpectedResponse);
    await expect(failure).rejects.toMatchObject({ endpoint: 'GET /iserver/marketdata/history', path: 'data[0].h' });
  });

  it('names the field when a bar is missing its time', async () => {
    const harness = brokers.fresh();
    const broken = { ...objectFixture('history-1min'), data: [{ o: 45.0, h: 45.1, l: 44.9, c: 45.1, v: 10 }] };
    harness.gateway.ok('GET', historyPath('1d', '1min'), broken);
    await expect(harness.broker.bars(BHP, { size: '1min', from: OPEN, to: OPEN + DAY })).rejects.toMatchObject({
      path: 'data[0].t',
    });
  });
});
