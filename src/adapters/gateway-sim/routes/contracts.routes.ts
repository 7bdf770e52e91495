import type { GatewayState } from '../gateway-state.js';
import type { Router } from '../http/router.js';
import { badRequest, gatewayError, ok, type SimRequest, type SimResponse } from '../http/sim-http.js';
import type { Listing } from '../market/listings.js';
import { contractInfo, secdefMatch, trsrvStocksBody } from '../payloads/contracts.payloads.js';

interface SearchTerms {
  readonly symbol: string;
  readonly byName: boolean;
  readonly secType: string | undefined;
}

/** Symbol search (GET and the older POST), contract details and `/trsrv/stocks`. */
export function registerContractRoutes(router: Router, state: GatewayState): void {
  const search = (terms: SearchTerms | undefined): SimResponse => {
    if (terms === undefined || terms.symbol.trim() === '') return badRequest('symbol is required');
    const { catalogue } = state;
    const found = terms.byName ? catalogue.byName(terms.symbol) : catalogue.bySymbol(terms.symbol);
    // Every simulated listing is a stock; asking for another security type finds nothing.
    const matches = terms.secType === undefined || terms.secType === 'STK' ? found : [];
    return matches.length === 0 ? gatewayError('No symbol found') : ok(matches.map(secdefMatch));
  };
  router
    .get('/iserver/secdef/search', (request) => search(termsFromQuery(request)))
    .post('/iserver/secdef/search', (request) => search(termsFromBody(request)))
    .get('/iserver/contract/:conid/info', (request) => {
      const listing = state.listingOf(Number(request.params.conid));
      return listing === undefined
        ? gatewayError(`invalid conid ${request.params.conid}`, 400)
        : ok(contractInfo(listing));
    })
    .get('/trsrv/stocks', (request) => {
      const symbols = (request.query.get('symbols') ?? '')
        .split(',')
        .map((symbol) => symbol.trim().toUpperCase())
        .filter((symbol) => symbol !== '');
      if (symbols.length === 0) return badRequest('symbols is required');
      return ok(trsrvStocksBody(symbols, (symbol): Listing[] => state.catalogue.bySymbol(symbol)));
    });
}

function termsFromQuery(request: SimRequest): SearchTerms | undefined {
  const symbol = request.query.get('symbol');
  if (symbol === null) return undefined;
  return { symbol, byName: request.query.get('name') === 'true', secType: request.query.get('secType') ?? undefined };
}

function termsFromBody(request: SimRequest): SearchTerms | undefined {
  const body = request.body as { symbol?: unknown; name?: unknown; secType?: unknown } | undefined;
  if (typeof body?.symbol !== 'string') return undefined;
  return {
    symbol: body.symbol,
    byName: body.name === true,
    secType: typeof body.secType === 'string' ? body.secType : undefined,
  };
}
