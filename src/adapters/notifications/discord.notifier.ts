import type { Logger } from 'pino';
import type { Notification, Notifier } from '../../domain/ports/notifier.port.js';
import { toDiscordMessage } from './discord-embed.js';
import {
  resolveDiscordNotifierOptions,
  type DiscordNotifierOptions,
  type ResolvedDiscordNotifierOptions,
} from './discord-notifier.options.js';
import { DiscordWebhook, type WebhookOutcome } from './discord-webhook.js';

/** How long flush() and close() wait for the queue by default. */
export const DEFAULT_FLUSH_TIMEOUT_MS = 15_000;

type Failure = Extract<WebhookOutcome, { kind: 'failed' | 'rate-limited' }>;

/**
 * Posts notifications to a Discord webhook, one embed each. `notify` only queues: messages go out one at a
 * time in the order given, in the background, so a slow or rate-limited Discord never holds up trading.
 * Rate limits are obeyed (429 `retry_after`, and an exhausted `X-RateLimit-Remaining` bucket holds the next
 * request); failures are retried a bounded number of times, then the notification is dropped and logged,
 * never thrown. The webhook URL never reaches the log.
 */
export class DiscordNotifier implements Notifier {
  private readonly webhook: DiscordWebhook;
  private readonly options: ResolvedDiscordNotifierOptions;
  private readonly queue: Notification[] = [];
  private readonly stop = new AbortController();
  private draining = false;
  private idle: Promise<void> = Promise.resolve();
  /** No request before this instant (of `now`): a rate limit is in force. */
  private notBefore = Number.NEGATIVE_INFINITY;
  private closing: Promise<void> | undefined;

  constructor(
    webhookUrl: string,
    private readonly logger: Logger,
    options: DiscordNotifierOptions = {},
  ) {
    this.options = resolveDiscordNotifierOptions(options);
    this.webhook = new DiscordWebhook(webhookUrl, {
      dispatcher: this.options.dispatcher,
      timeoutMs: this.options.timeoutMs,
    });
  }

  /** Queues the notification and returns at once; `flush()` waits until it is sent or dropped. */
  notify(notification: Notification): Promise<void> {
    if (this.closing !== undefined) {
      this.logDropped(notification, 'the notifier is closed', 0);
    } else if (this.queue.length >= this.options.maxQueued) {
      this.logDropped(notification, `${this.queue.length} notifications are already waiting`, 0);
    } else {
      this.queue.push(notification);
      this.startDraining();
    }
    return Promise.resolve();
  }

