import { DomainError } from './domain-error.js';

/** The paper guard refused an account that is not an IBKR paper account. */
export class LiveAccountRefused extends DomainError {
  readonly code = 'LIVE_ACCOUNT_REFUSED';

  constructor(readonly accountId: string) {
    super(
      `account ${accountId} is not a paper account (paper ids start with DU); set SKIM_ALLOW_LIVE=yes-i-understand to trade it`,
    );
  }
}
