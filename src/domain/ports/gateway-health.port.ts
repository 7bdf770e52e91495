import type { EpochMs } from '../values/time.js';

export interface GatewayHealthStatus {
  /** The process keeping the gateway logged in (IBeam) answers. */
  readonly ibeamAlive: boolean;
  readonly gatewayAuthenticated: boolean;
  readonly competing: boolean;
  readonly checkedAt: EpochMs;
  readonly message: string;
}

export interface GatewayHealth {
  check(): Promise<GatewayHealthStatus>;
}
