import { errors } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_PACING } from '../../../src/adapters/clientportal/clientportal.config.js';
import { ClientPortalGatewayStatus } from '../../../src/adapters/clientportal/clientportal.gateway-status.js';
import { clientHarness } from './support/broker-harness.js';
import { fixture } from './support/fixtures.js';
import type { MockGateway } from './support/mock-gateway.js';

describe('gateway status report', () => {
  let gateway: MockGateway | undefined;
  afterEach(async () => {
    await gateway?.close();
  });

  function status() {
    const built = clientHarness({ pacing: { ...DEFAULT_PACING, maxReadRetries: 0 } });
    gateway = built.gateway;
    return { gateway: built.gateway, status: new ClientPortalGatewayStatus(built.client) };
  }

  it('reports an authenticated gateway', async () => {
    const { gateway: gw, status: check } = status();
    gw.ok('GET', '/iserver/auth/status', fixture('auth-status-authenticated'));
    await expect(check.check()).resolves.toEqual({
      gatewayAuthenticated: true,
      competing: false,
      message: 'authenticated',
    });
  });

  it("reports a competing session with the gateway's flag", async () => {
    const { gateway: gw, status: check } = status();
    gw.ok('GET', '/iserver/auth/status', fixture('auth-status-competing'));
    await expect(check.check()).resolves.toMatchObject({ gatewayAuthenticated: true, competing: true });
  });

  it('reports a 401 as not authenticated', async () => {
    const { gateway: gw, status: check } = status();
    gw.reply('GET', '/iserver/auth/status', 401);
    await expect(check.check()).resolves.toMatchObject({ gatewayAuthenticated: false, competing: false });
  });

  it('reports a gateway that does not answer instead of throwing', async () => {
    const { gateway: gw, status: check } = status();
    gw.fail('GET', '/iserver/auth/status', new errors.HeadersTimeoutError());
    const report = await check.check();
    expect(report.gatewayAuthenticated).toBe(false);
    expect(report.message).toContain('gateway did not answer');
  });
});
