/** One fault the campaign can inject into the gateway simulator, as plain data so a failing run can be printed. */
export type ChaosFault =
  | { readonly kind: 'session-expiry' }
  /** The session ends just as a matching request arrives: lost between Skim's last read and its order. */
  | { readonly kind: 'session-expiry-on-request'; readonly match: string; readonly times: number }
  | { readonly kind: 'competing-session'; readonly minutes: number }
  /** Reauthentication fails for a while (IBeam waiting for the login to be approved on the phone). */
  | { readonly kind: 'reauthentication-fails'; readonly minutes: number }
  | { readonly kind: 'rate-limit-burst'; readonly requests: number }
  | { readonly kind: 'server-error'; readonly match: string; readonly status: number; readonly times: number }
  | {
      readonly kind: 'latency';
      readonly match: string;
      readonly ms: number;
      readonly when: 'before' | 'after';
      readonly minutes: number;
    }
  /** The next matching requests are answered only after Skim has stopped waiting (before or after acting). */
  | { readonly kind: 'timeout'; readonly match: string; readonly when: 'before' | 'after'; readonly times: number }
  | {
      readonly kind: 'dropped-connection';
      readonly match: string;
      readonly when: 'before' | 'after';
      readonly times: number;
    }
  | { readonly kind: 'dropped-acceptance'; readonly orders: number }
  | { readonly kind: 'order-rejection'; readonly reason: string };

/** A fault and the moment it strikes: the first replay step at or after `minuteOfDay` Sydney on day `day`. */
export interface ScheduledFault {
  /** Index into the run's trading days. */
  readonly day: number;
  /** Minutes after 07:00 Sydney, when Skim wakes. */
  readonly minuteOfDay: number;
  readonly fault: ChaosFault;
}

/**
 * How the trading process is killed once the restart's moment has come: a few milliseconds into a step it
 * was woken for (wherever its work then is), or just after the exchange has taken one of its orders and
 * before the answer reaches it.
 */
export type KillPoint =
  { readonly kind: 'during-step'; readonly delayMs: number } | { readonly kind: 'order-in-flight' };

/** Where a run kills the trading process with SIGKILL and starts it again (reconciling first). */
export interface ScheduledRestart {
  readonly day: number;
  readonly minuteOfDay: number;
  readonly kill: KillPoint;
}

/** Everything a campaign run is made of; the same scenario always replays the same market and faults. */
export interface ChaosScenario {
  /** Seeds the synthetic market and the simulated exchange. */
  readonly seed: number;
  /** Trading days traded in a row. */
  readonly days: number;
  /** Share of a bar's volume an order may take (small values split fills over several bars). */
  readonly volumeParticipation: number;
  readonly faults: readonly ScheduledFault[];
  readonly restart?: ScheduledRestart;
}

/** Minutes from Skim's 07:00 wake-up to 16:10, a little after the close. */
export const MINUTES_IN_DAY = 9 * 60 + 10;
