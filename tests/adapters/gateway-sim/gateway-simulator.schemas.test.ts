import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  accountSummarySchema,
  positionsPageSchema,
} from '../../../src/adapters/clientportal/schemas/portfolio.schema.js';
import {
  iserverAccountsSchema,
  portfolioAccountsSchema,
} from '../../../src/adapters/clientportal/schemas/accounts.schema.js';
import { contractInfoSchema, secdefSearchSchema } from '../../../src/adapters/clientportal/schemas/contracts.schema.js';
import { historySchema, snapshotSchema } from '../../../src/adapters/clientportal/schemas/market-data.schema.js';
import {
  cancelAnswerSchema,
  liveOrdersSchema,
  orderAnswerSchema,
  orderStatusSchema,
  tradesSchema,
} from '../../../src/adapters/clientportal/schemas/orders.schema.js';
import {
  authStatusSchema,
  reauthenticateSchema,
  tickleSchema,
} from '../../../src/adapters/clientportal/schemas/session.schema.js';
import { bar, flat, list, useSimulator, type Answer } from './sim-client.js';

const BHP = 4_036_818;
const ORDERS = '/iserver/account/DU1234567/orders';

/** The Client Portal adapter's schemas follow the real gateway's documented shapes: the simulator must fit them. */
function fits(schema: z.ZodType, answer: Answer): void {
  expect(answer.status).toBe(200);
  const result = schema.safeParse(answer.body);
  expect(result.success ? [] : result.error.issues).toEqual([]);
}

describe('gateway simulator payloads against the Client Portal schemas', () => {
  const simulator = useSimulator();

  it('fit the session, account and contract schemas', async () => {
    const client = await simulator();
    fits(authStatusSchema, await client.api('GET', '/iserver/auth/status'));
    fits(tickleSchema, await client.api('POST', '/tickle'));
    fits(reauthenticateSchema, await client.api('POST', '/iserver/reauthenticate'));
    fits(iserverAccountsSchema, await client.api('GET', '/iserver/accounts'));
    fits(portfolioAccountsSchema, await client.api('GET', '/portfolio/accounts'));
    fits(secdefSearchSchema, await client.api('GET', '/iserver/secdef/search?symbol=BHP&secType=STK'));
    fits(secdefSearchSchema, await client.api('GET', '/iserver/secdef/search?symbol=ZZZZ&secType=STK'));
    fits(contractInfoSchema, await client.api('GET', `/iserver/contract/${BHP}/info`));
  });

  it('fit the market-data schemas, before and after the pre-flight', async () => {
    const client = await simulator();
    client.sim.market.publishBar('BHP', bar(0, '45.00', '45.50', '44.80', '45.20'));
    const snapshot = `/iserver/marketdata/snapshot?conids=${BHP},4036830&fields=31,55,70,71,84,86,87,7762,7295,7296,7741,6509`;
    fits(snapshotSchema, await client.api('GET', snapshot));
    fits(snapshotSchema, await client.api('GET', snapshot));
    fits(historySchema, await client.api('GET', `/iserver/marketdata/history?conid=${BHP}&period=1d&bar=1min`));
  });

  it('fit the order, trade and portfolio schemas through a whole order life', async () => {
    const client = await simulator();
    await client.readAccounts();
    client.sim.market.publishBar('BHP', flat(0, '45.00'));

    const question = await client.api('POST', ORDERS, {
      orders: [{ conid: BHP, cOID: 'buy-1', orderType: 'MKT', side: 'BUY', quantity: 100, tif: 'DAY' }],
    });
    fits(orderAnswerSchema, question);
    const placed = await client.api('POST', `/iserver/reply/${String(list(question)[0]?.id)}`, { confirmed: true });
    fits(orderAnswerSchema, placed);
    fits(
      orderAnswerSchema,
      await client.api('POST', ORDERS, {
        orders: [{ conid: BHP, cOID: 'buy-1', orderType: 'MKT', side: 'BUY', quantity: 1 }],
      }),
    );
    client.sim.market.publishBar('BHP', flat(1, '45.10'));
    const stop = await client.api('POST', ORDERS, {
      orders: [{ conid: BHP, cOID: 'stop-1', orderType: 'STP', side: 'SELL', quantity: 100, price: 40, tif: 'GTC' }],
    });
    fits(orderAnswerSchema, stop);

    await client.api('GET', '/iserver/account/orders');
    fits(liveOrdersSchema, await client.api('GET', '/iserver/account/orders'));
    fits(orderStatusSchema, await client.api('GET', '/iserver/account/order/status/1000001'));
    fits(cancelAnswerSchema, await client.api('DELETE', '/iserver/account/DU1234567/order/1000002'));
    fits(orderStatusSchema, await client.api('GET', '/iserver/account/order/status/1000002'));
    fits(tradesSchema, await client.api('GET', '/iserver/account/trades?days=1'));
    await client.api('POST', '/portfolio/DU1234567/positions/invalidate');
    fits(positionsPageSchema, await client.api('GET', '/portfolio/DU1234567/positions/0'));
    fits(accountSummarySchema, await client.api('GET', '/portfolio/DU1234567/summary'));
  });
});
