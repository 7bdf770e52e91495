import { MockAgent } from 'undici';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { GatewayAuthReport } from '../../../src/adapters/clientportal/clientportal.gateway-status.js';
import { ManualClock } from '../../../src/adapters/clock/manual.clock.js';
import { IbeamGatewayHealth } from '../../../src/adapters/ibeam/ibeam.gateway-health.js';
import { InvalidValue } from '../../../src/domain/errors/invalid-value.error.js';

const HEALTH = 'http://ibeam:5001';
const NOW = Date.UTC(2025, 0, 13, 23, 0);
const AUTHENTICATED: GatewayAuthReport = { gatewayAuthenticated: true, competing: false, message: 'authenticated' };

describe('IbeamGatewayHealth', () => {
  let agent: MockAgent;
  const clock = new ManualClock(NOW);

  beforeEach(() => {
    agent = new MockAgent();
    agent.disableNetConnect();
  });

  afterEach(async () => {
    await agent.close();
  });

  const health = (report: GatewayAuthReport | Error = AUTHENTICATED, timeoutMs = 1_000) =>
    new IbeamGatewayHealth(
      { healthUrl: `${HEALTH}/`, timeoutMs },
      {
        clock,
        dispatcher: agent,
        gatewayStatus: { check: () => (report instanceof Error ? Promise.reject(report) : Promise.resolve(report)) },
      },
    );
  const ibeamAnswers = (livez: number, readyz: number) => {
    const pool = agent.get(HEALTH);
    pool.intercept({ path: '/livez', method: 'GET' }).reply(livez, { status: 'x' });
    pool.intercept({ path: '/readyz', method: 'GET' }).reply(readyz, { status: 'x' });
  };

  it('reports a running IBeam and an authenticated gateway, checked at the clock’s time', async () => {
    ibeamAnswers(200, 200);

    await expect(health().check()).resolves.toEqual({
      ibeamAlive: true,
      gatewayAuthenticated: true,
      competing: false,
      checkedAt: NOW,
      message: 'IBeam is running and the gateway session is authenticated',
    });
  });

  it('reports an unauthenticated gateway with what to do about it', async () => {
    ibeamAnswers(200, 503);

    const status = await health({ gatewayAuthenticated: false, competing: false, message: 'session expired' }).check();

    expect(status).toMatchObject({ ibeamAlive: true, gatewayAuthenticated: false, competing: false });
    expect(status.message).toMatch(/gateway not authenticated \(session expired\).*IBKR Mobile/);
  });

  it('reports a competing login as competing and not authenticated', async () => {
    ibeamAnswers(200, 503);

    const status = await health({ gatewayAuthenticated: true, competing: true, message: 'other login' }).check();

    expect(status).toMatchObject({ gatewayAuthenticated: false, competing: true });
    expect(status.message).toMatch(/another login holds the IBKR session/);
  });

  it('mentions IBeam not ready yet while the gateway already says authenticated', async () => {
    ibeamAnswers(200, 503);
    const status = await health().check();
    expect(status).toMatchObject({ ibeamAlive: true, gatewayAuthenticated: true });
    expect(status.message).toMatch(/HTTP 503 on \/readyz/);
  });

  it('reports IBeam down, without throwing, when its health server refuses connections', async () => {
    const pool = agent.get(HEALTH);
    const refused = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
    pool.intercept({ path: '/livez', method: 'GET' }).replyWithError(refused);
    pool.intercept({ path: '/readyz', method: 'GET' }).replyWithError(refused);

    const status = await health().check();

    expect(status.ibeamAlive).toBe(false);
    expect(status.message).toMatch(/IBeam health server at http:\/\/ibeam:5001 did not answer \(connection refused\)/);
  });

  it('reports IBeam shutting down when /livez answers 500', async () => {
    ibeamAnswers(500, 503);
    const status = await health().check();
    expect(status.ibeamAlive).toBe(false);
    expect(status.message).toMatch(/HTTP 500 on \/livez/);
  });

  it('gives up on a health server slower than the timeout', async () => {
    const pool = agent.get(HEALTH);
    pool.intercept({ path: '/livez', method: 'GET' }).reply(200, {}).delay(2_000);
    pool.intercept({ path: '/readyz', method: 'GET' }).reply(200, {}).delay(2_000);

    const status = await health(AUTHENTICATED, 50).check();

    expect(status.ibeamAlive).toBe(false);
    expect(status.message).toMatch(/no answer within 50 ms/);
  });

  it('reports a gateway whose auth status cannot be read as not authenticated', async () => {
    ibeamAnswers(200, 200);
    const status = await health(new Error('socket hang up')).check();
    expect(status).toMatchObject({ ibeamAlive: true, gatewayAuthenticated: false });
    expect(status.message).toMatch(/auth status unavailable: socket hang up/);
  });

  it('refuses a health URL that is not http(s) or a timeout that is not positive', () => {
    const deps = { clock, dispatcher: agent, gatewayStatus: { check: () => Promise.resolve(AUTHENTICATED) } };
    expect(() => new IbeamGatewayHealth({ healthUrl: 'ibeam:5001', timeoutMs: 100 }, deps)).toThrow(InvalidValue);
    expect(() => new IbeamGatewayHealth({ healthUrl: 'ftp://ibeam', timeoutMs: 100 }, deps)).toThrow(InvalidValue);
    expect(() => new IbeamGatewayHealth({ healthUrl: HEALTH, timeoutMs: 0 }, deps)).toThrow(InvalidValue);
  });
});
