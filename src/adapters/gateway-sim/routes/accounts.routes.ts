import type { GatewayState } from '../gateway-state.js';
import type { Router } from '../http/router.js';
import { gatewayError, ok } from '../http/sim-http.js';
import { iserverAccountsBody, portfolioAccountsBody } from '../payloads/accounts.payloads.js';

/** The account lists (which the gateway wants read before account and portfolio calls) and account switching. */
export function registerAccountRoutes(router: Router, state: GatewayState): void {
  const { session } = state;
  const portfolioAccounts = () => {
    session.notePortfolioAccountsRead();
    return ok(portfolioAccountsBody(state.accountId));
  };
  router
    .get('/iserver/accounts', () => {
      session.noteIserverAccountsRead();
      return ok(iserverAccountsBody(state.accountId, session.sessionId));
    })
    .post('/iserver/account', (request) => {
      const wanted = (request.body as { acctId?: unknown } | undefined)?.acctId;
      if (wanted !== state.accountId) return gatewayError(`account ${String(wanted)} is not available`, 400);
      return ok({ set: true, acctId: state.accountId });
    })
    .get('/portfolio/accounts', portfolioAccounts)
    .get('/portfolio/subaccounts', portfolioAccounts);
}
