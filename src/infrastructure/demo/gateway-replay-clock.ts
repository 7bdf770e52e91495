import type { DrivenClock } from '../../application/replay/replay.ports.js';
import type { ManualClock } from '../../adapters/clock/manual.clock.js';
import type { SimulatorMarket } from '../../adapters/gateway-sim/market/simulator-market.js';
import type { EpochMs } from '../../domain/values/time.js';

/**
 * Skim's manual clock and the gateway simulator's replay time moved as one: the gateway is told first, so
 * that when Skim wakes and asks, the gateway already lives at the same instant.
 */
export class GatewayReplayClock implements DrivenClock {
  constructor(
    private readonly clock: ManualClock,
    private readonly gateway: SimulatorMarket,
  ) {}

  now(): EpochMs {
    return this.clock.now();
  }

  set(at: EpochMs): void {
    this.gateway.advanceTo(at);
    this.clock.set(at);
  }

  nextWakeUp(): EpochMs | undefined {
    return this.clock.nextWakeUp();
  }
}
