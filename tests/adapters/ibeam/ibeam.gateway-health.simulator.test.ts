import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/adapters/clock/manual.clock.js';
import { IbeamGatewayHealth } from '../../../src/adapters/ibeam/ibeam.gateway-health.js';
import { brokerOverSimulator, type BrokerOverSimulator } from '../gateway-sim/broker-over-simulator.js';

const NOW = Date.UTC(2025, 0, 13, 23, 0);

describe('IbeamGatewayHealth against the gateway simulator', () => {
  const open: { setup: BrokerOverSimulator; health: IbeamGatewayHealth }[] = [];
  afterEach(async () => {
    for (const { setup, health } of open.splice(0)) {
      await health.close();
      await setup.close();
    }
  });

  async function start() {
    const setup = await brokerOverSimulator({ replayFrom: NOW });
    const health = new IbeamGatewayHealth(
      { healthUrl: setup.sim.healthUrl, timeoutMs: 2_000 },
      { gatewayStatus: setup.broker.gatewayStatus(), clock: new ManualClock(NOW) },
    );
    open.push({ setup, health });
    return { setup, health };
  }

  it('follows the session from healthy to expired to competing, reading the real health port', async () => {
    const { setup, health } = await start();

    const healthy = await health.check();
    setup.sim.faults.expireSession();
    const expired = await health.check();
    setup.sim.faults.competingSession();
    const competing = await health.check();

    expect(healthy).toEqual({
      ibeamAlive: true,
      gatewayAuthenticated: true,
      competing: false,
      checkedAt: NOW,
      message: 'IBeam is running and the gateway session is authenticated',
    });
    expect(expired).toMatchObject({ ibeamAlive: true, gatewayAuthenticated: false, competing: false });
    expect(competing).toMatchObject({ ibeamAlive: true, gatewayAuthenticated: false, competing: true });
  });

  it('reports IBeam and the gateway down, without throwing, once the simulator has stopped', async () => {
    const { setup, health } = await start();
    await setup.sim.close();

    const status = await health.check();

    expect(status).toMatchObject({ ibeamAlive: false, gatewayAuthenticated: false });
    expect(status.message).toMatch(/did not answer \(connection refused\)/);
  });
});
