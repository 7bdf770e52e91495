import type { Logger } from 'pino';
import { BrokerError } from '../../domain/errors/broker-error.js';
import { LiveAccountRefused } from '../../domain/errors/live-account-refused.error.js';
import type { BrokerAccount } from '../../domain/ports/broker.port.js';
import type { ClientPortalConfig } from './clientportal.config.js';
import type { GatewayClient } from './gateway-client.js';
import { ignoredBody } from './schemas/common.schema.js';
import { iserverAccountsSchema, portfolioAccountsSchema } from './schemas/accounts.schema.js';

type AccountSettings = Pick<ClientPortalConfig, 'accountId' | 'allowLive'>;

/** IBKR paper (demo) account ids start with DU. */
export function isPaperAccountId(accountId: string): boolean {
  return accountId.startsWith('DU');
}

/**
 * Chooses the account to trade before anything else happens. Both account endpoints are read first (the
 * gateway requires it before `/iserver/account/*` and `/portfolio/*` calls), then the paper guard refuses a
 * live account unless the user explicitly allowed live trading.
 */
export class AccountSelector {
  constructor(
    private readonly client: GatewayClient,
    private readonly logger: Logger,
    private readonly settings: AccountSettings,
  ) {}

  async select(): Promise<BrokerAccount> {
    const brokerage = await this.client.get('/iserver/accounts', iserverAccountsSchema);
    const portfolio = await this.client.get('/portfolio/accounts', portfolioAccountsSchema);
    const accountId = this.choose(brokerage.accounts);
    this.guard(accountId);
    if (brokerage.selectedAccount !== undefined && brokerage.selectedAccount !== accountId) {
      // The gateway answers orders and trades for its selected account, so it must be the chosen one.
      await this.client.post('/iserver/account', { acctId: accountId }, ignoredBody, { idempotent: true });
    }
    const details = portfolio.find((account) => account.id === accountId || account.accountId === accountId);
    if (details === undefined) {
      throw new BrokerError('connect', `account ${accountId} is missing from /portfolio/accounts`);
    }
    const account = { accountId, isPaper: isPaperAccountId(accountId), currency: details.currency ?? 'AUD' };
    this.logger.info({ account }, account.isPaper ? 'trading the paper account' : 'trading a LIVE account');
    return account;
  }

  private choose(accounts: readonly string[]): string {
    const wanted = this.settings.accountId;
    if (wanted !== undefined) {
      if (accounts.includes(wanted)) return wanted;
      throw new BrokerError('connect', `account ${wanted} is not among this login's accounts: ${listed(accounts)}`);
    }
    const [only, ...others] = accounts;
    if (only === undefined) throw new BrokerError('connect', 'the gateway login has no trading accounts');
    if (others.length > 0) {
      throw new BrokerError(
        'connect',
        `the login holds several accounts (${listed(accounts)}); configure which one to trade`,
      );
    }
    return only;
  }

  private guard(accountId: string): void {
    if (isPaperAccountId(accountId)) return;
    if (!this.settings.allowLive) throw new LiveAccountRefused(accountId);
    this.logger.warn({ accountId }, 'live trading explicitly allowed: paper guard passed a live account');
  }
}

function listed(accounts: readonly string[]): string {
  return accounts.length === 0 ? 'none' : accounts.join(', ');
}
