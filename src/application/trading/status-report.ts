import type { CandidateStatus } from '../../domain/candidate/candidate.js';
import type { Fill } from '../../domain/orders/fill.js';
import type { GatewayHealthStatus } from '../../domain/ports/gateway-health.port.js';
import type { PositionStatus } from '../../domain/position/position.js';
import type { KillSwitch } from '../../domain/risk/daily-loss.js';
import type { AsxSymbol } from '../../domain/values/instrument.js';
import type { Money } from '../../domain/values/money.js';
import type { Price } from '../../domain/values/price.js';
import type { Quantity } from '../../domain/values/quantity.js';
import type { EpochMs, LocalDate } from '../../domain/values/time.js';
import type { HaltState } from '../shared/trading-halt.js';

export interface CandidateLine {
  readonly symbol: AsxSymbol;
  readonly status: CandidateStatus;
  readonly gapPct: number;
  readonly headline?: string;
  readonly openingRangeHigh?: Price;
  readonly openingRangeLow?: Price;
  readonly lowOfDay?: Price;
  readonly note?: string;
}

interface PositionFacts {
  readonly symbol: AsxSymbol;
  readonly positionId: string;
  readonly status: PositionStatus;
  readonly quantity: Quantity;
  readonly entryDate: LocalDate;
  /** Average entry price of the shares held, in mills (may lie between ticks). */
  readonly averageEntryMills: number;
  readonly stopPrice: Price;
}

/** An open position; priced at the broker's last price, or saying why it could not be. */
export type PositionLine =
  | (PositionFacts & { readonly priced: true; readonly last: Price; readonly unrealisedPnl: Money })
  | (PositionFacts & { readonly priced: false; readonly quoteMissing: string });

export type GatewayLine =
  | { readonly reachable: true; readonly health: GatewayHealthStatus }
  | { readonly reachable: false; readonly error: string };

/** Everything `skim status` shows, as plain data; the CLI formats it. */
export interface StatusReport {
  readonly asOf: EpochMs;
  readonly date: LocalDate;
  readonly tradingDay: boolean;
  readonly candidates: readonly CandidateLine[];
  readonly positions: readonly PositionLine[];
  /** Executions recorded today, oldest first. */
  readonly trades: readonly Fill[];
  readonly realisedPnl: Money;
  /** Unrealised P&L of the priced positions only. */
  readonly unrealisedPnl: Money;
  readonly dayPnl: Money;
  readonly gateway: GatewayLine;
  readonly halt: HaltState;
  readonly killSwitch: KillSwitch;
  readonly maxDailyLoss: Money;
}
