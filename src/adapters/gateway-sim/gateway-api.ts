import type { GatewayState } from './gateway-state.js';
import { Router } from './http/router.js';
import { gatewayError, notFound, type SimRequest, type SimResponse } from './http/sim-http.js';
import { registerAccountRoutes } from './routes/accounts.routes.js';
import { registerContractRoutes } from './routes/contracts.routes.js';
import { registerMarketDataRoutes } from './routes/market-data.routes.js';
import { registerOrderBookRoutes } from './routes/order-book.routes.js';
import { registerOrderPlacementRoutes } from './routes/order-placement.routes.js';
import { registerPortfolioRoutes } from './routes/portfolio.routes.js';
import { registerScannerRoutes } from './routes/scanner.routes.js';
import { registerSessionRoutes } from './routes/session.routes.js';

/** Paths under the brokerage session that answer even while it is down: they are how it comes back. */
const SESSION_PATHS = new Set(['/iserver/auth/status', '/iserver/reauthenticate', '/iserver/auth/ssodh/init']);
const UNAUTHORIZED: SimResponse = { status: 401 };

/**
 * The `/v1/api` endpoints with the gateway's rules in front of them: nothing answers after a logout,
 * `/iserver/*` and `/portfolio/*` answer 401 while the brokerage session is down or held by another login,
 * and the account lists must have been read before account and portfolio calls.
 */
export class GatewayApi {
  private readonly router = new Router();

  constructor(private readonly state: GatewayState) {
    registerSessionRoutes(this.router, state);
    registerAccountRoutes(this.router, state);
    registerContractRoutes(this.router, state);
    registerMarketDataRoutes(this.router, state);
    registerOrderPlacementRoutes(this.router, state);
    registerOrderBookRoutes(this.router, state);
    registerPortfolioRoutes(this.router, state);
    registerScannerRoutes(this.router, state);
  }

  handle(request: Omit<SimRequest, 'params'>): SimResponse {
    const { session } = this.state;
    session.touch();
    const refusal = this.sessionRefusal(request.path) ?? this.accountsFirstRefusal(request.path);
    if (refusal !== undefined) return refusal;
    const match = this.router.match(request.method, request.path);
    if (match === undefined) return notFound(request.method, request.path);
    return match.handler({ ...request, params: match.params });
  }

  private sessionRefusal(path: string): SimResponse | undefined {
    const { session } = this.state;
    if (!session.isLoggedIn) return UNAUTHORIZED;
    const brokerage = (path.startsWith('/iserver/') || path.startsWith('/portfolio/')) && !SESSION_PATHS.has(path);
    if (!brokerage || session.canTrade) return undefined;
    // While another login holds the session the scanner fails its own way (clientportal-api.md §Scanner).
    if (path === '/iserver/scanner/run' && session.isCompeting) return gatewayError('EMPTY response', 500);
    return UNAUTHORIZED;
  }

  private accountsFirstRefusal(path: string): SimResponse | undefined {
    if (!this.state.options.requireAccountsFirst) return undefined;
    const { session } = this.state;
    if (path.startsWith('/iserver/account/') && !session.hasReadIserverAccounts) {
      return gatewayError('Please query /iserver/accounts first', 400);
    }
    const portfolioList = path === '/portfolio/accounts' || path === '/portfolio/subaccounts';
    if (path.startsWith('/portfolio/') && !portfolioList && !session.hasReadPortfolioAccounts) {
      return gatewayError('Please query /portfolio/accounts first', 400);
    }
    return undefined;
  }
}
