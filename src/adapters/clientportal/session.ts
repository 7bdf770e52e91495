import type { Logger } from 'pino';
import { GatewayNotAuthenticated } from '../../domain/errors/gateway-not-authenticated.error.js';
import type { Clock } from '../../domain/ports/clock.port.js';
import type { Notifier } from '../../domain/ports/notifier.port.js';
import {
  authStateFromError,
  authStateOf,
  isUsable,
  notAuthenticated,
  readAuthState,
  type AuthState,
} from './auth-status.js';
import type { ClientPortalConfig } from './clientportal.config.js';
import type { GatewayClient } from './gateway-client.js';
import { reauthenticateSchema, tickleSchema } from './schemas/session.schema.js';

type SessionSettings = Pick<ClientPortalConfig, 'tickleIntervalMs' | 'reauthPolls' | 'reauthPollIntervalMs'>;

type SessionState = 'unknown' | 'authenticated' | 'lost';

/**
 * The gateway's brokerage session as Skim sees it. Keeps it alive with `/tickle`, notices when it is lost
 * (401, `authenticated:false`, `competing:true`), tries ONE reauthentication per loss (a competing login
 * going away counts as a new loss), and tells the user when that does not bring it back. While the session is known to be lost no order goes out.
 */
export class GatewaySession {
  private state: SessionState = 'unknown';
  private last: AuthState = { authenticated: false, competing: false, message: 'not checked yet' };
  private reauthenticationTried = false;
  private recovery: Promise<boolean> | undefined;
  private keepAlive: NodeJS.Timeout | undefined;

  constructor(
    private readonly client: GatewayClient,
    private readonly notifier: Notifier,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly settings: SessionSettings,
  ) {}

  /** Start-up check: fails at once, with the gateway's own message, unless the session can trade. */
  async connect(): Promise<AuthState> {
    const state = await readAuthState(this.client);
    if (!isUsable(state)) {
      this.markLost(state);
      throw notAuthenticated(state);
    }
    this.markAuthenticated(state);
    return state;
  }

  /** Throws GatewayNotAuthenticated unless the session can trade; a session known lost is asked again first. */
  async ensureAuthenticated(): Promise<void> {
    if (this.state === 'authenticated') return;
    const state = await readAuthState(this.client);
    if (isUsable(state)) {
      this.markAuthenticated(state);
      return;
    }
    this.markLost(state);
    throw notAuthenticated(state);
  }

  /** The error that describes the session's current trouble. */
  lostError(): GatewayNotAuthenticated {
    return notAuthenticated(this.last);
  }

  /**
   * Called when a request found the session lost. Concurrent callers share one recovery; the gateway is
   * asked to reauthenticate only once per loss, after which recovery merely checks whether IBeam has
   * logged in again.
   */
  recover(seen?: AuthState): Promise<boolean> {
    this.recovery ??= this.runRecovery(seen).finally(() => {
      this.recovery = undefined;
    });
    return this.recovery;
  }

  /** One keep-alive; a lost session found here starts recovery. */
  async tickle(): Promise<void> {
    let state: AuthState | undefined;
    try {
      const body = await this.client.post('/tickle', undefined, tickleSchema, { idempotent: true });
      const auth = body.iserver?.authStatus;
      state = auth === undefined ? undefined : authStateOf(auth);
    } catch (error) {
      if (!(error instanceof GatewayNotAuthenticated)) {
        this.logger.warn({ err: error }, 'gateway keep-alive failed');
        return;
      }
      state = authStateFromError(error);
    }
    if (state === undefined) return;
    if (isUsable(state)) this.markAuthenticated(state);
    else await this.recover(state);
  }

  startKeepAlive(): void {
    if (this.keepAlive !== undefined) return;
    this.keepAlive = setInterval(() => {
      this.tickle().catch((error: unknown) => {
        this.logger.warn({ err: error }, 'gateway keep-alive failed');
      });
    }, this.settings.tickleIntervalMs);
    // The keep-alive alone must never hold the process open.
    this.keepAlive.unref();
  }

  stopKeepAlive(): void {
    if (this.keepAlive === undefined) return;
    clearInterval(this.keepAlive);
    this.keepAlive = undefined;
  }

  private async runRecovery(seen: AuthState | undefined): Promise<boolean> {
    this.markLost(seen ?? this.last);
    if (this.reauthenticationTried) return this.checkAgain();
    this.reauthenticationTried = true;
    this.logger.warn({ gatewayMessage: this.last.message }, 'gateway session lost; asking it to reauthenticate');
    try {
      await this.client.post('/iserver/reauthenticate', undefined, reauthenticateSchema, { idempotent: false });
    } catch (error) {
      this.logger.warn({ err: error }, 'gateway reauthentication request failed');
    }
    for (let poll = 1; poll <= this.settings.reauthPolls; poll += 1) {
      await this.clock.sleepUntil(this.clock.now() + this.settings.reauthPollIntervalMs);
      if (await this.checkAgain()) {
        this.logger.info({ poll }, 'gateway session reauthenticated');
        return true;
      }
    }
    await this.notifyLost();
    return false;
  }

  private async checkAgain(): Promise<boolean> {
    let state: AuthState;
    try {
      state = await readAuthState(this.client);
    } catch (error) {
      state = { authenticated: false, competing: false, message: `auth status unavailable: ${String(error)}` };
    }
    if (isUsable(state)) this.markAuthenticated(state);
    else this.markLost(state);
    return isUsable(state);
  }

  private async notifyLost(): Promise<void> {
    const { message, competing } = this.last;
    this.logger.error({ gatewayMessage: message, competing }, 'gateway session could not be reauthenticated');
    try {
      await this.notifier.notify({
        kind: 'gateway',
        title: 'IBKR gateway not authenticated',
        message: competing
          ? `Another login holds the IBKR session (${message}). Log out of TWS/Client Portal/IBKR Mobile; no orders are sent until then.`
          : `The gateway lost its IBKR session (${message}). Approve the login on IBKR Mobile or check IBeam; no orders are sent until then.`,
        fields: { competing: String(competing) },
      });
    } catch (error) {
      this.logger.error({ err: error }, 'notifier failed');
    }
  }

  private markAuthenticated(state: AuthState): void {
    this.state = 'authenticated';
    this.last = state;
    this.reauthenticationTried = false;
  }

  private markLost(state: AuthState): void {
    // Once a competing login has gone away, the session it took may come back with one more reauthentication.
    if (this.last.competing && !state.competing) this.reauthenticationTried = false;
    this.state = 'lost';
    this.last = state;
  }
}
