import { Agent, type Dispatcher } from 'undici';
import { InvalidValue } from '../../domain/errors/invalid-value.error.js';
import type { Clock } from '../../domain/ports/clock.port.js';
import type { GatewayHealth, GatewayHealthStatus } from '../../domain/ports/gateway-health.port.js';
import type { GatewayAuthReport } from '../clientportal/clientportal.gateway-status.js';
import { healthMessage } from './health-message.js';
import { probe } from './ibeam-probe.js';

/** Where IBeam's health server is and how long to wait for it (Skim's `ibeam` settings). */
export interface IbeamHealthConfig {
  /** Plain HTTP, e.g. `http://ibeam:5001` (IBEAM_HEALTH_SERVER_PORT). */
  readonly healthUrl: string;
  /** Per request, connection to last byte. */
  readonly timeoutMs: number;
}

/** The gateway's own view of its session; ClientPortalGatewayStatus provides it over the broker's connection. */
export interface GatewayAuthSource {
  check(): Promise<GatewayAuthReport>;
}

export interface IbeamHealthDeps {
  readonly gatewayStatus: GatewayAuthSource;
  readonly clock: Clock;
  /** undici dispatcher to send through; tests pass a MockAgent. Without one, a small Agent of its own. */
  readonly dispatcher?: Dispatcher;
}

/**
 * Gateway health as IBeam and the gateway see it: IBeam's `/livez` and `/readyz` (short timeouts)
 * plus the gateway's `/iserver/auth/status`. Whether the session can trade is the gateway's word; IBeam's
 * endpoints say whether the keeper is there to bring it back. Nothing here throws: trouble is a status.
 */
export class IbeamGatewayHealth implements GatewayHealth {
  private readonly base: string;
  private readonly dispatcher: Dispatcher;
  private readonly owned: Agent | undefined;

  constructor(
    private readonly config: IbeamHealthConfig,
    private readonly deps: IbeamHealthDeps,
  ) {
    this.base = healthBase(config.healthUrl);
    if (!(Number.isSafeInteger(config.timeoutMs) && config.timeoutMs > 0)) {
      throw new InvalidValue('ibeam.timeoutMs', config.timeoutMs, 'expected a positive whole number of milliseconds');
    }
    if (deps.dispatcher === undefined) {
      this.owned = new Agent({ connect: { timeout: config.timeoutMs }, keepAliveTimeout: 1_000 });
      this.dispatcher = this.owned;
    } else {
      this.owned = undefined;
      this.dispatcher = deps.dispatcher;
    }
  }

  async check(): Promise<GatewayHealthStatus> {
    const { timeoutMs } = this.config;
    const [live, ready, gateway] = await Promise.all([
      probe(`${this.base}/livez`, this.dispatcher, timeoutMs),
      probe(`${this.base}/readyz`, this.dispatcher, timeoutMs),
      this.gatewayReport(),
    ]);
    return {
      ibeamAlive: live.answered && live.status === 200,
      gatewayAuthenticated: gateway.gatewayAuthenticated && !gateway.competing,
      competing: gateway.competing,
      checkedAt: this.deps.clock.now(),
      message: healthMessage({ healthUrl: this.base, live, ready, gateway }),
    };
  }

  /** Closes the connection pool this adapter opened; an injected dispatcher belongs to whoever passed it. */
  async close(): Promise<void> {
    await this.owned?.close();
  }

  private async gatewayReport(): Promise<GatewayAuthReport> {
    try {
      return await this.deps.gatewayStatus.check();
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return { gatewayAuthenticated: false, competing: false, message: `auth status unavailable: ${message}` };
    }
  }
}

function healthBase(healthUrl: string): string {
  let url: URL;
  try {
    url = new URL(healthUrl);
  } catch {
    throw new InvalidValue('ibeam.healthUrl', healthUrl, 'not a URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new InvalidValue(
      'ibeam.healthUrl',
      healthUrl,
      'expected http:// (IBeam serves its health endpoints in plain HTTP)',
    );
  }
  return healthUrl.replace(/\/+$/, '');
}
