import type { Container } from 'inversify';
import { z } from 'zod';
import { orderRequestBody } from '../../../src/adapters/clientportal/order-request.js';
import { GatewayNotAuthenticated } from '../../../src/domain/errors/gateway-not-authenticated.error.js';
import { SqliteRepository } from '../../../src/adapters/persistence/sqlite/sqlite.repository.js';
import { clientOrderId } from '../../../src/domain/orders/client-order-id.js';
import type { OrderIntent } from '../../../src/domain/orders/order-intent.js';
import type { BrokerOrder } from '../../../src/domain/orders/broker-order.js';
import type { Broker } from '../../../src/domain/ports/broker.port.js';
import type { Repository, TradeStore } from '../../../src/domain/ports/repository.port.js';
import { dollars } from '../../../src/domain/values/money.js';
import { CHAOS_ACCOUNT_ID } from '../../../src/infrastructure/chaos/chaos-environment.js';
import type { SkimConfig } from '../../../src/infrastructure/config/skim-config.js';
import { bind, resolve } from '../../../src/infrastructure/container/token.js';
import { TOKENS } from '../../../src/infrastructure/container/tokens.js';

/**
 * A trade store that does not store the first fill it is given but says it did. `lost`: it also claims to
 * hold it ever after (the fill is gone); otherwise it takes it as new when it comes again (its duplicate
 * guard is off, so the fill is applied twice).
 */
function mishandleFirstFill(inner: Repository, lost: boolean): Repository {
  let forgotten: string | undefined;
  const trades: TradeStore = {
    record: (fill) => {
      if (forgotten === undefined) {
        forgotten = fill.executionId;
        return true;
      }
      return (!lost || fill.executionId !== forgotten) && inner.trades.record(fill);
    },
    has: (executionId) => (lost && executionId === forgotten) || inner.trades.has(executionId),
    between: (from, to) => inner.trades.between(from, to),
    forOrder: (id) => inner.trades.forOrder(id),
  };
  return {
    candidates: inner.candidates,
    positions: inner.positions,
    journal: inner.journal,
    killSwitches: inner.killSwitches,
    trades,
    transaction: (work) => inner.transaction(work),
    close: () => {
      inner.close();
    },
  };
}

export function skipRecordingAFill(container: Container): void {
  useRepository(container, (inner) => mishandleFirstFill(inner, true));
}

export function applyAFillTwice(container: Container): void {
  useRepository(container, (inner) => mishandleFirstFill(inner, false));
}

function useRepository(container: Container, wrap: (inner: Repository) => Repository): void {
  const { dbPath } = resolve(container, TOKENS.Config);
  container.unbindSync(TOKENS.Repository);
  bind(container, TOKENS.Repository)
    .toDynamicValue(() => wrap(SqliteRepository.open(dbPath)))
    .onDeactivation((repository) => {
      repository.close();
    });
}

/** The Client Portal broker with `placeOrder` replaced: everything else goes to the real one. */
function withPlaceOrder(
  container: Container,
  place: (gateway: Broker, intent: OrderIntent) => Promise<BrokerOrder>,
): void {
  const gateway = resolve(container, TOKENS.GatewayBroker);
  const broken: Broker = {
    connect: () => gateway.connect(),
    resolveInstrument: (symbol) => gateway.resolveInstrument(symbol),
    quotes: (instruments) => gateway.quotes(instruments),
    bars: (instrument, request) => gateway.bars(instrument, request),
    placeOrder: (intent) => place(gateway, intent),
    cancelOrder: (id) => gateway.cancelOrder(id),
    findOrder: (id) => gateway.findOrder(id),
    openOrders: () => gateway.openOrders(),
    fills: (since) => gateway.fills(since),
    positions: () => gateway.positions(),
    accountSummary: () => gateway.accountSummary(),
  };
  container.unbindSync(TOKENS.Broker);
  bind(container, TOKENS.Broker).toConstantValue(broken);
}

/** A broker that sends every order twice, the second time under a client order id the journal never saw. */
export function sendEveryOrderTwice(container: Container): void {
  withPlaceOrder(container, async (gateway, intent) => {
    const placed = await gateway.placeOrder(intent);
    await gateway.placeOrder({ ...intent, clientOrderId: clientOrderId(`${intent.clientOrderId}-again`) });
    return placed;
  });
}

/**
 * A broker that, when an order is refused because the session is lost, sends it again at once straight to the
 * gateway's order endpoint, without asking the session or looking the order up first.
 */
export function resendOrdersRefusedForALostSession(container: Container): void {
  const client = resolve(container, TOKENS.GatewayBroker).gatewayClient();
  withPlaceOrder(container, async (gateway, intent) => {
    try {
      return await gateway.placeOrder(intent);
    } catch (error) {
      if (!(error instanceof GatewayNotAuthenticated)) throw error;
      const path = `/iserver/account/${CHAOS_ACCOUNT_ID}/orders`;
      await client
        .post(path, orderRequestBody(CHAOS_ACCOUNT_ID, intent), z.unknown(), { idempotent: false })
        .catch(() => {
          // Refused again: the caller hears of the first refusal.
        });
      throw error;
    }
  });
}

/** A broker that reports each order it placed from a detached promise whose failure nobody handles. */
export function leaveAFailedOrderReportUnhandled(container: Container): void {
  withPlaceOrder(container, async (gateway, intent) => {
    const placed = await gateway.placeOrder(intent);
    void Promise.reject(new Error(`order report for ${intent.clientOrderId} failed`));
    return placed;
  });
}

/** Sizing and risk limits ten times the campaign's, as a broken risk check would allow. */
export function tenfoldLimits(config: SkimConfig): SkimConfig {
  const positionDollars = dollars((config.strategy.positionDollars / 1000) * 10);
  const maxShares = config.strategy.maxShares * 10;
  return {
    ...config,
    strategy: { ...config.strategy, positionDollars, maxShares },
    risk: { ...config.risk, positionDollars, maxShares },
  };
}
