import type { GatewayState } from '../gateway-state.js';
import { gatewayError, type SimRequest, type SimResponse } from '../http/sim-http.js';

/** The refusal for a request naming another account in its path (`:acct`), or undefined when it is ours. */
export function wrongAccount(state: GatewayState, request: SimRequest): SimResponse | undefined {
  const named = request.params.acct;
  if (named === undefined || named === state.accountId) return undefined;
  return gatewayError(`account ${named} is not available to this login (it holds ${state.accountId})`, 400);
}
