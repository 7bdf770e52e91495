import { add, formatMoney, type Money } from '../values/money.js';
import type { EpochMs, LocalDate } from '../values/time.js';

/** The day's P&L the kill switch watches: realised plus unrealised. */
export function dayPnl(realised: Money, unrealised: Money): Money {
  return add(realised, unrealised);
}

/** True when the day's P&L is at or below minus the allowed daily loss. */
export function isDailyLossBreached(pnl: Money, maxDailyLoss: Money): boolean {
  return pnl <= -maxDailyLoss;
}

/**
 * The daily-loss kill switch for one trading day. Once tripped it stays tripped until the next day, even if
 * the P&L recovers; only new entries stop, exits continue.
 */
export type KillSwitch =
  | { readonly date: LocalDate; readonly tripped: false }
  | { readonly date: LocalDate; readonly tripped: true; readonly trippedAt: EpochMs; readonly pnlAtTrip: Money };

export type TrippedKillSwitch = Extract<KillSwitch, { readonly tripped: true }>;

export function armedKillSwitch(date: LocalDate): KillSwitch {
  return { date, tripped: false };
}

/** The switch after seeing the day's P&L at `at`; a new `date` re-arms it. */
export function updateKillSwitch(
  state: KillSwitch,
  date: LocalDate,
  pnl: Money,
  maxDailyLoss: Money,
  at: EpochMs,
): KillSwitch {
  const current = state.date === date ? state : armedKillSwitch(date);
  if (current.tripped || !isDailyLossBreached(pnl, maxDailyLoss)) return current;
  return { date, tripped: true, trippedAt: at, pnlAtTrip: pnl };
}

export function describeKillSwitch(state: KillSwitch, maxDailyLoss: Money): string {
  return state.tripped
    ? `kill switch tripped on ${state.date}: P&L ${formatMoney(state.pnlAtTrip)} reached the -${formatMoney(maxDailyLoss)} limit`
    : `kill switch armed for ${state.date}`;
}
