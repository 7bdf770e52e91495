import { BrokerError } from '../../../domain/errors/broker-error.js';

/**
 * The scanner answered HTTP 500 "EMPTY response", which is what it does while another brokerage session of
 * the same username is logged in elsewhere. The gateway does not say so itself, hence "suspected".
 */
export class CompetingSessionSuspected extends BrokerError {
  constructor(
    readonly endpoint: string,
    readonly gatewayDetail: string,
  ) {
    super(
      endpoint,
      `${gatewayDetail}: probably a competing session — another brokerage login of the same username ` +
        '(TWS, Client Portal or IBKR Mobile) is active elsewhere; log it out and let the gateway reauthenticate',
    );
  }
}
