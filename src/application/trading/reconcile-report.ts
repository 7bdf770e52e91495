import type { ClientOrderId } from '../../domain/orders/client-order-id.js';
import type { JournalState } from '../../domain/orders/journal-entry.js';
import type { AsxSymbol } from '../../domain/values/instrument.js';
import type { Price } from '../../domain/values/price.js';
import type { EpochMs } from '../../domain/values/time.js';

/** A journal entry whose fate was unknown, and what the broker said about it. */
export interface OrderResolution {
  readonly clientOrderId: ClientOrderId;
  readonly from: JournalState;
  readonly to: JournalState;
  readonly note: string;
}

/** A position Skim's books and the broker disagreed on, and how the books were repaired. */
export interface PositionRepair {
  readonly symbol: AsxSymbol;
  readonly positionId: string;
  readonly localQuantity: number;
  readonly brokerQuantity: number;
  /** Price the repair was booked at. */
  readonly price: Price;
  readonly note: string;
}

export interface ReconcileReport {
  readonly at: EpochMs;
  readonly orders: readonly OrderResolution[];
  readonly fillsRecorded: number;
  /** Held at the broker, unknown to Skim: opened with reason `reconcile`. */
  readonly adopted: readonly PositionRepair[];
  /** Held by Skim, gone at the broker: closed with reason `reconcile`. */
  readonly closed: readonly PositionRepair[];
  /** Held by both in different sizes: Skim's size set to the broker's. */
  readonly adjusted: readonly PositionRepair[];
  /** What could not be settled automatically and needs a person. */
  readonly unresolved: readonly string[];
}
