import { readFileSync } from 'node:fs';
import type { ClientOptions } from 'ws';
import type { ClientPortalConfig } from '../clientportal.config.js';
import { ClientPortalConfigError } from '../errors/client-portal-config.error.js';
import { tlsPolicyFor } from '../tls-policy.js';

export const WEBSOCKET_PATH = '/v1/api/ws';

type SocketSettings = Pick<ClientPortalConfig, 'baseUrl' | 'insecureTls' | 'caFile' | 'composeServiceName'>;

/** `https://127.0.0.1:5000` → `wss://127.0.0.1:5000/v1/api/ws`. */
export function websocketUrl(baseUrl: string): string {
  const url = new URL(baseUrl);
  url.protocol = url.protocol === 'http:' ? 'ws:' : 'wss:';
  url.pathname = WEBSOCKET_PATH;
  url.search = '';
  return url.toString();
}

/**
 * Socket options under the same certificate policy as the REST client (tls-policy.ts), with the session
 * also sent as the `api` cookie, which some gateway versions expect instead of the first message.
 */
export function websocketOptions(config: SocketSettings, session: string, handshakeTimeoutMs: number): ClientOptions {
  const policy = tlsPolicyFor(config);
  const tls = policy.verify ? { rejectUnauthorized: true, ca: readCa(policy.caFile) } : { rejectUnauthorized: false };
  return {
    ...tls,
    handshakeTimeout: handshakeTimeoutMs,
    headers: { cookie: `api=${session}`, 'user-agent': 'skim' },
    perMessageDeflate: false,
  };
}

function readCa(caFile: string | undefined): string | undefined {
  if (caFile === undefined) return undefined;
  try {
    return readFileSync(caFile, 'utf8');
  } catch (error) {
    throw new ClientPortalConfigError('caFile', `cannot read ${caFile}: ${String(error)}`);
  }
}
