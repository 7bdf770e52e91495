import { candidateId } from '../../domain/candidate/candidate.js';
import { sydneyDateOf } from '../../domain/market/sydney-time.js';
import type { Fill } from '../../domain/orders/fill.js';
import type { JournalEntry, JournalState } from '../../domain/orders/journal-entry.js';
import type { OrderPurpose } from '../../domain/orders/order-intent.js';
import type { Broker } from '../../domain/ports/broker.port.js';
import type { Repository } from '../../domain/ports/repository.port.js';
import {
  addEntryFill,
  openPosition,
  recordExit,
  type ExitReason,
  type Position,
} from '../../domain/position/position.js';
import { priceRoundedDown } from '../../domain/values/price.js';
import { quantity } from '../../domain/values/quantity.js';
import type { EpochMs } from '../../domain/values/time.js';
import type { AppLogger } from '../shared/app-logger.js';
import { errorText } from '../shared/error-text.js';

export interface FillRecorderSettings {
  /** Fallback stop distance when an entry fill has no candidate to take the low of day from. */
  readonly maxStopPct: number;
}

const EXIT_REASONS: Readonly<Record<OrderPurpose, ExitReason>> = {
  entry: 'manual',
  stop: 'stop',
  day3_half: 'day3_half',
  sma_trail: 'sma_trail',
  manual: 'manual',
  kill_switch: 'kill_switch',
  reconcile: 'reconcile',
};

/**
 * Brings the broker's executions into Skim's books: each execution id is recorded exactly once, and in the
 * same transaction the position it belongs to is opened, grown or reduced and the order's journal entry
 * counts the shares. The position of an entry has the entry's client order id as its id.
 */
export class FillRecorder {
  constructor(
    private readonly broker: Broker,
    private readonly repository: Repository,
    private readonly settings: FillRecorderSettings,
    private readonly log: AppLogger,
  ) {}

  /**
   * Pulls executions since `since` and records the new ones; returns those it recorded. A fill that cannot
   * be applied is logged and left unrecorded (so the next sync tries again) without holding up the others.
   */
  async sync(since: EpochMs): Promise<Fill[]> {
    const fills = await this.broker.fills(since);
    return fills.filter((fill) => this.recordSafely(fill));
  }

  /** Records one execution; false when it was already recorded. */
  record(fill: Fill): boolean {
    return this.repository.transaction(() => {
      if (!this.repository.trades.record(fill)) return false;
      const entry = this.repository.journal.get(fill.clientOrderId);
      if (entry) {
        this.countFill(entry, fill);
      } else {
        this.log.warn(
          { executionId: fill.executionId, clientOrderId: fill.clientOrderId },
          'fill for an order Skim did not journal',
        );
      }
      const purpose = entry?.intent.purpose ?? (fill.side === 'BUY' ? 'entry' : 'manual');
      if (fill.side === 'BUY') this.applyBuy(fill);
      else this.applySell(fill, EXIT_REASONS[purpose]);
      this.log.info(
        {
          executionId: fill.executionId,
          clientOrderId: fill.clientOrderId,
          symbol: fill.instrument.symbol,
          side: fill.side,
          quantity: fill.quantity,
          price: fill.price,
          purpose,
        },
        'fill recorded',
      );
      return true;
    });
  }

  private recordSafely(fill: Fill): boolean {
    try {
      return this.record(fill);
    } catch (error) {
      this.log.error(
        { executionId: fill.executionId, clientOrderId: fill.clientOrderId, error: errorText(error) },
        'fill could not be applied to the books; left for the next sync',
      );
      return false;
    }
  }

  /** The journal counts shares from the recorded fills, so a fill seen twice can never count twice. */
  private countFill(entry: JournalEntry, fill: Fill): void {
    const recorded = this.repository.trades.forOrder(entry.clientOrderId).reduce((n, f) => n + f.quantity, 0);
    const filledQuantity = Math.max(recorded, entry.filledQuantity);
    this.repository.journal.update(
      entry.clientOrderId,
      { filledQuantity, state: stateAfterFill(entry.state, filledQuantity, entry.intent.quantity) },
      fill.at,
    );
  }

  private applyBuy(fill: Fill): void {
    const existing = this.repository.positions.get(fill.clientOrderId);
    const entryFill = { quantity: fill.quantity, price: fill.price, commission: fill.commission, at: fill.at };
    if (existing) {
      this.repository.positions.save(addEntryFill(existing, entryFill));
      return;
    }
    const tradingDate = sydneyDateOf(fill.at);
    const candidate = this.repository.candidates.get(candidateId(tradingDate, fill.instrument.symbol));
    const stopPrice =
      candidate?.lowOfDay !== undefined && candidate.lowOfDay < fill.price
        ? candidate.lowOfDay
        : priceRoundedDown(fill.price * (1 - this.settings.maxStopPct / 100));
    if (candidate?.lowOfDay === undefined) {
      this.log.warn(
        { symbol: fill.instrument.symbol, stopPrice },
        'entry fill without a low of day: stop set at the maximum distance',
      );
    }
    this.repository.positions.save(
      openPosition({
        id: fill.clientOrderId,
        instrument: fill.instrument,
        entryDate: tradingDate,
        stopPrice,
        fill: entryFill,
      }),
    );
  }

  private applySell(fill: Fill, reason: ExitReason): void {
    const position = this.openPositionFor(fill);
    if (!position || position.quantity < fill.quantity) {
      this.log.error(
        {
          executionId: fill.executionId,
          symbol: fill.instrument.symbol,
          held: position?.quantity ?? 0,
          sold: fill.quantity,
        },
        'sale larger than the position Skim holds: reconcile needed',
      );
      if (!position) return;
    }
    const sold = quantity(Math.min(fill.quantity, position.quantity));
    this.repository.positions.save(
      recordExit(position, { reason, quantity: sold, price: fill.price, commission: fill.commission, at: fill.at }),
    );
  }

  private openPositionFor(fill: Fill): Position | undefined {
    return this.repository.positions
      .withStatus(['open', 'half_exited'])
      .find((p) => p.instrument.conid === fill.instrument.conid);
  }
}

const ENDED_EARLY: readonly JournalState[] = ['cancelled', 'rejected'];

/** Filled once every share has traded; an order the broker already ended (cancelled) stays ended. */
function stateAfterFill(current: JournalState, filled: number, ordered: number): JournalState {
  if (filled >= ordered) return 'filled';
  return ENDED_EARLY.includes(current) ? current : 'partially_filled';
}
