import { OrderRateWindow } from '../../domain/risk/order-rate-window.js';
import type { EpochMs } from '../../domain/values/time.js';

/**
 * Counts the orders this process sends, for the orders-per-minute circuit breaker. OrderSubmitter records
 * every send; the entry risk check reads the count.
 */
export class OrderRateMeter {
  private window = OrderRateWindow.empty();

  recordSend(at: EpochMs): void {
    this.window = this.window.record(at);
  }

  sentInLastMinute(asOf: EpochMs): number {
    return this.window.countAt(asOf);
  }
}
