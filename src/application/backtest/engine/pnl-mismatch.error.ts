import type { Money } from '../../../domain/values/money.js';

/**
 * The P&L a backtest reports (equity against starting cash) differs from the P&L its fills add up to:
 * the engine or the exchange lost or invented money somewhere.
 */
export class PnlMismatch extends Error {
  readonly code = 'PNL_MISMATCH';

  constructor(
    readonly reported: Money,
    readonly fromFills: Money,
  ) {
    super(`reported P&L ${reported} mills differs from the ${fromFills} mills recomputed from the fills`);
    this.name = 'PnlMismatch';
  }
}
