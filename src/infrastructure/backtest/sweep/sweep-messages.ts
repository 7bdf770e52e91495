import type { SkimConfig } from '../../config/skim-config.js';
import type { BacktestSpec } from '../backtest-spec.js';
import type { SweepRunResult } from './sweep-result.js';

export interface SweepRequest {
  readonly index: number;
  readonly config: SkimConfig;
  readonly spec: BacktestSpec;
}

export type SweepReply =
  | { readonly kind: 'done'; readonly result: SweepRunResult }
  | { readonly kind: 'failed'; readonly index: number; readonly message: string };
