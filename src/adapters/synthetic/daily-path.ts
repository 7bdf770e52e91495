import { InvalidValue } from '../../domain/errors/invalid-value.error.js';
import type { TradingCalendar } from '../../domain/market/trading-calendar.js';
import type { LocalDate } from '../../domain/values/time.js';
import { planDay, type DayPlan } from './day-plan.js';
import type { ResolvedMarketSpec, SyntheticInstrument } from './synthetic-market.spec.js';

/** Plans kept, so that going back a day or two (an announcement window, a previous close) does not start over. */
const RECENT_PLANS = 10;

/**
 * One stock's sessions, day after day: each day opens from the previous day's close. Only the last few
 * plans are kept, so walking forward costs one plan per trading day and next to no memory; asking for a day
 * older than those starts again from the first day.
 */
export class DailyPath {
  private readonly recent: DayPlan[] = [];

  constructor(
    private readonly spec: ResolvedMarketSpec,
    private readonly stock: SyntheticInstrument,
    private readonly calendar: TradingCalendar,
  ) {}

  plan(date: LocalDate): DayPlan {
    if (date < this.spec.firstDay) {
      throw new InvalidValue('synthetic market date', date, `before the market's first day ${this.spec.firstDay}`);
    }
    if (!this.calendar.isTradingDay(date)) {
      throw new InvalidValue('synthetic market date', date, 'not an ASX trading day');
    }
    const kept = this.recent.find((plan) => plan.date === date);
    if (kept !== undefined) return kept;
    const latest = this.recent.at(-1);
    let plan = latest !== undefined && latest.date < date ? latest : this.remember(this.first(), true);
    while (plan.date < date) plan = this.remember(this.planOn(this.calendar.nextTradingDay(plan.date), plan));
    return plan;
  }

  private remember(plan: DayPlan, restart = false): DayPlan {
    if (restart) this.recent.length = 0;
    this.recent.push(plan);
    if (this.recent.length > RECENT_PLANS) this.recent.shift();
    return plan;
  }

  private first(): DayPlan {
    const firstDay = this.calendar.isTradingDay(this.spec.firstDay)
      ? this.spec.firstDay
      : this.calendar.nextTradingDay(this.spec.firstDay);
    return planDay(this.spec, this.stock, firstDay, this.stock.startPrice, this.calendar);
  }

  private planOn(date: LocalDate, previous: DayPlan): DayPlan {
    return planDay(this.spec, this.stock, date, previous.close, this.calendar);
  }
}
