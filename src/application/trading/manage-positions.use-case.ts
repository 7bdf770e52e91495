import { continuousOpenAt } from '../../domain/market/session-schedule.js';
import { sydneyDateOf } from '../../domain/market/sydney-time.js';
import type { TradingCalendar } from '../../domain/market/trading-calendar.js';
import { RiskLimitExceeded } from '../../domain/errors/risk-limit-exceeded.error.js';
import type { OrderIntent } from '../../domain/orders/order-intent.js';
import type { Clock } from '../../domain/ports/clock.port.js';
import type { Repository } from '../../domain/ports/repository.port.js';
import type { Position } from '../../domain/position/position.js';
import { assertSellWithinHolding } from '../../domain/risk/sell-guard.js';
import { quantity } from '../../domain/values/quantity.js';
import type { EpochMs, LocalDate } from '../../domain/values/time.js';
import type { FillRecorder } from '../orders/fill-recorder.js';
import { isUnresolved, liveOrders, remainingQuantity } from '../orders/live-orders.js';
import type { OrderStatusSync } from '../orders/order-status-sync.js';
import type { OrderSubmitter } from '../orders/order-submitter.js';
import type { AppLogger } from '../shared/app-logger.js';
import { errorText } from '../shared/error-text.js';
import { sydneyDayBounds } from '../shared/sydney-day.js';
import type { ExitPlan, ExitPlanner } from './exit-planner.js';
import type { ProtectiveStops } from './protective-stops.js';

export interface ManagePositionsDeps {
  readonly repository: Repository;
  readonly fills: FillRecorder;
  readonly orderStatus: OrderStatusSync;
  readonly submitter: OrderSubmitter;
  readonly stops: ProtectiveStops;
  readonly exits: ExitPlanner;
  readonly calendar: TradingCalendar;
  readonly clock: Clock;
  readonly log: AppLogger;
}

/**
 * One management check: fills are synced (entries open positions, stop fills close them with reason `stop`),
 * then every open position gets exactly one protective stop for the shares it keeps, and the strategy exit
 * due today (day-N half, SMA trail) is sent at market once the stock has opened. Sells never exceed the
 * holding less what working sell orders already commit.
 */
export class ManagePositionsUseCase {
  constructor(private readonly deps: ManagePositionsDeps) {}

  async run(): Promise<void> {
    const { clock, fills, orderStatus, repository, log } = this.deps;
    const now = clock.now();
    const today = sydneyDateOf(now);
    await fills.sync(sydneyDayBounds(today).from);
    await orderStatus.refresh();
    const positions = repository.positions.withStatus(['open', 'half_exited']);
    for (const position of positions) {
      try {
        await this.manage(position, today, now);
      } catch (error) {
        log.error({ symbol: position.instrument.symbol, error: errorText(error) }, 'position check failed');
      }
    }
    await this.cancelOrphanStops(new Set(positions.map((position) => position.instrument.conid)));
  }

  private async manage(position: Position, today: LocalDate, now: EpochMs): Promise<void> {
    const { repository, stops } = this.deps;
    const conid = position.instrument.conid;
    const exitsWorking = liveOrders(
      repository.journal,
      (entry) =>
        entry.intent.side === 'SELL' && entry.intent.purpose !== 'stop' && entry.intent.instrument.conid === conid,
    ).reduce((shares, entry) => shares + remainingQuantity(entry), 0);
    const sellable = Math.max(0, position.quantity - exitsWorking);
    const plan = this.isOpenFor(position, today, now) ? await this.deps.exits.due(position, today) : undefined;
    const toSell = plan === undefined ? 0 : Math.min(plan.quantity, sellable);
    const coverage = await stops.cover(position, sellable - toSell, sellable);
    if (plan === undefined || toSell < 1) return;
    if (!coverage.settled) {
      this.deps.log.warn(
        { symbol: position.instrument.symbol, purpose: plan.purpose },
        'exit waits: a stop traded while being resized',
      );
      return;
    }
    await this.sendExit(position, plan, toSell, sellable - coverage.committed);
  }

  private isOpenFor(position: Position, today: LocalDate, now: EpochMs): boolean {
    return this.deps.calendar.isTradingDay(today) && now >= continuousOpenAt(position.instrument.symbol, today);
  }

  private async sendExit(position: Position, plan: ExitPlan, shares: number, available: number): Promise<void> {
    const symbol = position.instrument.symbol;
    const facts = { symbol, purpose: plan.purpose, quantity: shares, held: position.quantity, available };
    try {
      assertSellWithinHolding(symbol, quantity(shares), quantity(Math.max(0, available)));
    } catch (error) {
      if (!(error instanceof RiskLimitExceeded)) throw error;
      this.deps.log.error({ ...facts, detail: error.detail }, 'exit not sent: it would sell more than is free to sell');
      return;
    }
    const intent: OrderIntent = {
      clientOrderId: plan.clientOrderId,
      instrument: position.instrument,
      side: 'SELL',
      type: 'MKT',
      quantity: quantity(shares),
      tif: 'DAY',
      purpose: plan.purpose,
    };
    const outcome = await this.deps.submitter.submit(intent);
    this.deps.log.info(
      { ...facts, clientOrderId: intent.clientOrderId, outcome: outcome.kind },
      `exit order: ${plan.why}`,
    );
  }

  private async cancelOrphanStops(heldConids: ReadonlySet<number>): Promise<void> {
    for (const stop of this.deps.stops.orphans(heldConids)) {
      const facts = { symbol: stop.intent.instrument.symbol, clientOrderId: stop.clientOrderId };
      if (isUnresolved(stop)) {
        this.deps.log.warn(facts, 'stop for a position no longer held is in an unknown state; left for reconcile');
        continue;
      }
      this.deps.log.info(facts, 'cancelling stop of a position no longer held');
      await this.deps.submitter.cancel(stop.clientOrderId);
    }
  }
}
