import { describe, expect, it } from 'vitest';
import { BrokerError } from '../../../src/domain/errors/broker-error.js';
import { LiveAccountRefused } from '../../../src/domain/errors/live-account-refused.error.js';
import { brokersPerTest, type Harness } from './support/broker-harness.js';
import { fixture, listFixture, objectFixture } from './support/fixtures.js';

function scriptAccounts(harness: Harness, accounts: string[], selected = accounts[0]): void {
  const brokerage = { ...objectFixture('iserver-accounts-paper'), accounts, selectedAccount: selected };
  const [template] = listFixture('portfolio-accounts-paper');
  const portfolio = accounts.map((id) => ({ ...template, id, accountId: id, accountVan: id }));
  harness.gateway
    .ok('GET', '/iserver/auth/status', fixture('auth-status-authenticated'))
    .ok('GET', '/iserver/accounts', brokerage)
    .ok('GET', '/portfolio/accounts', portfolio);
}

describe('account selection and the paper guard', () => {
  const brokers = brokersPerTest();

  it('takes the only account when it is a paper account', async () => {
    const harness = brokers.fresh();
    scriptAccounts(harness, ['DU1234567']);
    await expect(harness.broker.connect()).resolves.toEqual({ accountId: 'DU1234567', isPaper: true, currency: 'AUD' });
  });

  it('refuses a live account', async () => {
    const harness = brokers.fresh();
    scriptAccounts(harness, ['U1234567']);
    const failure = harness.broker.connect();
    await expect(failure).rejects.toBeInstanceOf(LiveAccountRefused);
    await expect(failure).rejects.toThrow('U1234567');
  });

  it('accepts a live account only when live trading was explicitly allowed', async () => {
    const harness = brokers.fresh({ allowLive: true });
    scriptAccounts(harness, ['U1234567']);
    await expect(harness.broker.connect()).resolves.toEqual({ accountId: 'U1234567', isPaper: false, currency: 'AUD' });
  });

  it('asks which account to trade when the login holds several, listing them', async () => {
    const harness = brokers.fresh();
    scriptAccounts(harness, ['DU1111111', 'DU2222222']);
    const failure = harness.broker.connect();
    await expect(failure).rejects.toBeInstanceOf(BrokerError);
    await expect(failure).rejects.toThrow('DU1111111, DU2222222');
  });

  it('picks the configured account and makes it the gateway selection', async () => {
    const harness = brokers.fresh({ accountId: 'DU2222222' });
    scriptAccounts(harness, ['DU1111111', 'DU2222222'], 'DU1111111');
    harness.gateway.ok('POST', '/iserver/account', { set: true, acctId: 'DU2222222' });
    await expect(harness.broker.connect()).resolves.toMatchObject({ accountId: 'DU2222222' });
    expect(harness.gateway.calls().at(-1)).toEqual({
      method: 'POST',
      path: '/iserver/account',
      body: { acctId: 'DU2222222' },
    });
  });

  it('names the accounts on offer when the configured one is not among them', async () => {
    const harness = brokers.fresh({ accountId: 'DU9999999' });
    scriptAccounts(harness, ['DU1111111']);
    await expect(harness.broker.connect()).rejects.toThrow("DU9999999 is not among this login's accounts: DU1111111");
  });

  it('applies the paper guard to a configured live account too', async () => {
    const harness = brokers.fresh({ accountId: 'U7654321' });
    scriptAccounts(harness, ['DU1111111', 'U7654321']);
    await expect(harness.broker.connect()).rejects.toBeInstanceOf(LiveAccountRefused);
    expect(harness.gateway.countOf('POST', '/iserver/account')).toBe(0);
  });

  it('refuses account-bound calls before connect', async () => {
    const harness = brokers.fresh();
    await expect(harness.broker.openOrders()).rejects.toThrow('call connect() first');
    expect(harness.gateway.calls()).toEqual([]);
  });
});
