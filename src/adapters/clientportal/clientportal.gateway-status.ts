import { readAuthState } from './auth-status.js';
import type { GatewayClient } from './gateway-client.js';

/** The gateway's half of Skim's health picture; the IBeam health adapter adds IBeam's own endpoints. */
export interface GatewayAuthReport {
  readonly gatewayAuthenticated: boolean;
  readonly competing: boolean;
  readonly message: string;
}

/** Reports `/iserver/auth/status`. Never throws: a gateway that cannot answer is reported as not authenticated. */
export class ClientPortalGatewayStatus {
  constructor(private readonly client: GatewayClient) {}

  async check(): Promise<GatewayAuthReport> {
    try {
      const state = await readAuthState(this.client);
      return { gatewayAuthenticated: state.authenticated, competing: state.competing, message: state.message };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return { gatewayAuthenticated: false, competing: false, message: `gateway did not answer: ${message}` };
    }
  }
}
