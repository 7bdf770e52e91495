import type { CommissionSchedule } from '../../domain/costs/commission.js';
import { InvalidValue } from '../../domain/errors/invalid-value.error.js';
import type { Instrument } from '../../domain/values/instrument.js';
import type { Money } from '../../domain/values/money.js';

export interface SimulatedExchangeOptions {
  /** Seeds every random choice the exchange makes, so that the same seed and feed replay identically. */
  readonly seed: number;
  readonly commission: CommissionSchedule;
  /** Share of one bar's volume a single order may take, 0 < x <= 1. */
  readonly maxVolumeParticipation: number;
  /** Price slippage against the trader on market and triggered stop fills, in basis points (>= 0). */
  readonly slippageBps: number;
  readonly startingCash: Money;
  readonly accountId: string;
  readonly instruments: readonly Instrument[];
  /** Share of new orders rejected at random (fault injection), 0 <= x <= 1; 0 when absent. */
  readonly randomRejectionRate?: number;
  /** Bars kept per instrument and bar size for history requests; unlimited when absent. */
  readonly barHistoryLimit?: number;
}

export function validateExchangeOptions(options: SimulatedExchangeOptions): void {
  const participation = options.maxVolumeParticipation;
  if (!(participation > 0 && participation <= 1)) {
    throw new InvalidValue('maxVolumeParticipation', participation, 'expected 0 < x <= 1');
  }
  if (!(Number.isFinite(options.slippageBps) && options.slippageBps >= 0)) {
    throw new InvalidValue('slippageBps', options.slippageBps, 'expected a finite number >= 0');
  }
  if (options.startingCash < 0) throw new InvalidValue('startingCash', options.startingCash, 'negative');
  if (options.accountId.trim() === '') throw new InvalidValue('accountId', options.accountId, 'empty');
  const rate = options.randomRejectionRate ?? 0;
  if (!(rate >= 0 && rate <= 1)) throw new InvalidValue('randomRejectionRate', rate, 'expected 0 <= x <= 1');
  const limit = options.barHistoryLimit;
  if (limit !== undefined && !(Number.isSafeInteger(limit) && limit > 0)) {
    throw new InvalidValue('barHistoryLimit', limit, 'expected a positive whole number');
  }
}
