import { describe, expect, it } from 'vitest';
import { list, record, useSimulator } from './sim-client.js';

describe('gateway simulator: contracts', () => {
  const simulator = useSimulator();

  it('finds BHP on NYSE before the ASX listing, with conids as strings', async () => {
    const client = await simulator();

    const matches = list(await client.api('GET', '/iserver/secdef/search?symbol=BHP&secType=STK'));

    expect(matches.map((match) => match.description)).toEqual(['NYSE', 'ASX']);
    expect(matches[1]).toMatchObject({ conid: '4036818', symbol: 'BHP', companyHeader: 'BHP GROUP LTD - ASX' });
    expect(matches[1]?.sections).toEqual([{ secType: 'STK' }]);
  });

  it('answers the older POST search the same way', async () => {
    const client = await simulator();
    const viaPost = await client.api('POST', '/iserver/secdef/search', { symbol: 'BHP', name: false, secType: 'STK' });
    const viaGet = await client.api('GET', '/iserver/secdef/search?symbol=BHP&secType=STK');
    expect(viaPost.body).toEqual(viaGet.body);
  });

  it('searches by company name when asked', async () => {
    const client = await simulator();
    const matches = list(await client.api('GET', '/iserver/secdef/search?symbol=westpac&name=true'));
    expect(matches.map((match) => match.symbol)).toEqual(['WBC']);
  });

  it('reports an unknown symbol as an error', async () => {
    const client = await simulator();
    expect(await client.api('GET', '/iserver/secdef/search?symbol=ZZZZ')).toEqual({
      status: 200,
      body: { error: 'No symbol found' },
    });
  });

  it('describes a contract by conid', async () => {
    const client = await simulator();

    const asx = record(await client.api('GET', '/iserver/contract/4036818/info'));
    const nyse = record(await client.api('GET', '/iserver/contract/4036812/info'));
    const unknown = await client.api('GET', '/iserver/contract/1/info');

    expect(asx).toMatchObject({
      con_id: 4036818,
      symbol: 'BHP',
      exchange: 'ASX',
      currency: 'AUD',
      instrument_type: 'STK',
    });
    expect(nyse).toMatchObject({ exchange: 'NYSE', currency: 'USD' });
    expect(unknown.status).toBe(400);
  });

  it('lists every listing of a symbol in /trsrv/stocks', async () => {
    const client = await simulator();

    const body = record(await client.api('GET', '/trsrv/stocks?symbols=BHP,CBA,ZZZZ'));

    expect(body.BHP).toEqual([
      {
        name: 'BHP GROUP LTD-SPON ADR',
        chineseName: null,
        assetClass: 'STK',
        contracts: [
          { conid: 4036812, exchange: 'NYSE', isUS: true },
          { conid: 4036818, exchange: 'ASX', isUS: false },
        ],
      },
    ]);
    expect(body.CBA).toHaveLength(1);
    expect(body.ZZZZ).toEqual([]);
  });
});
