import type { GatewaySimulator } from '../../adapters/gateway-sim/gateway-simulator.js';
import type { ReplayListener } from '../../application/replay/market-replay.js';
import type { EpochMs } from '../../domain/values/time.js';
import type { FaultInjector } from './fault-injector.js';
import type { RequestTape } from './request-tape.js';
import type { PositionSample } from './run-evidence.js';

/** At every settled replay step: strike the faults that are due, copy the request log, note the broker's positions. */
export class RunWatch implements ReplayListener {
  private readonly samples: PositionSample[] = [];

  constructor(
    private readonly simulator: GatewaySimulator,
    private readonly injector: FaultInjector,
    readonly tape: RequestTape,
  ) {}

  settledAt(at: EpochMs): void {
    this.tape.catchUp();
    this.samples.push({ at, positions: this.simulator.exchange.positions() });
    this.injector.reached(at);
  }

  positionSamples(): readonly PositionSample[] {
    return this.samples;
  }

  get faultsInjected(): number {
    return this.injector.injected;
  }
}
