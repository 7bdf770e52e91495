import { describe, expect, it } from 'vitest';
import { parsePrice } from '../../../src/domain/values/price.js';
import { bar, flat, list, MINUTE, OPEN, record, useSimulator } from './sim-client.js';

const BHP = 4_036_818;
const CBA = 4_036_830;
const SNAPSHOT = `/iserver/marketdata/snapshot?conids=${BHP},${CBA}&fields=31,55,70,71,84,86,87,7295,7741,7762,6509`;

describe('gateway simulator: market data', () => {
  const simulator = useSimulator();

  it('answers the first snapshot of a conid without values, then with string values', async () => {
    const client = await simulator();
    client.sim.market.publishBar('BHP', bar(0, '45.00', '45.50', '44.80', '45.20', 1_250_000));
    client.sim.market.publishQuote('BHP', { bid: parsePrice('45.19'), ask: parsePrice('45.21') });

    const first = list(await client.api('GET', SNAPSHOT));
    const second = list(await client.api('GET', SNAPSHOT));

    expect(Object.keys(first[0] ?? {}).sort()).toEqual(['6119', '_updated', 'conid', 'conidEx', 'server_id']);
    expect(second[0]).toMatchObject({
      conid: BHP,
      '31': '45.20',
      '55': 'BHP',
      '70': '45.50',
      '71': '44.80',
      '84': '45.19',
      '86': '45.21',
      '87': '1.25M',
      '7295': '45.00',
      '7762': '1250000',
      '6509': 'RpB',
    });
  });

  it('returns only the fields asked for', async () => {
    const client = await simulator();
    client.sim.market.publishBar('BHP', flat(0, '45.00'));
    await client.api('GET', `/iserver/marketdata/snapshot?conids=${BHP}&fields=31`);

    const [entry] = list(await client.api('GET', `/iserver/marketdata/snapshot?conids=${BHP}&fields=31`));

    expect(entry?.['31']).toBe('45.00');
    expect(entry?.['84']).toBeUndefined();
    expect(entry?.['55']).toBeUndefined();
  });

  it("marks yesterday's close with C before anything trades today, and a halted stock with H", async () => {
    const client = await simulator();
    client.sim.market.publishBar('BHP', flat(0, '45.00'));
    client.sim.market.publishBar('CBA', flat(0, '150.00'));
    client.sim.market.endOfDay();
    client.sim.faults.halt('CBA');
    await client.api('GET', SNAPSHOT);

    const [bhp, cba] = list(await client.api('GET', SNAPSHOT));

    expect(bhp?.['31']).toBe('C45.00');
    expect(bhp?.['7741']).toBe('45.00');
    expect(cba?.['31']).toBe('H150.00');
  });

  it('reports delayed data in field 6509 when configured', async () => {
    const client = await simulator({ marketData: 'delayed' });
    client.sim.market.publishBar('BHP', flat(0, '45.00'));
    await client.api('GET', SNAPSHOT);

    const [bhp] = list(await client.api('GET', SNAPSHOT));

    expect(bhp?.['6509']).toBe('DpB');
  });

  it('starts over with the pre-flight after unsubscribing', async () => {
    const client = await simulator();
    client.sim.market.publishBar('BHP', flat(0, '45.00'));
    await client.api('GET', SNAPSHOT);

    expect((await client.api('POST', '/iserver/marketdata/unsubscribe', { conid: BHP })).body).toEqual({
      success: true,
    });
    const [afterOne] = list(await client.api('GET', SNAPSHOT));
    await client.api('GET', '/iserver/marketdata/unsubscribeall');
    const [afterAll] = list(await client.api('GET', SNAPSHOT));

    expect(afterOne?.['31']).toBeUndefined();
    expect(afterAll?.['31']).toBeUndefined();
  });

  it('serves completed minute bars of the period as numbers with epoch-ms times', async () => {
    const client = await simulator();
    for (let n = 0; n < 4; n++)
      client.sim.market.publishBar('BHP', bar(n, '45.00', '45.40', '44.90', '45.10', 1000 + n));

    const body = record(await client.api('GET', `/iserver/marketdata/history?conid=${BHP}&period=1d&bar=1min`));

    expect(body).toMatchObject({ symbol: 'BHP', barLength: 60, volumeFactor: 1, points: 4, timePeriod: '1d' });
    expect(body.data).toEqual(
      [0, 1, 2, 3].map((n) => ({ o: 45, c: 45.1, h: 45.4, l: 44.9, v: 1000 + n, t: OPEN + n * MINUTE })),
    );
  });

  it('aggregates completed minute bars into longer ones and serves daily bars after the close', async () => {
    const client = await simulator();
    client.sim.market.publishBar('BHP', bar(0, '45.00', '45.20', '44.90', '45.10', 100));
    client.sim.market.publishBar('BHP', bar(1, '45.10', '45.60', '45.00', '45.50', 200));
    client.sim.market.publishBar('BHP', bar(2, '45.50', '45.50', '44.70', '44.80', 300));
    client.sim.market.publishBar('BHP', bar(5, '44.80', '44.90', '44.80', '44.90', 400));

    const history = `/iserver/marketdata/history?conid=${BHP}&period=1d&bar=5min`;
    const whileOpen = record(await client.api('GET', history));
    client.sim.market.advanceTo(OPEN + 10 * MINUTE);
    const later = record(await client.api('GET', history));
    client.sim.market.endOfDay(OPEN + 6 * 60 * MINUTE);
    const daily = record(await client.api('GET', `/iserver/marketdata/history?conid=${BHP}&period=1w&bar=1d`));

    const first = { o: 45, h: 45.6, l: 44.7, c: 44.8, v: 600, t: OPEN };
    expect(whileOpen.data).toEqual([first]);
    expect(later.data).toEqual([first, { o: 44.8, h: 44.9, l: 44.8, c: 44.9, v: 400, t: OPEN + 5 * MINUTE }]);
    expect(daily.data).toEqual([{ o: 45, h: 45.6, l: 44.7, c: 44.9, v: 1000, t: OPEN }]);
  });

  it('refuses unknown conids and malformed periods in history requests', async () => {
    const client = await simulator();
    expect((await client.api('GET', '/iserver/marketdata/history?conid=1&period=1d&bar=1min')).status).toBe(400);
    expect((await client.api('GET', `/iserver/marketdata/history?conid=${BHP}&period=yesterday&bar=1min`)).status).toBe(
      400,
    );
    expect((await client.api('GET', `/iserver/marketdata/history?conid=${BHP}&period=1d&bar=1w`)).status).toBe(400);
  });
});
