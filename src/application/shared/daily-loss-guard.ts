import { armedKillSwitch, updateKillSwitch, type KillSwitch } from '../../domain/risk/daily-loss.js';
import type { Money } from '../../domain/values/money.js';
import type { EpochMs, LocalDate } from '../../domain/values/time.js';
import type { DayPnlCalculator, DayPnlReport } from './day-pnl.js';

export interface DailyLossCheck {
  readonly killSwitch: KillSwitch;
  readonly pnl: DayPnlReport;
}

/**
 * Holds the daily-loss kill switch for the process: measured before entries and by `status`, it trips when
 * the day's P&L reaches the limit and stays tripped until the next trading day.
 */
export class DailyLossGuard {
  private state: KillSwitch | undefined;

  constructor(
    private readonly pnl: DayPnlCalculator,
    private readonly maxDailyLoss: Money,
  ) {}

  async check(date: LocalDate, at: EpochMs): Promise<DailyLossCheck> {
    const pnl = await this.pnl.measure(date);
    const killSwitch = updateKillSwitch(this.current(date), date, pnl.total, this.maxDailyLoss, at);
    this.state = killSwitch;
    return { killSwitch, pnl };
  }

  /** The switch as last measured for `date` (armed when nothing was measured that day). */
  current(date: LocalDate): KillSwitch {
    return this.state?.date === date ? this.state : armedKillSwitch(date);
  }

  get limit(): Money {
    return this.maxDailyLoss;
  }
}
