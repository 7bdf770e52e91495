import { randomBytes } from 'node:crypto';
import type { Clock } from '../../../domain/ports/clock.port.js';
import type { EpochMs } from '../../../domain/values/time.js';

/** `/iserver/auth/status` as the gateway reports it (also nested in `/tickle`). */
export interface AuthStatusView {
  readonly authenticated: boolean;
  readonly competing: boolean;
  readonly connected: boolean;
  readonly message: string;
  readonly fail: string;
}

/**
 * The gateway's brokerage session. IBeam keeps it logged in; it can expire (daily reset, idle), be taken
 * by a competing login of the same user, be asked to reauthenticate (which succeeds by the next status
 * check unless made to fail), or be logged out (then only a new login, i.e. IBeam, brings it back).
 */
export class SessionState {
  readonly sessionId = randomBytes(16).toString('hex');
  private authenticated = true;
  private competing = false;
  private loggedOut = false;
  private reauthenticationFails = false;
  private reauthenticationPending = false;
  private iserverAccountsRead = false;
  private portfolioAccountsRead = false;
  private lastRequestAt: EpochMs;
  private loginAt: EpochMs;

  constructor(
    private readonly clock: Clock,
    private readonly idleTimeoutMs: number | undefined,
  ) {
    this.lastRequestAt = clock.now();
    this.loginAt = clock.now();
  }

  /** Every request keeps the session alive; one arriving after the idle timeout finds it expired. */
  touch(): void {
    const now = this.clock.now();
    if (this.idleTimeoutMs !== undefined && now - this.lastRequestAt > this.idleTimeoutMs) this.expire();
    this.lastRequestAt = Math.max(this.lastRequestAt, now);
  }

  /** Orders, market data and portfolio calls need an authenticated session that no one else holds. */
  get canTrade(): boolean {
    return this.authenticated && !this.competing;
  }

  get isCompeting(): boolean {
    return this.competing;
  }

  get isLoggedIn(): boolean {
    return !this.loggedOut;
  }

  /** Reading the status is when a triggered reauthentication is seen to have completed. */
  status(): AuthStatusView {
    if (this.reauthenticationPending && !this.reauthenticationFails && !this.competing && !this.loggedOut) {
      this.authenticated = true;
      this.reauthenticationPending = false;
    }
    return {
      authenticated: this.authenticated && !this.competing,
      competing: this.competing,
      connected: !this.loggedOut,
      message: '',
      fail: '',
    };
  }

  /** `POST /iserver/reauthenticate`: only a live login can re-establish its brokerage session. */
  reauthenticate(): void {
    if (this.loggedOut) return;
    this.reauthenticationPending = true;
  }

  /** The brokerage session ends (daily reset, idle); `reauthenticate` can bring it back. */
  expire(): void {
    this.authenticated = false;
    this.reauthenticationPending = false;
  }

  setCompeting(competing: boolean): void {
    this.competing = competing;
  }

  setReauthenticationFails(fails: boolean): void {
    this.reauthenticationFails = fails;
  }

  logout(): void {
    this.loggedOut = true;
    this.authenticated = false;
    this.reauthenticationPending = false;
    this.forgetAccounts();
  }

  /** A fresh login, as IBeam makes after the session was logged out or the gateway restarted. */
  login(): void {
    this.loggedOut = false;
    this.authenticated = true;
    this.loginAt = this.clock.now();
    this.reauthenticationPending = false;
    this.forgetAccounts();
  }

  noteIserverAccountsRead(): void {
    this.iserverAccountsRead = true;
  }

  notePortfolioAccountsRead(): void {
    this.portfolioAccountsRead = true;
  }

  get hasReadIserverAccounts(): boolean {
    return this.iserverAccountsRead;
  }

  get hasReadPortfolioAccounts(): boolean {
    return this.portfolioAccountsRead;
  }

  get loggedInAt(): EpochMs {
    return this.loginAt;
  }

  private forgetAccounts(): void {
    this.iserverAccountsRead = false;
    this.portfolioAccountsRead = false;
  }
}
