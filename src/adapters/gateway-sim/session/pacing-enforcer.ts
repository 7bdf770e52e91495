import type { Clock } from '../../../domain/ports/clock.port.js';
import type { EpochMs } from '../../../domain/values/time.js';
import { pacedEndpointOf, type PacingRules, type RateRule } from './pacing-rules.js';

export type PacingVerdict =
  { readonly admitted: true; readonly release: () => void } | { readonly admitted: false; readonly reason: string };

const NOTHING_HELD = (): void => undefined;

/**
 * Refuses with HTTP 429 what the gateway would refuse: more than the global or per-endpoint rate in a
 * sliding window, more history requests in flight than allowed, and everything while in the penalty box.
 * Only admitted requests count against the limits. Runs on the wall clock: pacing is about real time even
 * when the market replays a past session.
 */
export class PacingEnforcer {
  private readonly admittedAt = new Map<string, EpochMs[]>();
  private historyInFlight = 0;
  private refusals: EpochMs[] = [];
  private boxedUntil: EpochMs = Number.NEGATIVE_INFINITY;
  private enabled = false;

  constructor(
    private readonly rules: PacingRules,
    private readonly clock: Clock,
  ) {}

  setEnabled(enabled: boolean): void {
    this.enabled = enabled;
    if (!enabled) this.reset();
  }

  get isEnabled(): boolean {
    return this.enabled;
  }

  admit(method: string, path: string): PacingVerdict {
    if (!this.enabled) return { admitted: true, release: NOTHING_HELD };
    const now = this.clock.now();
    const refusal = this.refusalFor(method, path, now);
    if (refusal !== undefined) {
      this.noteRefusal(now);
      return { admitted: false, reason: refusal };
    }
    const endpoint = pacedEndpointOf(method, path);
    this.take('global', now);
    if (endpoint !== undefined && endpoint !== 'history') this.take(endpoint, now);
    if (endpoint !== 'history') return { admitted: true, release: NOTHING_HELD };
    this.historyInFlight += 1;
    let released = false;
    return {
      admitted: true,
      release: () => {
        if (released) return;
        released = true;
        this.historyInFlight -= 1;
      },
    };
  }

  private refusalFor(method: string, path: string, now: EpochMs): string | undefined {
    if (now < this.boxedUntil) return 'penalty box: too many requests over the pacing limits';
    if (this.isFull('global', this.rules.global, now)) return 'global pacing limit';
    const endpoint = pacedEndpointOf(method, path);
    if (endpoint === undefined) return undefined;
    if (endpoint === 'history') {
      return this.historyInFlight >= this.rules.historyInFlight ? 'history requests in flight' : undefined;
    }
    return this.isFull(endpoint, this.rules[endpoint], now) ? `pacing limit of ${path}` : undefined;
  }

  private isFull(key: string, rule: RateRule, now: EpochMs): boolean {
    const times = (this.admittedAt.get(key) ?? []).filter((at) => now - at < rule.perMs);
    this.admittedAt.set(key, times);
    return times.length >= rule.requests;
  }

  private take(key: string, now: EpochMs): void {
    const times = this.admittedAt.get(key) ?? [];
    times.push(now);
    this.admittedAt.set(key, times);
  }

  private noteRefusal(now: EpochMs): void {
    const box = this.rules.penaltyBox;
    if (box === undefined) return;
    this.refusals = this.refusals.filter((at) => now - at < box.withinMs);
    this.refusals.push(now);
    if (this.refusals.length >= box.violations) {
      this.boxedUntil = now + box.durationMs;
      this.refusals = [];
    }
  }

  private reset(): void {
    this.admittedAt.clear();
    this.refusals = [];
    this.boxedUntil = Number.NEGATIVE_INFINITY;
  }
}
