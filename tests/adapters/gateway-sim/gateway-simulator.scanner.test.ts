import { describe, expect, it } from 'vitest';
import { bar, flat, list, record, useSimulator } from './sim-client.js';

const GAINERS = { instrument: 'STOCK.HK', type: 'TOP_PERC_GAIN', location: 'STK.HK.ASX', filter: [] };

describe('gateway simulator: scanner', () => {
  const simulator = useSimulator();

  it('publishes scan types, instruments, filters and the ASX location in the params document', async () => {
    const client = await simulator();

    const params = record(await client.api('GET', '/iserver/scanner/params'));

    expect(params.scan_type_list).toContainEqual({
      display_name: 'Top % Gainers',
      code: 'TOP_PERC_GAIN',
      instruments: ['STOCK.HK'],
    });
    expect(params.instrument_list).toMatchObject([{ type: 'STOCK.HK' }]);
    expect(params.filter_list).toContainEqual(expect.objectContaining({ code: 'priceAbove' }));
    expect(JSON.stringify(params.location_tree)).toContain('"type":"STK.HK.ASX"');
  });

  it("ranks ASX gainers on the day from the exchange's prices, filters applied", async () => {
    const client = await simulator();
    for (const [symbol, close] of [
      ['BHP', '40.00'],
      ['CBA', '100.00'],
      ['PLS', '2.00'],
    ] as const) {
      client.sim.market.publishBar(symbol, flat(0, close));
    }
    client.sim.market.endOfDay();
    client.sim.market.publishBar('BHP', bar(1440, '42.00', '44.00', '42.00', '44.00'));
    client.sim.market.publishBar('CBA', bar(1440, '101.00', '101.00', '100.00', '101.00'));
    client.sim.market.publishBar('PLS', bar(1440, '2.10', '2.40', '2.10', '2.40'));

    const all = record(await client.api('POST', '/iserver/scanner/run', GAINERS));
    const priced = record(
      await client.api('POST', '/iserver/scanner/run', { ...GAINERS, filter: [{ code: 'priceAbove', value: 5 }] }),
    );
    const gaps = record(await client.api('POST', '/iserver/scanner/run', { ...GAINERS, type: 'HIGH_OPEN_GAP' }));

    const rows = (body: Record<string, unknown>) =>
      (body.contracts as Record<string, unknown>[]).map((c) => [c.symbol, c.scan_data]);
    expect(rows(all)).toEqual([
      ['PLS', '+20.00%'],
      ['BHP', '+10.00%'],
      ['CBA', '+1.00%'],
    ]);
    expect(all.scan_data_column_name).toBe('Chg%');
    expect(rows(priced)).toEqual([
      ['BHP', '+10.00%'],
      ['CBA', '+1.00%'],
    ]);
    expect(rows(gaps)).toEqual([
      ['BHP', '+5.00%'],
      ['PLS', '+5.00%'],
      ['CBA', '+1.00%'],
    ]);
    expect((all.contracts as Record<string, unknown>[])[0]).toMatchObject({
      con_id: 39_457_601,
      listing_exchange: 'ASX',
      sec_type: 'STK',
    });
  });

  it('refuses scan types, locations and filters that the params document does not list', async () => {
    const client = await simulator();
    const refused = [
      { ...GAINERS, type: 'NOPE' },
      { ...GAINERS, location: 'STK.US.MAJOR' },
      { ...GAINERS, filter: [{ code: 'marketCapAbove', value: 1 }] },
    ];
    for (const body of refused) {
      expect((await client.api('POST', '/iserver/scanner/run', body)).status).toBe(400);
    }
    expect(list(await client.api('GET', '/iserver/secdef/search?symbol=PLS')).length).toBe(1);
  });
});
