import type { LocalDate } from '../../domain/values/time.js';
import type { SessionMinutes } from './intraday-path.js';

/** Dates kept: a replayed day, plus the history window a backtest walks through before its first day. */
const DATES_KEPT = 64;

/**
 * Sessions already worked out, by date and opening time. Turning a Sydney wall-clock time into an instant asks
 * the time-zone database, which costs far more than generating a minute; every stock that opens at the same
 * time on the same day shares the answer. Only the most recent dates are kept.
 */
export class SessionCache {
  private readonly byDate = new Map<LocalDate, Map<string, SessionMinutes>>();

  get(date: LocalDate, openTime: string, compute: () => SessionMinutes): SessionMinutes {
    let sessions = this.byDate.get(date);
    if (sessions === undefined) {
      sessions = new Map();
      this.byDate.set(date, sessions);
      this.forgetOldest();
    }
    let session = sessions.get(openTime);
    if (session === undefined) {
      session = compute();
      sessions.set(openTime, session);
    }
    return session;
  }

  private forgetOldest(): void {
    if (this.byDate.size <= DATES_KEPT) return;
    const oldest = this.byDate.keys().next();
    if (oldest.done !== true) this.byDate.delete(oldest.value);
  }
}
