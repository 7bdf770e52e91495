import type { Logger } from 'pino';
import type { Dispatcher } from 'undici';
import { BrokerError } from '../../domain/errors/broker-error.js';
import { GatewayNotAuthenticated } from '../../domain/errors/gateway-not-authenticated.error.js';
import type { Bar } from '../../domain/market/bar.js';
import type { Quote } from '../../domain/market/quote.js';
import type { BrokerOrder } from '../../domain/orders/broker-order.js';
import type { ClientOrderId } from '../../domain/orders/client-order-id.js';
import type { Fill } from '../../domain/orders/fill.js';
import type { OrderIntent } from '../../domain/orders/order-intent.js';
import type {
  AccountSummary,
  BarRequest,
  Broker,
  BrokerAccount,
  BrokerPosition,
} from '../../domain/ports/broker.port.js';
import type { Clock } from '../../domain/ports/clock.port.js';
import type { Notifier } from '../../domain/ports/notifier.port.js';
import type { AsxSymbol, Instrument } from '../../domain/values/instrument.js';
import type { EpochMs } from '../../domain/values/time.js';
import { AccountSelector } from './accounts.js';
import { authStateFromError } from './auth-status.js';
import type { ClientPortalConfig } from './clientportal.config.js';
import { ClientPortalGatewayStatus } from './clientportal.gateway-status.js';
import { ContractResolver } from './contracts.js';
import { Executions } from './executions.js';
import { connectToGateway, type GatewayClient } from './gateway-client.js';
import { MarketData } from './market-data.js';
import { OrderLookup } from './order-lookup.js';
import { OrderReplies } from './order-replies.js';
import { Orders } from './orders.js';
import { Portfolio } from './portfolio.js';
import { PriceHistory } from './price-history.js';
import { GatewaySession } from './session.js';

export interface ClientPortalDeps {
  /** undici dispatcher to send through; tests pass a MockAgent. Without one a pooled Agent is built. */
  readonly dispatcher?: Dispatcher;
  readonly clock: Clock;
  readonly notifier: Notifier;
  readonly logger: Logger;
  /** Jitter source for backoff; Math.random unless given. */
  readonly random?: () => number;
}

/** What only exists once an account has been chosen. */
interface Trading {
  readonly account: BrokerAccount;
  readonly orders: Orders;
  readonly executions: Executions;
  readonly portfolio: Portfolio;
}

/**
 * The Broker port over the IBKR Client Portal gateway (kept logged in by IBeam). `connect()` must succeed
 * before anything account-bound. Reads that meet a lost session are repeated once if the session comes
 * back; orders never are: a later `placeOrder` looks its client order id up first.
 */
export class ClientPortalBroker implements Broker {
  private readonly client: GatewayClient;
  private readonly closeConnection: () => Promise<void>;
  private readonly session: GatewaySession;
  private readonly contracts: ContractResolver;
  private readonly marketData: MarketData;
  private readonly history: PriceHistory;
  private trading: Trading | undefined;

  constructor(
    private readonly config: ClientPortalConfig,
    private readonly deps: ClientPortalDeps,
  ) {
    const connection = connectToGateway(config, deps);
    this.client = connection.client;
    this.closeConnection = () => connection.close();
    this.session = new GatewaySession(this.client, deps.notifier, deps.clock, deps.logger, config);
    this.contracts = new ContractResolver(this.client);
    this.marketData = new MarketData(this.client, deps.clock, deps.logger, config);
    this.history = new PriceHistory(this.client, deps.clock);
  }

  async connect(): Promise<BrokerAccount> {
    await this.session.connect();
    const account = await new AccountSelector(this.client, this.deps.logger, this.config).select();
    this.trading = this.tradingFor(account);
    this.session.startKeepAlive();
    return account;
  }

  resolveInstrument(symbol: AsxSymbol): Promise<Instrument> {
    return this.read(() => this.contracts.resolve(symbol));
  }

  quotes(instruments: readonly Instrument[]): Promise<Quote[]> {
    return this.read(() => this.marketData.quotes(instruments));
  }

  bars(instrument: Instrument, request: BarRequest): Promise<Bar[]> {
    return this.read(() => this.history.bars(instrument, request));
  }

  placeOrder(intent: OrderIntent): Promise<BrokerOrder> {
    return this.write(() => this.connected('placeOrder').orders.place(intent));
  }

  cancelOrder(clientOrderId: ClientOrderId): Promise<BrokerOrder> {
    return this.write(() => this.connected('cancelOrder').orders.cancel(clientOrderId));
  }

  findOrder(clientOrderId: ClientOrderId): Promise<BrokerOrder | undefined> {
    return this.read(() => this.connected('findOrder').orders.find(clientOrderId));
  }

  openOrders(): Promise<BrokerOrder[]> {
    return this.read(() => this.connected('openOrders').orders.open());
  }

  fills(since: EpochMs): Promise<Fill[]> {
    return this.read(() => this.connected('fills').executions.fillsSince(since));
  }

  positions(): Promise<BrokerPosition[]> {
    return this.read(() => this.connected('positions').portfolio.positions());
  }

  accountSummary(): Promise<AccountSummary> {
    return this.read(() => this.connected('accountSummary').portfolio.summary());
  }

  /** The gateway's auth status through this broker's paced connection, for the health check. */
  gatewayStatus(): ClientPortalGatewayStatus {
    return new ClientPortalGatewayStatus(this.client);
  }

  /** This broker's paced connection, for adapters that must share its pacing (the IBKR scanner). */
  gatewayClient(): GatewayClient {
    return this.client;
  }

  /** Stops the keep-alive and closes the connection pool this broker opened. */
  async close(): Promise<void> {
    this.session.stopKeepAlive();
    await this.closeConnection();
  }

  private tradingFor(account: BrokerAccount): Trading {
    const { clock, logger } = this.deps;
    const executions = new Executions(this.client, account.accountId, clock, logger);
    const lookup = new OrderLookup(this.client, account.accountId, executions, clock);
    const replies = new OrderReplies(
      this.client,
      new Set(this.config.confirmQuestionIds),
      this.config.maxReplyRounds,
      logger,
    );
    return {
      account,
      orders: new Orders(this.client, account.accountId, lookup, replies, this.session, clock, logger),
      executions,
      portfolio: new Portfolio(this.client, account.accountId, logger),
    };
  }

  private connected(operation: string): Trading {
    if (this.trading === undefined) throw new BrokerError(operation, 'not connected: call connect() first');
    return this.trading;
  }

  /** A read that meets a lost session is repeated once, if one recovery attempt brings the session back. */
  private async read<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (!(error instanceof GatewayNotAuthenticated)) throw error;
      if (!(await this.session.recover(authStateFromError(error)))) throw this.session.lostError();
      return work();
    }
  }

  /** A write that meets a lost session is not repeated; recovery still runs so the user hears of it. */
  private async write<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (error instanceof GatewayNotAuthenticated) await this.session.recover(authStateFromError(error));
      throw error;
    }
  }
}
