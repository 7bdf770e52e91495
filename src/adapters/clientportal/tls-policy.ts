import { isIPv4, isIPv6 } from 'node:net';
import type { ClientPortalConfig } from './clientportal.config.js';
import { ClientPortalConfigError } from './errors/client-portal-config.error.js';

/** How the gateway's certificate is checked: verified (optionally against a given CA) or, on loopback, not at all. */
export type TlsPolicy =
  { readonly verify: true; readonly caFile?: string } | { readonly verify: false; readonly host: string };

type TlsSettings = Pick<ClientPortalConfig, 'baseUrl' | 'insecureTls' | 'caFile' | 'composeServiceName'>;

/**
 * The gateway's certificate is self-signed, so checks may be skipped, but only where no one else can sit
 * on the path: this machine, or the compose service on the private network. Anywhere else a skipped check
 * would hand the trading session to whoever answers, so it is refused as a configuration error.
 */
export function tlsPolicyFor(settings: TlsSettings): TlsPolicy {
  const host = gatewayHost(settings.baseUrl);
  if (!settings.insecureTls) {
    return settings.caFile === undefined ? { verify: true } : { verify: true, caFile: settings.caFile };
  }
  const service = settings.composeServiceName.trim().toLowerCase();
  if (isLoopbackHost(host) || (service !== '' && host === service)) return { verify: false, host };
  throw new ClientPortalConfigError(
    'insecureTls',
    `certificate checks may only be skipped for a loopback host or the compose service "${settings.composeServiceName}", not for ${host}`,
  );
}

/** 127.0.0.0/8, ::1 (also IPv4-mapped) and localhost. */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  if (bare === 'localhost') return true;
  if (isIPv4(bare)) return bare.startsWith('127.');
  if (!isIPv6(bare)) return false;
  if (bare === '::1' || bare === '0:0:0:0:0:0:0:1') return true;
  // IPv4-mapped: "::ffff:127.0.0.1", which URL parsing rewrites as "::ffff:7f00:1".
  const dotted = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(bare)?.[1];
  if (dotted !== undefined) return dotted.startsWith('127.');
  const high = /^::ffff:([0-9a-f]{1,4}):[0-9a-f]{1,4}$/.exec(bare)?.[1];
  return high !== undefined && Number.parseInt(high, 16) >> 8 === 127;
}

/** The host name of the gateway URL, lower-case and without IPv6 brackets. */
export function gatewayHost(baseUrl: string): string {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new ClientPortalConfigError('baseUrl', `"${baseUrl}" is not a URL`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new ClientPortalConfigError('baseUrl', `"${baseUrl}" must use https`);
  }
  return url.hostname.replace(/^\[(.*)\]$/, '$1').toLowerCase();
}
