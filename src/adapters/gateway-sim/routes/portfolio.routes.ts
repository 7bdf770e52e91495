import type { BrokerPosition } from '../../../domain/ports/broker.port.js';
import type { GatewayState } from '../gateway-state.js';
import type { Router } from '../http/router.js';
import { badRequest, ok, type SimRequest, type SimResponse } from '../http/sim-http.js';
import { ledgerBody, positionRow, summaryBody } from '../payloads/portfolio.payloads.js';
import { wrongAccount } from './account-check.js';

/**
 * Positions (paged, and cached until invalidated, as the gateway does), the account summary and the
 * cash ledger.
 */
export function registerPortfolioRoutes(router: Router, state: GatewayState): void {
  const forAccount = (answer: (request: SimRequest) => SimResponse) => (request: SimRequest) =>
    wrongAccount(state, request) ?? answer(request);
  router
    .get(
      '/portfolio/:acct/positions/:page',
      forAccount((request) => positionsPage(state, request)),
    )
    .post(
      '/portfolio/:acct/positions/invalidate',
      forAccount(() => {
        state.positionsCache = undefined;
        return ok({ message: 'success' });
      }),
    )
    .get(
      '/portfolio/:acct/summary',
      forAccount(() => ok(summaryBody(state.exchange.accountSummary(), state.now()))),
    )
    .get(
      '/portfolio/:acct/ledger',
      forAccount(() => ok(ledgerBody(state.exchange.accountSummary(), state.now()))),
    );
}

function positionsPage(state: GatewayState, request: SimRequest): SimResponse {
  const page = Number(request.params.page);
  if (!Number.isSafeInteger(page) || page < 0) return badRequest(`page ${request.params.page} is not a page number`);
  state.positionsCache ??= state.exchange.positions();
  const size = state.options.positionsPageSize;
  const rows = state.positionsCache.slice(page * size, (page + 1) * size);
  return ok(rows.map((position) => rowOf(state, position)));
}

function rowOf(state: GatewayState, position: BrokerPosition): Record<string, unknown> {
  const { instrument } = position;
  return positionRow({
    position,
    accountId: state.accountId,
    companyName: state.companyName(instrument.conid),
    marketPrice: state.exchange.quote(instrument).last,
  });
}
