import { GatewayNotAuthenticated } from '../../domain/errors/gateway-not-authenticated.error.js';
import type { GatewayClient } from './gateway-client.js';
import { authStatusSchema, type AuthStatusBody } from './schemas/session.schema.js';

export const AUTH_STATUS_PATH = '/iserver/auth/status';

/** Whether the gateway's brokerage session can trade, in the gateway's own words. */
export interface AuthState {
  readonly authenticated: boolean;
  readonly competing: boolean;
  readonly message: string;
}

export function isUsable(state: AuthState): boolean {
  return state.authenticated && !state.competing;
}

export function authStateOf(body: AuthStatusBody): AuthState {
  const message = [body.message, body.fail].find((text) => text !== undefined && text !== null && text !== '');
  return {
    authenticated: body.authenticated,
    competing: body.competing,
    message: message ?? describe(body.authenticated, body.competing),
  };
}

/** Asks `/iserver/auth/status`; an HTTP 401 is an answer too (not authenticated), not a failure. */
export async function readAuthState(client: GatewayClient): Promise<AuthState> {
  try {
    return authStateOf(await client.get(AUTH_STATUS_PATH, authStatusSchema));
  } catch (error) {
    if (error instanceof GatewayNotAuthenticated) return authStateFromError(error);
    throw error;
  }
}

/** What an HTTP 401 (or any GatewayNotAuthenticated) says about the session. */
export function authStateFromError(error: GatewayNotAuthenticated): AuthState {
  return { authenticated: false, competing: error.competing, message: error.gatewayMessage };
}

export function notAuthenticated(state: AuthState): GatewayNotAuthenticated {
  return new GatewayNotAuthenticated(state.message, state.competing);
}

function describe(authenticated: boolean, competing: boolean): string {
  if (competing) return 'another login (TWS, Client Portal or IBKR Mobile) holds the brokerage session';
  return authenticated ? 'authenticated' : 'the brokerage session is not authenticated';
}
