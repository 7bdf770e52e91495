import { deriveClientOrderId, type ClientOrderId } from '../../domain/orders/client-order-id.js';
import type { JournalEntry } from '../../domain/orders/journal-entry.js';
import type { OrderIntent } from '../../domain/orders/order-intent.js';
import type { Repository } from '../../domain/ports/repository.port.js';
import type { Position } from '../../domain/position/position.js';
import { assertSellWithinHolding } from '../../domain/risk/sell-guard.js';
import { formatPrice } from '../../domain/values/price.js';
import { quantity } from '../../domain/values/quantity.js';
import { isUnresolved, liveOrders, remainingQuantity } from '../orders/live-orders.js';
import type { OrderSubmitter } from '../orders/order-submitter.js';
import type { AppLogger } from '../shared/app-logger.js';

/** What the position's stop orders hold after a round. */
export interface StopCoverage {
  /** Shares the stop orders may still sell: the kept or new stop plus any that could not be cancelled. */
  readonly committed: number;
  /** False when a stop traded while it was being replaced: the books are stale until fills are synced. */
  readonly settled: boolean;
}

/**
 * Keeps exactly one broker-side sell-stop per position, for the shares it should cover, at the position's
 * stop price. A stop of the wrong size or price is cancelled and replaced under the next client order id of
 * the position's stop sequence; nothing new is placed while an old stop may still be live.
 */
export class ProtectiveStops {
  constructor(
    private readonly repository: Repository,
    private readonly submitter: OrderSubmitter,
    private readonly log: AppLogger,
  ) {}

  /**
   * Makes the stop cover `target` shares (0: no stop). `sellable` is what may be sold at all: the holding
   * less shares committed to working exit orders.
   */
  async cover(position: Position, target: number, sellable: number): Promise<StopCoverage> {
    const stops = this.liveStops(position);
    const keep = target > 0 ? stops.findLast((stop) => this.matches(stop, position, target)) : undefined;
    let committed = keep === undefined ? 0 : target;
    let settled = true;
    for (const stop of stops) {
      if (stop === keep) continue;
      const left = await this.retire(stop, position);
      committed += left.committed;
      settled &&= left.settled;
    }
    if (keep !== undefined || target < 1) return { committed, settled };
    if (!settled || committed > 0) {
      this.log.warn(
        { symbol: position.instrument.symbol, committed, target },
        'new protective stop waits until the old one is gone',
      );
      return { committed, settled };
    }
    return { committed: await this.place(position, target, sellable), settled };
  }

  /** Stop orders that may still trade on instruments Skim no longer holds. */
  orphans(heldConids: ReadonlySet<number>): JournalEntry[] {
    return liveOrders(
      this.repository.journal,
      (entry) => entry.intent.purpose === 'stop' && !heldConids.has(entry.intent.instrument.conid),
    );
  }

  private liveStops(position: Position): JournalEntry[] {
    return liveOrders(
      this.repository.journal,
      (entry) => entry.intent.purpose === 'stop' && entry.intent.instrument.conid === position.instrument.conid,
    );
  }

  private matches(stop: JournalEntry, position: Position, target: number): boolean {
    return !isUnresolved(stop) && remainingQuantity(stop) === target && stop.intent.stopPrice === position.stopPrice;
  }

  /** Cancels a stop that no longer fits; reports what it may still sell. */
  private async retire(stop: JournalEntry, position: Position): Promise<StopCoverage> {
    const facts = { symbol: position.instrument.symbol, clientOrderId: stop.clientOrderId };
    if (isUnresolved(stop)) {
      this.log.warn(facts, 'stop order in an unknown state: left for reconcile, no replacement yet');
      return { committed: remainingQuantity(stop), settled: true };
    }
    this.log.info(
      { ...facts, stopQuantity: remainingQuantity(stop), held: position.quantity },
      'cancelling protective stop that no longer matches the position',
    );
    const outcome = await this.submitter.cancel(stop.clientOrderId);
    if (outcome.kind !== 'closed') return { committed: remainingQuantity(stop), settled: true };
    return { committed: 0, settled: outcome.order.filledQuantity <= stop.filledQuantity };
  }

  private async place(position: Position, target: number, sellable: number): Promise<number> {
    const symbol = position.instrument.symbol;
    assertSellWithinHolding(symbol, quantity(target), quantity(Math.max(0, sellable)));
    const intent: OrderIntent = {
      clientOrderId: this.nextStopId(position),
      instrument: position.instrument,
      side: 'SELL',
      type: 'STP',
      quantity: quantity(target),
      stopPrice: position.stopPrice,
      tif: 'GTC',
      purpose: 'stop',
    };
    const outcome = await this.submitter.submit(intent);
    const facts = {
      symbol,
      clientOrderId: intent.clientOrderId,
      quantity: target,
      stopPrice: formatPrice(position.stopPrice),
    };
    if (outcome.kind === 'sent' || outcome.kind === 'already_known') {
      this.log.info(facts, 'protective stop placed');
      return target;
    }
    this.log.error({ ...facts, outcome: outcome.kind, reason: outcome.reason }, 'protective stop not placed');
    return outcome.kind === 'unknown' ? target : 0;
  }

  /** The first unused id of the position's stop sequence: skim-<entry date>-<symbol>-stop-<n>. */
  private nextStopId(position: Position): ClientOrderId {
    const { entryDate, instrument } = position;
    for (let sequence = 1; ; sequence++) {
      const id = deriveClientOrderId(entryDate, instrument.symbol, 'stop', sequence);
      if (this.repository.journal.get(id) === undefined) return id;
    }
  }
}
