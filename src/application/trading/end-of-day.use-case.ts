import { sydneyDateOf } from '../../domain/market/sydney-time.js';
import type { Clock } from '../../domain/ports/clock.port.js';
import type { Repository } from '../../domain/ports/repository.port.js';
import { formatMoney } from '../../domain/values/money.js';
import type { FillRecorder } from '../orders/fill-recorder.js';
import type { OrderStatusSync } from '../orders/order-status-sync.js';
import type { AppLogger } from '../shared/app-logger.js';
import { sydneyDayBounds } from '../shared/sydney-day.js';
import { summariseDay, type DaySummary } from './day-summary.js';
import type { EntryWindowCloser } from './entry-window-closer.js';

/**
 * The close of the trading day: the day's fills are synced, unfilled DAY entry orders are cancelled, the
 * remaining candidates expire, and the day is summarised.
 */
export class EndOfDayUseCase {
  constructor(
    private readonly repository: Repository,
    private readonly fills: FillRecorder,
    private readonly orderStatus: OrderStatusSync,
    private readonly entryWindow: EntryWindowCloser,
    private readonly clock: Clock,
    private readonly log: AppLogger,
  ) {}

  async run(): Promise<DaySummary> {
    const today = sydneyDateOf(this.clock.now());
    await this.fills.sync(sydneyDayBounds(today).from);
    await this.orderStatus.refresh();
    await this.entryWindow.close(today, 'the trading day ended');
    const summary = summariseDay(this.repository, today);
    this.log.info(
      {
        date: today,
        entries: summary.entries.length,
        exits: summary.exits.map((exit) => `${exit.symbol} ${exit.reason} ${exit.quantity}`),
        realisedPnl: formatMoney(summary.realisedPnl),
        openPositions: summary.openPositions.length,
      },
      'end of day',
    );
    return summary;
  }
}
