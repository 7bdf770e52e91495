import { BrokerError } from '../../../domain/errors/broker-error.js';

/** The gateway answered with a shape Skim does not understand; `path` names the field at fault. */
export class UnexpectedResponse extends BrokerError {
  constructor(
    readonly endpoint: string,
    readonly path: string,
    readonly detail: string,
  ) {
    super(endpoint, `unexpected response at ${path === '' ? '(root)' : path}: ${detail}`);
  }
}
