import type { ExitReason } from '../../../domain/position/position.js';
import type { Instrument } from '../../../domain/values/instrument.js';
import type { Money } from '../../../domain/values/money.js';
import type { Price } from '../../../domain/values/price.js';
import type { Quantity } from '../../../domain/values/quantity.js';
import type { EpochMs, LocalDate } from '../../../domain/values/time.js';

/** Why shares were sold; `unknown` when the fill does not say (e.g. a fill from outside Skim). */
export type TradeExitReason = ExitReason | 'unknown';

export interface TradeExit {
  readonly at: EpochMs;
  readonly date: LocalDate;
  readonly quantity: Quantity;
  readonly price: Price;
  readonly commission: Money;
  readonly reason: TradeExitReason;
}

/**
 * A round trip in one instrument: from the first buy out of a flat position until it is flat again.
 * Money is exact (mills); average prices are mills too but may fall between ticks.
 */
export interface Trade {
  readonly instrument: Instrument;
  readonly status: 'open' | 'closed';
  readonly entryAt: EpochMs;
  readonly entryDate: LocalDate;
  /** When the last shares were sold; null while open. */
  readonly exitAt: EpochMs | null;
  readonly exitDate: LocalDate | null;
  /** Shares bought over the trade. */
  readonly quantity: Quantity;
  /** Shares still held (0 once closed). */
  readonly held: Quantity;
  /** Average buy price, in mills. */
  readonly entryPrice: number;
  /** Average sell price, in mills; null before the first sale. */
  readonly exitPrice: number | null;
  readonly cost: Money;
  readonly proceeds: Money;
  readonly commissions: Money;
  /** Cash the trade has moved so far: proceeds - cost - commissions. */
  readonly cashFlow: Money;
  /** The trade's result once closed (= cashFlow); null while open. */
  readonly netPnl: Money | null;
  /** netPnl / cost; null while open. */
  readonly returnOnCost: number | null;
  readonly exits: readonly TradeExit[];
}
