import { BrokerError } from '../../../domain/errors/broker-error.js';

/**
 * The gateway answered HTTP 429: a pacing limit was exceeded. Never repeated at once: a client that keeps
 * exceeding is locked out for minutes. Not retryable as such, because a refused POST may still need a lookup.
 */
export class GatewayRateLimited extends BrokerError {
  constructor(
    readonly endpoint: string,
    readonly retryAfterMs?: number,
  ) {
    super(endpoint, 'HTTP 429: the gateway pacing limit was exceeded');
  }
}
