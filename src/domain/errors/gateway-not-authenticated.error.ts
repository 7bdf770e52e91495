import { DomainError } from './domain-error.js';

/** The broker gateway has no authenticated brokerage session; nothing may be traded until it has. */
export class GatewayNotAuthenticated extends DomainError {
  readonly code = 'GATEWAY_NOT_AUTHENTICATED';

  constructor(
    readonly gatewayMessage: string,
    readonly competing = false,
  ) {
    super(
      competing
        ? `gateway session is held by a competing login: ${gatewayMessage}`
        : `gateway is not authenticated: ${gatewayMessage}`,
    );
  }
}
