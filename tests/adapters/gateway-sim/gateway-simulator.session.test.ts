import { describe, expect, it } from 'vitest';
import { startGatewaySimulator } from '../../../src/adapters/gateway-sim/gateway-simulator.js';
import { InvalidValue } from '../../../src/domain/errors/invalid-value.error.js';
import { record, testTls, useSimulator } from './sim-client.js';

describe('gateway simulator: session', () => {
  const simulator = useSimulator();

  it('listens on 127.0.0.1 only', async () => {
    await expect(startGatewaySimulator({ host: '0.0.0.0', tls: await testTls() })).rejects.toBeInstanceOf(InvalidValue);
    const client = await simulator();
    expect(new URL(client.sim.url).hostname).toBe('127.0.0.1');
    expect(new URL(client.sim.healthUrl).protocol).toBe('http:');
  });

  it('serves HTTPS with a self-signed certificate for 127.0.0.1', async () => {
    const client = await simulator();
    expect(client.sim.url.startsWith('https://')).toBe(true);
    expect(client.sim.certificate).toContain('BEGIN CERTIFICATE');
  });

  it('reports an authenticated session, also nested in /tickle', async () => {
    const client = await simulator();

    const status = await client.api('GET', '/iserver/auth/status');
    const tickle = await client.api('POST', '/tickle');

    expect(status.status).toBe(200);
    expect(status.body).toMatchObject({ authenticated: true, competing: false, connected: true });
    expect(record(tickle).session).toMatch(/^[0-9a-f]{32}$/);
    expect(tickle.body).toMatchObject({ iserver: { authStatus: { authenticated: true } }, collission: false });
  });

  it('answers 401 on /iserver and /portfolio paths while the session is expired, until reauthenticated', async () => {
    const client = await simulator();
    client.sim.faults.expireSession();

    expect((await client.api('GET', '/iserver/accounts')).status).toBe(401);
    expect((await client.api('GET', '/portfolio/accounts')).status).toBe(401);
    expect((await client.api('GET', '/iserver/auth/status')).body).toMatchObject({ authenticated: false });
    expect((await client.api('POST', '/iserver/reauthenticate')).body).toEqual({ message: 'triggered' });
    expect((await client.api('GET', '/iserver/auth/status')).body).toMatchObject({ authenticated: true });
    expect((await client.api('GET', '/iserver/accounts')).status).toBe(200);
  });

  it('stays unauthenticated when reauthentication is made to fail', async () => {
    const client = await simulator({ faults: { sessionExpired: true, reauthenticationFails: true } });

    await client.api('POST', '/iserver/reauthenticate');

    expect((await client.api('GET', '/iserver/auth/status')).body).toMatchObject({ authenticated: false });
    expect((await client.api('GET', '/iserver/accounts')).status).toBe(401);
  });

  it('reports a competing session, which reauthentication does not clear but ssodh/init with compete does', async () => {
    const client = await simulator({ faults: { competingSession: true } });

    await client.api('POST', '/iserver/reauthenticate');
    expect((await client.api('GET', '/iserver/auth/status')).body).toMatchObject({
      authenticated: false,
      competing: true,
    });
    expect((await client.api('GET', '/iserver/marketdata/snapshot?conids=4036818')).status).toBe(401);
    expect((await client.api('POST', '/iserver/scanner/run', {})).body).toEqual({ error: 'EMPTY response' });

    await client.api('POST', '/iserver/auth/ssodh/init', { publish: true, compete: true });
    expect((await client.api('GET', '/iserver/auth/status')).body).toMatchObject({
      authenticated: true,
      competing: false,
    });
  });

  it('refuses everything after a logout until a new login', async () => {
    const client = await simulator();

    expect((await client.api('POST', '/logout')).body).toEqual({ status: true });
    expect((await client.api('GET', '/iserver/auth/status')).status).toBe(401);
    expect((await client.api('POST', '/tickle')).status).toBe(401);
    await client.api('POST', '/iserver/reauthenticate');
    expect((await client.admin('POST', '/sim/session/login')).body).toMatchObject({ authenticated: true });
    expect((await client.api('GET', '/iserver/auth/status')).body).toMatchObject({ authenticated: true });
  });

  it('validates the SSO session', async () => {
    const client = await simulator();
    const answer = await client.api('GET', '/sso/validate');
    expect(answer.body).toMatchObject({ RESULT: true, USER_NAME: 'skimpaper' });
    expect(record(answer).EXPIRES).toBeGreaterThan(0);
  });

  it('expires an idle session', async () => {
    const client = await simulator({ sessionIdleTimeoutMs: 5 * 60_000 });
    expect((await client.api('GET', '/iserver/auth/status')).body).toMatchObject({ authenticated: true });

    client.sim.market.advanceTo(client.sim.now() + 6 * 60_000);

    expect((await client.api('GET', '/iserver/auth/status')).body).toMatchObject({ authenticated: false });
  });

  it('answers IBeam health: /livez always, /readyz only while authenticated', async () => {
    const client = await simulator();
    expect(await client.health('/livez')).toEqual({ status: 200, body: { status: 'alive' } });
    expect((await client.health('/readyz')).status).toBe(200);

    client.sim.faults.expireSession();

    expect((await client.health('/livez')).status).toBe(200);
    expect((await client.health('/readyz')).status).toBe(503);
  });

  it('needs the account lists read before account and portfolio calls', async () => {
    const client = await simulator();

    const early = await client.api('GET', '/iserver/account/orders');
    const earlyPortfolio = await client.api('GET', '/portfolio/DU1234567/summary');
    await client.readAccounts();

    expect(early).toEqual({ status: 400, body: { error: 'Please query /iserver/accounts first' } });
    expect(earlyPortfolio.status).toBe(400);
    expect((await client.api('GET', '/portfolio/DU1234567/summary')).status).toBe(200);
  });

  it('lists the paper account on both account endpoints', async () => {
    const client = await simulator({ accountId: 'DU7654321' });

    const iserver = await client.api('GET', '/iserver/accounts');
    const portfolio = await client.api('GET', '/portfolio/accounts');

    expect(iserver.body).toMatchObject({ accounts: ['DU7654321'], selectedAccount: 'DU7654321', isPaper: true });
    expect(portfolio.body).toMatchObject([{ id: 'DU7654321', accountId: 'DU7654321', currency: 'AUD', type: 'DEMO' }]);
  });
});