  /** Waits until every queued notification was sent or dropped; false if that took longer than `timeoutMs`. */
  async flush(timeoutMs = DEFAULT_FLUSH_TIMEOUT_MS): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const expired = new Promise<false>((resolve) => {
      timer = setTimeout(() => {
        resolve(false);
      }, timeoutMs);
      timer.unref();
    });
    try {
      while (this.draining) {
        if (!(await Promise.race([this.idle.then(() => true), expired]))) return false;
      }
      return true;
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * Refuses new notifications, gives the queue up to `timeoutMs` to empty, then abandons what is left
   * (the request in flight is aborted; each abandoned notification is logged) and releases the connection.
   */
  close(timeoutMs = DEFAULT_FLUSH_TIMEOUT_MS): Promise<void> {
    this.closing ??= this.shutDown(timeoutMs);
    return this.closing;
  }

  private async shutDown(timeoutMs: number): Promise<void> {
    if (!(await this.flush(timeoutMs))) {
      this.stop.abort();
      await this.idle;
    }
    await this.webhook.close();
  }

  private startDraining(): void {
    if (this.draining) return;
    this.draining = true;
    this.idle = this.drain();
  }

  private async drain(): Promise<void> {
    try {
      for (let next = this.queue.shift(); next !== undefined; next = this.queue.shift()) {
        if (this.stop.signal.aborted) this.logDropped(next, 'the notifier was closed before it was sent', 0);
        else await this.deliver(next);
      }
    } finally {
      this.draining = false;
    }
  }

  private async deliver(notification: Notification): Promise<void> {
    const message = toDiscordMessage(notification, this.options.username);
    let attempts = 0;
    try {
      for (;;) {
        await this.waitForRateLimit();
        attempts += 1;
        const outcome = await this.webhook.post(message, this.stop.signal);
        if (outcome.kind !== 'failed') this.hold(outcome.kind === 'sent' ? outcome.pauseMs : outcome.waitMs);
        if (outcome.kind === 'sent') {
          this.log('info', { notification: summaryOf(notification), attempts }, 'discord notification sent');
          return;
        }
        const giveUp = this.reasonToGiveUp(outcome, attempts);
        if (giveUp !== undefined) {
          this.logDropped(notification, giveUp, attempts, outcome);
          return;
        }
        await this.beforeRetry(notification, outcome, attempts);
      }
    } catch (error) {
      const reason = this.stop.signal.aborted ? 'the notifier was closed' : `unexpected failure: ${String(error)}`;
      this.logDropped(notification, reason, attempts);
    }
  }

  private reasonToGiveUp(outcome: Failure, attempts: number): string | undefined {
    if (outcome.kind === 'rate-limited') {
      if (outcome.waitMs > this.options.maxRateLimitWaitMs) {
        return `Discord asked to wait ${outcome.waitMs} ms, more than ${this.options.maxRateLimitWaitMs} ms`;
      }
    } else if (!outcome.retryable) {
      return outcome.reason;
    }
    if (attempts >= this.options.maxAttempts) return `gave up after ${attempts} attempt${attempts === 1 ? '' : 's'}`;
    return undefined;
  }

  private async beforeRetry(notification: Notification, outcome: Failure, attempts: number): Promise<void> {
    const context = { notification: summaryOf(notification), attempts };
    if (outcome.kind === 'rate-limited') {
      this.log(
        'warn',
        { ...context, waitMs: outcome.waitMs, global: outcome.global },
        'discord rate limit hit, waiting before retrying',
      );
      return;
    }
    const delayMs = Math.min(this.options.maxRetryDelayMs, this.options.retryDelayMs * 2 ** (attempts - 1));
    this.log(
      'warn',
      { ...context, status: outcome.status, reason: outcome.reason, retryInMs: delayMs },
      'discord notification failed, retrying',
    );
    await this.options.sleep(delayMs, this.stop.signal);
  }

  /** Holds the next request back; never longer than the longest wait Skim accepts from Discord. */
  private hold(ms: number): void {
    const holdMs = Math.min(ms, this.options.maxRateLimitWaitMs);
    if (holdMs > 0) this.notBefore = Math.max(this.notBefore, this.options.now() + holdMs);
  }

  private async waitForRateLimit(): Promise<void> {
    const waitMs = this.notBefore - this.options.now();
    if (waitMs > 0) await this.options.sleep(waitMs, this.stop.signal);
  }

  /** Logging must not fail the notifier either: if even that breaks, there is nowhere left to report it. */
  private log(level: 'info' | 'warn' | 'error', fields: object, message: string): void {
    try {
      this.logger[level](fields, message);
    } catch {
      // Nothing left to do.
    }
  }

  private logDropped(notification: Notification, reason: string, attempts: number, outcome?: Failure): void {
    const status = outcome?.kind === 'rate-limited' ? 429 : outcome?.status;
    this.log(
      'error',
      {
        notification: { ...summaryOf(notification), message: notification.message },
        attempts,
        ...(status === undefined ? {} : { status }),
        ...(outcome?.kind === 'failed' && outcome.reason !== reason ? { lastError: outcome.reason } : {}),
      },
      `discord notification dropped: ${reason}`,
    );
  }
}

function summaryOf(notification: Notification): { kind: string; title: string } {
  return { kind: notification.kind, title: notification.title };
}
