import { armedKillSwitch, updateKillSwitch, type KillSwitch } from '../../domain/risk/daily-loss.js';
import type { KillSwitchStore } from '../../domain/ports/repository.port.js';
import type { Money } from '../../domain/values/money.js';
import type { EpochMs, LocalDate } from '../../domain/values/time.js';
import type { DayPnlCalculator, DayPnlReport } from './day-pnl.js';

export interface DailyLossCheck {
  readonly killSwitch: KillSwitch;
  readonly pnl: DayPnlReport;
}

/**
 * Holds the daily-loss kill switch: measured before entries and by `status`, it trips when the day's P&L
 * reaches the limit and stays tripped until the next trading day, across restarts (the trip is stored).
 */
export class DailyLossGuard {
  private state: KillSwitch | undefined;

  constructor(
    private readonly pnl: DayPnlCalculator,
    private readonly maxDailyLoss: Money,
    private readonly trips: KillSwitchStore,
  ) {}

  async check(date: LocalDate, at: EpochMs): Promise<DailyLossCheck> {
    const pnl = await this.pnl.measure(date);
    const before = this.current(date);
    const killSwitch = updateKillSwitch(before, date, pnl.total, this.maxDailyLoss, at);
    if (killSwitch.tripped && !before.tripped) this.trips.recordTrip(killSwitch);
    this.state = killSwitch;
    return { killSwitch, pnl };
  }

  /** The switch as last measured for `date`: tripped if it tripped that day, in this process or before a restart. */
  current(date: LocalDate): KillSwitch {
    if (this.state?.date === date && this.state.tripped) return this.state;
    return this.trips.tripOn(date) ?? (this.state?.date === date ? this.state : armedKillSwitch(date));
  }

  get limit(): Money {
    return this.maxDailyLoss;
  }
}
