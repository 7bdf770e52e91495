import { commissionFor, type CommissionSchedule } from '../../domain/costs/commission.js';
import { money, type Money } from '../../domain/values/money.js';
import type { EpochMs } from '../../domain/values/time.js';

/** What the meter needs to know about the order a fill belongs to. */
export interface MeteredOrder {
  /** Value already traded by this order today, in mills. */
  dayValue: number;
  /** Commission already charged to this order today. */
  dayCommission: number;
}

const SYDNEY_MONTH = new Intl.DateTimeFormat('en-AU', {
  timeZone: 'Australia/Sydney',
  year: 'numeric',
  month: '2-digit',
});

/**
 * Charges commissions the way IBKR bills an ASX order: the schedule's rate and minimum apply to the
 * order, not to each partial fill. The first fill of an order on a day pays at least the minimum; later
 * fills that day pay only what the order's growing value adds, so the fills of one order sum to
 * `commissionFor(order value)`. An order still working the next day starts a new minimum (a GTC order
 * filled over two days is billed as two orders). Tiered schedules read month-to-date value traded in
 * Sydney calendar months.
 */
export class CommissionMeter {
  private monthKey = '';
  private monthValue = 0;

  constructor(private readonly schedule: CommissionSchedule) {}

  /** The commission a fill of `value` mills would be charged now; changes nothing. */
  quote(order: MeteredOrder, value: number, at: EpochMs): Money {
    const total = commissionFor(this.schedule, money(order.dayValue + value), this.monthToDateBefore(order, at));
    return money(total - order.dayCommission);
  }

  /** Records a fill charged `commission` against the order and the month. */
  charge(order: MeteredOrder, value: number, commission: Money, at: EpochMs): void {
    order.dayValue += value;
    order.dayCommission += commission;
    if (this.schedule.kind === 'fixed') return;
    const key = SYDNEY_MONTH.format(at);
    if (key !== this.monthKey) {
      this.monthKey = key;
      this.monthValue = 0;
    }
    this.monthValue += value;
  }

  private monthToDateBefore(order: MeteredOrder, at: EpochMs): Money {
    if (this.schedule.kind === 'fixed') return money(0);
    if (SYDNEY_MONTH.format(at) !== this.monthKey) return money(0);
    return money(Math.max(0, this.monthValue - order.dayValue));
  }
}
