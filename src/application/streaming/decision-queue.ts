import type { AppLogger } from '../shared/app-logger.js';
import { errorText } from '../shared/error-text.js';
import type { DayStep } from '../trading/trading-day.js';

/** The decisions an event can ask for, in the order one pass runs them. */
export const DECISION_KINDS = ['track', 'entries', 'manage'] as const;
export type DecisionKind = (typeof DECISION_KINDS)[number];

export type DecisionSteps = Readonly<Record<DecisionKind, DayStep>>;

/**
 * Runs trading decisions one at a time. Events ask for kinds of decision; asks that arrive while a pass
 * waits or runs are merged, so a burst of ticks costs one pass (plus at most one more for what arrived
 * during it). The trading day's timer steps go through the same line with `exclusive`, so a timer check
 * and an event never decide at once.
 */
export class DecisionQueue {
  private tail: Promise<void> = Promise.resolve();
  private readonly pending = new Set<DecisionKind>();
  private passQueued = false;

  constructor(
    private readonly steps: DecisionSteps,
    private readonly log: AppLogger,
  ) {}

  /** Runs `work` once everything queued before it is done, and nothing else while it runs. */
  exclusive<T>(work: () => Promise<T>): Promise<T> {
    const result = this.tail.then(work);
    this.tail = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }

  /** A day step that waits its turn in this queue. */
  serialised<T>(step: DayStep<T>): DayStep<T> {
    return { run: () => this.exclusive(() => step.run()) };
  }

  /** Asks for decisions; they run in the next pass, together with whatever else was asked for by then. */
  request(kinds: Iterable<DecisionKind>): void {
    for (const kind of kinds) this.pending.add(kind);
    if (this.pending.size === 0 || this.passQueued) return;
    this.passQueued = true;
    void this.exclusive(() => this.pass());
  }

  /** Resolves once nothing is waiting or running. */
  async idle(): Promise<void> {
    for (;;) {
      const tail = this.tail;
      await tail;
      if (tail === this.tail && !this.passQueued) return;
    }
  }

  private async pass(): Promise<void> {
    this.passQueued = false;
    const due = DECISION_KINDS.filter((kind) => this.pending.has(kind));
    this.pending.clear();
    for (const kind of due) {
      try {
        await this.steps[kind].run();
      } catch (error) {
        this.log.error({ decision: kind, error: errorText(error) }, `${kind} decision on a market event failed`);
      }
    }
  }
}
