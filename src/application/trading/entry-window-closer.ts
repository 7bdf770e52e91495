import { moveCandidate } from '../../domain/candidate/candidate.js';
import type { Clock } from '../../domain/ports/clock.port.js';
import type { Repository } from '../../domain/ports/repository.port.js';
import type { LocalDate } from '../../domain/values/time.js';
import { isUnresolved } from '../orders/live-orders.js';
import type { OrderSubmitter } from '../orders/order-submitter.js';
import type { AppLogger } from '../shared/app-logger.js';
import { liveEntriesOf } from './entry-risk-state.js';

/**
 * Ends the day's entry window (at the entry cutoff, and again at the close): candidates not yet entered
 * expire, and entry orders that have not filled are cancelled so that none can fill after the window.
 */
export class EntryWindowCloser {
  constructor(
    private readonly repository: Repository,
    private readonly submitter: OrderSubmitter,
    private readonly clock: Clock,
    private readonly log: AppLogger,
  ) {}

  async close(today: LocalDate, why: string): Promise<void> {
    this.expireCandidates(today, why);
    await this.cancelEntryOrders(today, why);
  }

  private expireCandidates(today: LocalDate, why: string): void {
    for (const candidate of this.repository.candidates.forDate(today, ['watching', 'triggered'])) {
      const note =
        candidate.status === 'watching' ? `${why} before its gap could be measured` : `${why} without a breakout entry`;
      this.repository.candidates.save(moveCandidate(candidate, 'expired', this.clock.now(), { note }));
      this.log.info({ symbol: candidate.symbol, was: candidate.status }, `candidate expired: ${note}`);
    }
  }

  /** Cancels today's entry orders that have not filled (the filled part of an entry stays a position). */
  async cancelEntryOrders(today: LocalDate, why: string): Promise<void> {
    for (const entry of liveEntriesOf(this.repository, today)) {
      const facts = { clientOrderId: entry.clientOrderId, symbol: entry.intent.instrument.symbol, why };
      if (isUnresolved(entry)) {
        this.log.warn(facts, 'entry order in an unknown state cannot be cancelled yet; left for reconcile');
        continue;
      }
      this.log.info({ ...facts, filled: entry.filledQuantity }, 'cancelling unfilled entry order');
      await this.submitter.cancel(entry.clientOrderId);
    }
  }
}
