import { DomainError } from './domain-error.js';

/** An order would break one of the risk rules; `rule` names which one. */
export class RiskLimitExceeded extends DomainError {
  readonly code = 'RISK_LIMIT_EXCEEDED';

  constructor(
    readonly rule: string,
    readonly detail: string,
  ) {
    super(`risk rule ${rule}: ${detail}`);
  }
}
