import { BrokerError } from '../../../domain/errors/broker-error.js';

/**
 * `unreachable`: no connection was made, so the request never reached the gateway.
 * `timeout`, `reset`, `server`: the request may have been acted on; a write must be looked up, not resent.
 */
export type TransportFailureKind = 'unreachable' | 'timeout' | 'reset' | 'server';

/** The gateway could not be reached or gave no usable answer. */
export class GatewayTransportFailure extends BrokerError {
  constructor(
    readonly endpoint: string,
    readonly kind: TransportFailureKind,
    detail: string,
    retryable: boolean,
  ) {
    super(endpoint, `${kind}: ${detail}`, retryable);
  }

  /** Whether the gateway may have carried the request out. */
  get ambiguous(): boolean {
    return this.kind !== 'unreachable';
  }
}
