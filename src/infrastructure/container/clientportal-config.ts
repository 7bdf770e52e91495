import { CLIENTPORTAL_DEFAULTS, type ClientPortalConfig } from '../../adapters/clientportal/clientportal.config.js';
import type { GatewaySettings } from '../config/skim-config.js';

/** The Client Portal adapter's settings from Skim's gateway configuration; the rest keeps the adapter's defaults. */
export function clientPortalConfig(gateway: GatewaySettings): ClientPortalConfig {
  const timeoutMs = gateway.timeoutMs;
  return {
    ...CLIENTPORTAL_DEFAULTS,
    baseUrl: gateway.url,
    allowLive: gateway.allowLive,
    insecureTls: gateway.insecureTls,
    confirmQuestionIds: gateway.confirmMessageIds,
    timeouts: {
      connectMs: Math.min(timeoutMs, CLIENTPORTAL_DEFAULTS.timeouts.connectMs),
      headersMs: timeoutMs,
      bodyMs: timeoutMs,
    },
    ...(gateway.accountId === undefined ? {} : { accountId: gateway.accountId }),
    ...(gateway.caFile === undefined ? {} : { caFile: gateway.caFile }),
  };
}
