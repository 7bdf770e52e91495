import { describe, expect, it } from 'vitest';
import { flat, list, record, useSimulator, type SimClient } from './sim-client.js';

const ACCOUNT = '/portfolio/DU1234567';

async function buy(client: SimClient, symbol: string, conid: number, price: string, shares: number): Promise<void> {
  client.sim.market.publishBar(symbol, flat(0, price));
  await client.api('POST', '/iserver/account/DU1234567/orders', {
    orders: [{ conid, cOID: `buy-${symbol}`, orderType: 'MKT', side: 'BUY', quantity: shares, tif: 'DAY' }],
  });
  client.sim.market.publishBar(symbol, flat(1, price));
}

describe('gateway simulator: portfolio', () => {
  const simulator = useSimulator();

  it('pages positions and keeps serving the cached rows until they are invalidated', async () => {
    const client = await simulator({ questions: { marketOrder: null }, positionsPageSize: 1 });
    await client.readAccounts();
    await buy(client, 'BHP', 4_036_818, '45.00', 100);

    const cached = list(await client.api('GET', `${ACCOUNT}/positions/0`));
    await buy(client, 'CBA', 4_036_830, '150.00', 10);
    const stale = list(await client.api('GET', `${ACCOUNT}/positions/1`));
    await client.api('POST', `${ACCOUNT}/positions/invalidate`);
    const pages = [0, 1, 2].map((page) => client.api('GET', `${ACCOUNT}/positions/${page}`));
    const [first, second, third] = (await Promise.all(pages)).map(list);

    expect(cached).toMatchObject([{ conid: 4_036_818, ticker: 'BHP', position: 100, avgPrice: 45, assetClass: 'STK' }]);
    expect(stale).toEqual([]);
    expect(first?.map((row) => row.ticker)).toEqual(['BHP']);
    expect(second).toMatchObject([{ ticker: 'CBA', position: 10, mktPrice: 150, mktValue: 1500, currency: 'AUD' }]);
    expect(third).toEqual([]);
  });

  it('summarises the account in dollars, net of commission', async () => {
    const client = await simulator({ questions: { marketOrder: null } });
    await client.readAccounts();
    await buy(client, 'BHP', 4_036_818, '45.00', 100);

    const summary = record(await client.api('GET', `${ACCOUNT}/summary`));
    const ledger = record(await client.api('GET', `${ACCOUNT}/ledger`));

    expect(summary.totalcashvalue).toMatchObject({ amount: 95_494, currency: 'AUD' });
    expect(summary.netliquidation).toMatchObject({ amount: 99_994 });
    expect(summary.availablefunds).toMatchObject({ amount: 95_494 });
    expect(ledger.BASE).toMatchObject({ cashbalance: 95_494, netliquidationvalue: 99_994, stockmarketvalue: 4_500 });
  });

  it('refuses another account', async () => {
    const client = await simulator();
    await client.readAccounts();
    expect((await client.api('GET', '/portfolio/DU999/summary')).status).toBe(400);
  });
});
