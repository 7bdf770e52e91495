import type { GatewayState } from '../gateway-state.js';
import type { Router } from '../http/router.js';
import { ok } from '../http/sim-http.js';
import { authStatusBody, ssoRemainingMs, ssoValidateBody, tickleBody } from '../payloads/session.payloads.js';

/** Auth status, keep-alive, reauthentication, logout and SSO validation. */
export function registerSessionRoutes(router: Router, state: GatewayState): void {
  const { session } = state;
  const authStatus = () => ok(authStatusBody(session.status()));
  const tickle = () =>
    ok(tickleBody(session.sessionId, session.status(), ssoRemainingMs(session.loggedInAt, state.now())));
  router
    .get('/iserver/auth/status', authStatus)
    .post('/iserver/auth/status', authStatus)
    .get('/tickle', tickle)
    .post('/tickle', tickle)
    .post('/iserver/reauthenticate', () => {
      session.reauthenticate();
      return ok({ message: 'triggered' });
    })
    .post('/iserver/auth/ssodh/init', (request) => {
      // `compete: true` takes the brokerage session over from another login of the same user.
      if (isRecord(request.body) && request.body.compete === true) session.setCompeting(false);
      session.reauthenticate();
      return ok(authStatusBody(session.status()));
    })
    .post('/logout', () => {
      state.logout();
      return ok({ status: true });
    })
    .get('/sso/validate', () => ok(ssoValidateBody(session.loggedInAt, state.now())));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
