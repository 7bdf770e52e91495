import type { z } from 'zod';
import { DomainError } from '../../../domain/errors/domain-error.js';
import type { GatewayFaults } from '../faults/gateway-faults.js';
import type { GatewayState } from '../gateway-state.js';
import type { RequestRecord } from '../http/request-pipeline.js';
import { Router } from '../http/router.js';
import { badRequest, notFound, ok, type SimRequest, type SimResponse } from '../http/sim-http.js';
import type { SimulatorMarket } from '../market/simulator-market.js';
import { barsRequestSchema, faultPlanSchema, instantRequestSchema, quoteRequestSchema } from './admin.schemas.js';

export interface AdminDeps {
  readonly state: GatewayState;
  readonly market: SimulatorMarket;
  readonly faults: GatewayFaults;
  readonly requests: () => readonly RequestRecord[];
}

/** The admin endpoints, served on the gateway's own port (loopback only) outside `/v1/api`. */
const ADMIN_ENDPOINTS = {
  'GET /sim': 'this list',
  'GET /sim/state': 'simulator time, session status, account summary',
  'POST /sim/bars': '{symbol, size?: "1min"|"1d", trade?: true, bars: [{start, open, high, low, close, volume}]}',
  'POST /sim/quotes': '{symbol, at?, last?, bid?, ask?}',
  'POST /sim/day/end': '{at?}: the close; DAY orders expire',
  'POST /sim/clock': '{at}: move a replay forward',
  'GET /sim/orders': 'every order the exchange has seen',
  'GET /sim/requests': 'the requests answered so far',
  'POST /sim/faults':
    'a fault plan: {sessionExpired, competingSession, reauthenticationFails, enforcePacing, rateLimitNext, rateLimits, serverErrors, latency, dropConnections, dropAfterOrderAccepted, rejectOrders, questionsBeforeNextOrder}',
  'DELETE /sim/faults': 'switch every fault off',
  'POST /sim/session/expire': 'the brokerage session expires',
  'POST /sim/session/login': 'a fresh login, as IBeam makes',
} as const;

export function adminHandler(deps: AdminDeps): (request: Omit<SimRequest, 'params'>) => SimResponse {
  const router = adminRouter(deps);
  return (request) => {
    const match = router.match(request.method, request.path);
    if (match === undefined) return notFound(request.method, request.path);
    try {
      return match.handler({ ...request, params: match.params });
    } catch (error) {
      if (error instanceof DomainError) return badRequest(error.message);
      throw error;
    }
  };
}

function adminRouter({ state, market, faults, requests }: AdminDeps): Router {
  return new Router()
    .get('/sim', () => ok(ADMIN_ENDPOINTS))
    .get('/sim/state', () =>
      ok({
        now: state.now(),
        replay: state.clock.isReplay,
        session: state.session.status(),
        account: state.exchange.accountSummary(),
        faults: faults.counts,
      }),
    )
    .post('/sim/bars', (request) =>
      withBody(barsRequestSchema, request, ({ symbol, size, trade, bars }) => {
        if (trade) for (const bar of bars) market.publishBar(symbol, bar, size);
        else market.recordBars(symbol, bars, size);
        return ok({ published: bars.length, now: state.now() });
      }),
    )
    .post('/sim/quotes', (request) =>
      withBody(quoteRequestSchema, request, ({ symbol, ...update }) => {
        market.publishQuote(symbol, update);
        return ok({ now: state.now() });
      }),
    )
    .post('/sim/day/end', (request) =>
      withBody(instantRequestSchema, request, ({ at }) => {
        market.endOfDay(at);
        return ok({ now: state.now() });
      }),
    )
    .post('/sim/clock', (request) =>
      withBody(instantRequestSchema, request, ({ at }) => {
        if (at === undefined) return badRequest('at is required');
        market.advanceTo(at);
        return ok({ now: state.now() });
      }),
    )
    .get('/sim/orders', () => ok(state.exchange.orders()))
    .get('/sim/requests', () => ok(requests()))
    .post('/sim/faults', (request) =>
      withBody(faultPlanSchema, request, (plan) => {
        faults.apply(plan);
        return ok({ applied: plan });
      }),
    )
    .delete('/sim/faults', () => {
      faults.clear();
      return ok({ cleared: true });
    })
    .post('/sim/session/expire', () => {
      faults.expireSession();
      return ok(state.session.status());
    })
    .post('/sim/session/login', () => {
      state.login();
      return ok(state.session.status());
    });
}

function withBody<S extends z.ZodType>(
  schema: S,
  request: SimRequest,
  handle: (body: z.output<S>) => SimResponse,
): SimResponse {
  const parsed = schema.safeParse(request.body ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return badRequest(`${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid body'}`);
  }
  return handle(parsed.data);
}
