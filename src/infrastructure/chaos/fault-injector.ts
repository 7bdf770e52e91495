import type { GatewayFaults } from '../../adapters/gateway-sim/faults/gateway-faults.js';
import { sydneyLocalToEpoch } from '../../domain/market/sydney-time.js';
import type { EpochMs, LocalDate } from '../../domain/values/time.js';
import { CHAOS_GATEWAY_TIMEOUT_MS } from './chaos-environment.js';
import type { ChaosFault, ScheduledFault } from './chaos-scenario.js';

const MINUTE_MS = 60_000;
/** An answer this late comes after Skim has given up waiting for it. */
const TIMED_OUT_MS = CHAOS_GATEWAY_TIMEOUT_MS + 150;
/** Skim's wake-up, the origin of a scheduled fault's minute. */
export const WAKE_TIME = '07:00';

interface Pending {
  readonly at: EpochMs;
  readonly fault: ChaosFault;
}

interface Ending {
  readonly at: EpochMs;
  readonly end: () => void;
}

/** The wall-clock instant a scheduled moment stands for on the run's trading days. */
export function momentOf(days: readonly LocalDate[], day: number, minuteOfDay: number): EpochMs {
  const date = days[day] ?? days.at(-1);
  if (date === undefined) throw new RangeError('a chaos run needs at least one trading day');
  return sydneyLocalToEpoch(date, WAKE_TIME) + minuteOfDay * MINUTE_MS;
}

/**
 * Switches the scenario's faults on at the first replay step at or after their moment, and the ones that
 * last (a competing login, latency) off again when their minutes are up.
 */
export class FaultInjector {
  private readonly pending: Pending[];
  private endings: Ending[] = [];
  private injectedCount = 0;

  constructor(
    private readonly faults: GatewayFaults,
    scheduled: readonly ScheduledFault[],
    days: readonly LocalDate[],
  ) {
    this.pending = scheduled
      .map((item) => ({ at: momentOf(days, item.day, item.minuteOfDay), fault: item.fault }))
      .sort((a, b) => a.at - b.at);
  }

  /** Faults switched on so far. */
  get injected(): number {
    return this.injectedCount;
  }

  /** Called at every settled replay step. */
  reached(at: EpochMs): void {
    const due = this.endings.filter((ending) => ending.at <= at);
    this.endings = this.endings.filter((ending) => ending.at > at);
    for (const ending of due) ending.end();
    while (this.pending[0] !== undefined && this.pending[0].at <= at) {
      const next = this.pending.shift();
      if (next !== undefined) this.inject(next.fault, at);
    }
  }

  private inject(fault: ChaosFault, at: EpochMs): void {
    this.injectedCount += 1;
    const faults = this.faults;
    switch (fault.kind) {
      case 'session-expiry':
        faults.expireSession();
        return;
      case 'session-expiry-on-request':
        faults.expireSessionOn({ match: fault.match, times: fault.times });
        return;
      case 'competing-session':
        faults.competingSession(true);
        this.endAfter(at, fault.minutes, () => {
          faults.competingSession(false);
        });
        return;
      case 'reauthentication-fails':
        faults.failReauthentication(true);
        this.endAfter(at, fault.minutes, () => {
          faults.failReauthentication(false);
        });
        return;
      case 'rate-limit-burst':
        faults.rateLimitNext(fault.requests);
        return;
      case 'server-error':
        faults.serverError({ match: fault.match, status: fault.status, times: fault.times });
        return;
      case 'latency':
        faults.latency({ match: fault.match, ms: fault.ms, when: fault.when });
        this.endAfter(at, fault.minutes, () => {
          faults.latency({ match: fault.match, ms: 0, when: fault.when });
        });
        return;
      case 'timeout':
        faults.delay({ match: fault.match, ms: TIMED_OUT_MS, when: fault.when, times: fault.times });
        return;
      case 'dropped-connection':
        faults.dropConnection({ match: fault.match, when: fault.when, times: fault.times });
        return;
      case 'dropped-acceptance':
        faults.dropAfterOrderAccepted(fault.orders);
        return;
      case 'order-rejection':
        faults.rejectNextOrder(fault.reason);
        return;
    }
  }

  private endAfter(at: EpochMs, minutes: number, end: () => void): void {
    this.endings.push({ at: at + minutes * MINUTE_MS, end });
  }
}
