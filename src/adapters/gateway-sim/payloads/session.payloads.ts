import type { EpochMs } from '../../../domain/values/time.js';
import type { AuthStatusView } from '../session/session-state.js';

export const SIMULATOR_USER = 'skimpaper';
export const SIMULATOR_USER_ID = 10_234_567;
const SERVER_INFO = { serverName: 'SkimGatewaySim', serverVersion: 'Build 10.30.1, simulated' } as const;
const SSO_LIFETIME_MS = 24 * 60 * 60_000;

/** `/iserver/auth/status`. */
export function authStatusBody(status: AuthStatusView): Record<string, unknown> {
  return {
    authenticated: status.authenticated,
    competing: status.competing,
    connected: status.connected,
    message: status.message,
    MAC: '02:00:00:00:00:01',
    serverInfo: SERVER_INFO,
    fail: status.fail,
  };
}

/** `/tickle`: the session id (also what the WebSocket wants) with the auth status nested inside. */
export function tickleBody(sessionId: string, status: AuthStatusView, ssoExpiresMs: number): Record<string, unknown> {
  return {
    session: sessionId,
    ssoExpires: Math.max(0, ssoExpiresMs),
    collission: false,
    userId: SIMULATOR_USER_ID,
    hmds: { error: 'no bridge' },
    iserver: { authStatus: authStatusBody(status) },
  };
}

/** `/sso/validate`: who is logged in and for how long. */
export function ssoValidateBody(loggedInAt: EpochMs, now: EpochMs): Record<string, unknown> {
  return {
    USER_ID: SIMULATOR_USER_ID,
    USER_NAME: SIMULATOR_USER,
    RESULT: true,
    AUTH_TIME: loggedInAt,
    SF_ENABLED: false,
    IS_FREE_TRIAL: false,
    CREDENTIAL: SIMULATOR_USER,
    IP: '127.0.0.1',
    EXPIRES: ssoRemainingMs(loggedInAt, now),
    LANDING_APP: 'UNIVERSAL',
    IS_MASTER: false,
    lastAccessed: now,
    loginType: 2,
    PAPER_USER_NAME: SIMULATOR_USER,
  };
}

export function ssoRemainingMs(loggedInAt: EpochMs, now: EpochMs): number {
  return Math.max(0, loggedInAt + SSO_LIFETIME_MS - now);
}
