import type { EpochMs, LocalDate } from '../../domain/values/time.js';

/**
 * A replayed day cannot go on: its work has not finished, yet nothing it waits for can happen on that day
 * (it sleeps on nothing and the tape is over, or it sleeps past midnight). Carries the day, the replay's
 * time and why, so the bug in the replayed work can be found.
 */
export class ReplayStalled extends Error {
  readonly code = 'REPLAY_STALLED';

  constructor(
    readonly date: LocalDate,
    readonly at: EpochMs,
    readonly why: string,
  ) {
    super(`replay of ${date} stalled at ${new Date(at).toISOString()}: ${why}`);
    this.name = 'ReplayStalled';
  }
}
