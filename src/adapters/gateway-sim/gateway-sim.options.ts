import { IBKR_ASX_FIXED, type CommissionSchedule } from '../../domain/costs/commission.js';
import { InvalidValue } from '../../domain/errors/invalid-value.error.js';
import { dollars, type Money } from '../../domain/values/money.js';
import type { EpochMs } from '../../domain/values/time.js';
import { DEFAULT_LISTINGS, type Listing } from './market/listings.js';
import type { FaultPlan } from './faults/fault-plan.js';
import type { QuestionPolicy } from './orders/question-policy.js';
import type { PacingRules } from './session/pacing-rules.js';

/** A PEM key and certificate, e.g. to reuse one across many simulators in a test run. */
export interface TlsMaterial {
  readonly key: string;
  readonly cert: string;
}

export interface GatewaySimulatorOptions {
  /** Only 127.0.0.1 is accepted: the simulator hands out a trading session to whoever connects. */
  readonly host?: string;
  /** HTTPS port of the gateway; 0 (the default) picks a free one. */
  readonly port?: number;
  /** Plain-HTTP port of the IBeam-style health server; 0 (the default) picks a free one. */
  readonly healthPort?: number;
  /** Key and certificate to serve; by default a fresh self-signed pair is made with openssl at start. */
  readonly tls?: TlsMaterial;
  /** The paper account; must be one id. Defaults to DU1234567. */
  readonly accountId?: string;
  readonly startingCash?: Money;
  readonly commission?: CommissionSchedule;
  readonly seed?: number;
  readonly slippageBps?: number;
  readonly maxVolumeParticipation?: number;
  /** Instruments known to the contract search; only ASX ones trade. Defaults to a small ASX list plus BHP's NYSE ADR. */
  readonly listings?: readonly Listing[];
  /**
   * Replays a past session: "now" starts here and moves only with published market data (bar completions,
   * quotes, the end of the day) and `POST /sim/clock`. Without it the simulator follows the system clock.
   */
  readonly replayFrom?: EpochMs;
  /** Whether field 6509 reports real-time (`R`) or delayed (`D`) data. */
  readonly marketData?: 'realtime' | 'delayed';
  /** Confirmation questions asked before orders are accepted. */
  readonly questions?: Partial<QuestionPolicy>;
  /** `/iserver/account/*` needs `/iserver/accounts` first, `/portfolio/*` needs `/portfolio/accounts` (as the gateway). */
  readonly requireAccountsFirst?: boolean;
  /** The first live-orders request after login answers an empty list, as the gateway often does. */
  readonly emptyFirstLiveOrders?: boolean;
  /** Rows per page of `/portfolio/{acct}/positions/{page}`. */
  readonly positionsPageSize?: number;
  /** Session dies after this long (simulator time) without any request; never when absent. */
  readonly sessionIdleTimeoutMs?: number;
  /** The gateway's pacing limits, enforced with HTTP 429 when `faults.enforcePacing` is on. */
  readonly pacing?: Partial<PacingRules>;
  /** Faults active from the start; all can also be switched at run time. */
  readonly faults?: FaultPlan;
}

/** Options with every default filled in; only the ones without a default stay optional. */
export type ResolvedSimulatorOptions = Required<
  Omit<GatewaySimulatorOptions, 'tls' | 'replayFrom' | 'sessionIdleTimeoutMs'>
> &
  Pick<GatewaySimulatorOptions, 'tls' | 'replayFrom' | 'sessionIdleTimeoutMs'>;

export const SIMULATOR_HOST = '127.0.0.1';

export function resolveSimulatorOptions(options: GatewaySimulatorOptions): ResolvedSimulatorOptions {
  const host = options.host ?? SIMULATOR_HOST;
  if (host !== SIMULATOR_HOST) {
    throw new InvalidValue('gateway simulator host', host, `the simulator listens on ${SIMULATOR_HOST} only`);
  }
  const resolved: ResolvedSimulatorOptions = {
    host,
    port: options.port ?? 0,
    healthPort: options.healthPort ?? 0,
    tls: options.tls,
    accountId: options.accountId ?? 'DU1234567',
    startingCash: options.startingCash ?? dollars(100_000),
    commission: options.commission ?? IBKR_ASX_FIXED,
    seed: options.seed ?? 1,
    slippageBps: options.slippageBps ?? 0,
    maxVolumeParticipation: options.maxVolumeParticipation ?? 1,
    listings: options.listings ?? DEFAULT_LISTINGS,
    replayFrom: options.replayFrom,
    marketData: options.marketData ?? 'realtime',
    questions: options.questions ?? {},
    requireAccountsFirst: options.requireAccountsFirst ?? true,
    emptyFirstLiveOrders: options.emptyFirstLiveOrders ?? true,
    positionsPageSize: options.positionsPageSize ?? 100,
    sessionIdleTimeoutMs: options.sessionIdleTimeoutMs,
    pacing: options.pacing ?? {},
    faults: options.faults ?? {},
  };
  checkPort('port', resolved.port);
  checkPort('healthPort', resolved.healthPort);
  if (!/^[A-Z]{1,3}\d+$/.test(resolved.accountId)) {
    throw new InvalidValue('accountId', resolved.accountId, 'expected an IBKR account id such as DU1234567');
  }
  if (!(Number.isSafeInteger(resolved.positionsPageSize) && resolved.positionsPageSize > 0)) {
    throw new InvalidValue('positionsPageSize', resolved.positionsPageSize, 'expected a positive whole number');
  }
  const idle = resolved.sessionIdleTimeoutMs;
  if (idle !== undefined && !(idle > 0)) throw new InvalidValue('sessionIdleTimeoutMs', idle, 'expected > 0');
  return resolved;
}

function checkPort(name: string, port: number): void {
  if (!(Number.isSafeInteger(port) && port >= 0 && port <= 65_535)) {
    throw new InvalidValue(name, port, 'expected a TCP port 0-65535 (0 picks a free one)');
  }
}
