import type { Clock } from '../../domain/ports/clock.port.js';
import type { GatewayHealth, GatewayHealthStatus } from '../../domain/ports/gateway-health.port.js';

/** Health of the in-process simulated exchange: there is no gateway to lose, so it is always up. */
export class SimulatedGatewayHealth implements GatewayHealth {
  constructor(private readonly clock: Clock) {}

  check(): Promise<GatewayHealthStatus> {
    return Promise.resolve({
      ibeamAlive: true,
      gatewayAuthenticated: true,
      competing: false,
      checkedAt: this.clock.now(),
      message: 'simulated exchange (no gateway)',
    });
  }
}
