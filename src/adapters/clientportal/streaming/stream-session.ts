import { GatewayNotAuthenticated } from '../../../domain/errors/gateway-not-authenticated.error.js';
import type { GatewayClient } from '../gateway-client.js';
import { tickleSchema } from '../schemas/session.schema.js';

/**
 * The session value the WebSocket authenticates with, from `/tickle` through the broker's paced client.
 * Throws GatewayNotAuthenticated when the gateway has no usable brokerage session.
 */
export async function streamSessionToken(client: GatewayClient): Promise<string> {
  const body = await client.post('/tickle', undefined, tickleSchema, { idempotent: true });
  const auth = body.iserver?.authStatus;
  if (auth !== undefined && (!auth.authenticated || auth.competing)) {
    throw new GatewayNotAuthenticated(auth.message ?? 'the brokerage session is not authenticated', auth.competing);
  }
  if (body.session === undefined || body.session === '') {
    throw new GatewayNotAuthenticated('/tickle answered without a session value for the WebSocket');
  }
  return body.session;
}
