import type { Clock } from '../../domain/ports/clock.port.js';
import type { EpochMs } from '../../domain/values/time.js';
import type { PacingLimits } from './clientportal.config.js';
import { ConcurrencyGate } from './concurrency-gate.js';
import type { GatewayRequest } from './http-transport.js';
import { RateGate } from './rate-gate.js';

/** Endpoints with a limit of their own on top of the global one. */
export type PacedEndpoint =
  'snapshot' | 'live-orders' | 'trades' | 'portfolio-accounts' | 'tickle' | 'scanner-run' | 'history' | 'other';

export type Release = () => void;

/** Which limit a request falls under. */
export function pacedEndpointOf(request: Pick<GatewayRequest, 'method' | 'path'>): PacedEndpoint {
  const path = request.path.split('?')[0] ?? '';
  if (path === '/iserver/marketdata/snapshot') return 'snapshot';
  if (path === '/iserver/marketdata/history') return 'history';
  if (path === '/iserver/account/orders' && request.method === 'GET') return 'live-orders';
  if (/^\/iserver\/account\/trades\/?$/.test(path)) return 'trades';
  if (path === '/portfolio/accounts' || path === '/portfolio/subaccounts') return 'portfolio-accounts';
  if (path === '/tickle') return 'tickle';
  if (path === '/iserver/scanner/run') return 'scanner-run';
  return 'other';
}

/**
 * Keeps Skim inside the gateway's pacing limits by waiting (on the injected clock) rather than sending
 * early. After a 429 every request pauses for a backoff that doubles per consecutive 429, is capped, and is
 * jittered so that restarts do not fall into step.
 */
export class Pacer {
  private readonly global: RateGate;
  private readonly endpointGates: ReadonlyMap<PacedEndpoint, RateGate>;
  private readonly history: ConcurrencyGate;
  private pausedUntil: EpochMs = Number.NEGATIVE_INFINITY;
  private consecutiveRateLimits = 0;

  constructor(
    private readonly limits: PacingLimits,
    private readonly clock: Clock,
    private readonly random: () => number,
  ) {
    this.global = new RateGate(limits.global);
    this.endpointGates = new Map<PacedEndpoint, RateGate>([
      ['snapshot', new RateGate(limits.snapshot)],
      ['live-orders', new RateGate(limits.liveOrders)],
      ['trades', new RateGate(limits.trades)],
      ['portfolio-accounts', new RateGate(limits.portfolioAccounts)],
      ['tickle', new RateGate(limits.tickle)],
      ['scanner-run', new RateGate(limits.scannerRun)],
    ]);
    this.history = new ConcurrencyGate(limits.historyInFlight);
  }

  /** Resolves when a request to `endpoint` may be sent; call the returned release once it has finished. */
  async acquire(endpoint: PacedEndpoint): Promise<Release> {
    const concurrent = endpoint === 'history' ? this.history : undefined;
    await concurrent?.enter();
    try {
      await this.waitForTokens(endpoint);
    } catch (error) {
      concurrent?.leave();
      throw error;
    }
    return concurrent === undefined
      ? noRelease
      : once(() => {
          concurrent.leave();
        });
  }

  /** Records a 429: pauses every request for the returned number of milliseconds. */
  rateLimited(retryAfterMs?: number): number {
    this.consecutiveRateLimits += 1;
    const pause = Math.max(this.backoffDelay(this.consecutiveRateLimits), retryAfterMs ?? 0);
    this.pausedUntil = Math.max(this.pausedUntil, this.clock.now() + pause);
    return pause;
  }

  succeeded(): void {
    this.consecutiveRateLimits = 0;
  }

  /** Jittered exponential backoff for the `attempt`-th consecutive failure (1-based), within the cap. */
  backoffDelay(attempt: number): number {
    const ceiling = Math.min(this.limits.backoffMaxMs, this.limits.backoffBaseMs * 2 ** Math.max(0, attempt - 1));
    return Math.round(ceiling * (0.5 + 0.5 * this.random()));
  }

  private async waitForTokens(endpoint: PacedEndpoint): Promise<void> {
    const gates = [this.global, this.endpointGates.get(endpoint)].filter((gate) => gate !== undefined);
    for (;;) {
      const now = this.clock.now();
      const at = Math.max(this.pausedUntil, ...gates.map((gate) => gate.earliestStart(now)));
      if (at <= now) {
        // Checked and taken with no await in between, so concurrent callers cannot both pass.
        for (const gate of gates) gate.take(now);
        return;
      }
      await this.clock.sleepUntil(Math.ceil(at));
    }
  }
}

function noRelease(): void {
  // Nothing held.
}

function once(release: Release): Release {
  let done = false;
  return () => {
    if (done) return;
    done = true;
    release();
  };
}
