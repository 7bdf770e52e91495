import { setTimeout as delay } from 'node:timers/promises';
import type { Dispatcher } from 'undici';

export interface DiscordNotifierOptions {
  /** Tests pass an undici MockAgent; by default the notifier has its own Agent, closed by close(). */
  readonly dispatcher?: Dispatcher;
  /** Limit of one request to Discord. */
  readonly timeoutMs?: number;
  /** Requests for one notification in all, rate-limited ones included. */
  readonly maxAttempts?: number;
  /** Wait before the first retry after a failure (5xx, timeout, network); it doubles for each later one. */
  readonly retryDelayMs?: number;
  readonly maxRetryDelayMs?: number;
  /** A 429 asking for a longer wait than this drops the notification instead of holding the queue. */
  readonly maxRateLimitWaitMs?: number;
  /** Notifications waiting beyond this many are dropped (and logged) rather than piling up. */
  readonly maxQueued?: number;
  /** Name the messages are posted under; empty: the webhook's own name. */
  readonly username?: string;
  readonly sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  /** Monotonic milliseconds, for rate-limit holds. */
  readonly now?: () => number;
}

export type ResolvedDiscordNotifierOptions = Required<Omit<DiscordNotifierOptions, 'dispatcher'>> &
  Pick<DiscordNotifierOptions, 'dispatcher'>;

export const DISCORD_NOTIFIER_DEFAULTS = Object.freeze({
  timeoutMs: 10_000,
  maxAttempts: 4,
  retryDelayMs: 1_000,
  maxRetryDelayMs: 15_000,
  maxRateLimitWaitMs: 60_000,
  maxQueued: 100,
  username: 'Skim',
});

export function resolveDiscordNotifierOptions(options: DiscordNotifierOptions): ResolvedDiscordNotifierOptions {
  const defaults = DISCORD_NOTIFIER_DEFAULTS;
  return {
    dispatcher: options.dispatcher,
    timeoutMs: options.timeoutMs ?? defaults.timeoutMs,
    maxAttempts: Math.max(1, Math.floor(options.maxAttempts ?? defaults.maxAttempts)),
    retryDelayMs: options.retryDelayMs ?? defaults.retryDelayMs,
    maxRetryDelayMs: options.maxRetryDelayMs ?? defaults.maxRetryDelayMs,
    maxRateLimitWaitMs: options.maxRateLimitWaitMs ?? defaults.maxRateLimitWaitMs,
    maxQueued: Math.max(1, Math.floor(options.maxQueued ?? defaults.maxQueued)),
    username: options.username ?? defaults.username,
    sleep: options.sleep ?? ((ms, signal) => delay(ms, undefined, { signal })),
    now: options.now ?? (() => performance.now()),
  };
}
