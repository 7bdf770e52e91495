import { DomainError } from '../../domain/errors/domain-error.js';

/** The TradingView screener answered with something that is not a scan result envelope. */
export class TradingViewPayloadError extends DomainError {
  readonly code = 'TRADINGVIEW_PAYLOAD';

  constructor(readonly detail: string) {
    super(`TradingView scan response: ${detail}`);
  }
}
