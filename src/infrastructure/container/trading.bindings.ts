import { dirname, join, resolve as resolvePath } from 'node:path';
import type { Container } from 'inversify';
import { FileHaltSwitch } from '../../adapters/halt/file-halt.switch.js';
import type { HaltSwitch } from '../../application/shared/trading-halt.js';
import { FillRecorder } from '../../application/orders/fill-recorder.js';
import { OrderRateMeter } from '../../application/orders/order-rate-meter.js';
import { OrderStatusSync } from '../../application/orders/order-status-sync.js';
import { OrderSubmitter } from '../../application/orders/order-submitter.js';
import { DailyLossGuard } from '../../application/shared/daily-loss-guard.js';
import { DayPnlCalculator } from '../../application/shared/day-pnl.js';
import { InstrumentDirectory } from '../../application/shared/instrument-directory.js';
import { EndOfDayUseCase } from '../../application/trading/end-of-day.use-case.js';
import { EntryWindowCloser } from '../../application/trading/entry-window-closer.js';
import { ExecuteEntriesUseCase } from '../../application/trading/execute-entries.use-case.js';
import { ExitPlanner } from '../../application/trading/exit-planner.js';
import { ManagePositionsUseCase } from '../../application/trading/manage-positions.use-case.js';
import { PositionRepairs } from '../../application/trading/position-repairs.js';
import { ProtectiveStops } from '../../application/trading/protective-stops.js';
import { ReconcileUseCase } from '../../application/trading/reconcile.use-case.js';
import { StatusUseCase } from '../../application/trading/status.use-case.js';
import { TrackOpeningRangeUseCase } from '../../application/trading/track-opening-range.use-case.js';
import { TradingDay, type DayStep, type TradingDaySteps } from '../../application/trading/trading-day.js';
import { StreamDecisions } from '../../application/streaming/stream-decisions.js';
import { StreamedMarketView } from '../../application/streaming/streamed-market-view.js';
import { TradeTape } from '../../application/streaming/trade-tape.js';
import type { MarketView } from '../../application/streaming/market-view.js';
import { ClientPortalMarketDataStream } from '../../adapters/clientportal/streaming/clientportal.market-data-stream.js';
import { SwitchingMarketDataStream } from '../../adapters/streaming/switching.market-data-stream.js';
import type { MarketDataStream } from '../../domain/ports/market-data-stream.port.js';
import { clientPortalConfig } from './clientportal-config.js';
import type { SkimConfig } from '../config/skim-config.js';
import { bind, resolve, token, type Resolver } from './token.js';
import { TOKENS } from './tokens.js';
import { USE_CASES } from './use-case.bindings.js';

/** When the pre-open scan runs and how often positions are checked during the session. */
export const TRADING_DAY_SCHEDULE = { scanTime: '09:45', managementIntervalMinutes: 5 } as const;

export const TRADING = {
  HaltSwitch: token<HaltSwitch>('HaltSwitch'),
  RateMeter: token<OrderRateMeter>('OrderRateMeter'),
  Instruments: token<InstrumentDirectory>('InstrumentDirectory'),
  Submitter: token<OrderSubmitter>('OrderSubmitter'),
  Fills: token<FillRecorder>('FillRecorder'),
  OrderStatus: token<OrderStatusSync>('OrderStatusSync'),
  DailyLoss: token<DailyLossGuard>('DailyLossGuard'),
  EntryWindow: token<EntryWindowCloser>('EntryWindowCloser'),
  Track: token<TrackOpeningRangeUseCase>('TrackOpeningRangeUseCase'),
  Execute: token<ExecuteEntriesUseCase>('ExecuteEntriesUseCase'),
  Manage: token<ManagePositionsUseCase>('ManagePositionsUseCase'),
  EndOfDay: token<EndOfDayUseCase>('EndOfDayUseCase'),
  Reconcile: token<ReconcileUseCase>('ReconcileUseCase'),
  Status: token<StatusUseCase>('StatusUseCase'),
  Day: token<TradingDay>('TradingDay'),
  /** Bound only when the day trades on streamed market data (see TradingBindingOptions). */
  MarketDataStream: token<MarketDataStream>('MarketDataStream'),
  TradeTape: token<TradeTape>('TradeTape'),
  MarketView: token<MarketView>('MarketView'),
  StreamDecisions: token<StreamDecisions>('StreamDecisions'),
} as const;

export interface TradingBindingOptions {
  /**
   * Decide on the gateway's WebSocket stream (REST polling while it is down) instead of on the periodic
   * checks alone. Only for the live gateway on wall-clock time: a replayed day keeps the polling path.
   */
  readonly streaming: boolean;
}

/** The kill-switch file sits beside the database, so `skim halt` and a running `skim run` agree on it. */
export function haltFilePath(config: SkimConfig): string {
  return config.dbPath === ':memory:' ? resolvePath('data', 'skim.halt') : join(dirname(config.dbPath), 'skim.halt');
}

/** The trading-day use cases and the order plumbing they share, built from the bound ports. */
export function bindTrading(
  container: Container,
  config: SkimConfig,
  options: TradingBindingOptions = { streaming: false },
): void {
  const settings = {
    strategy: config.strategy,
    risk: config.risk,
    allowDelayedData: config.gateway.allowDelayedData,
    maxQuoteAgeMs: config.gateway.maxQuoteAgeMs,
  };
  const marketView = (c: Resolver): { market?: MarketView } =>
    options.streaming ? { market: resolve(c, TRADING.MarketView) } : {};
  const ports = (c: Resolver) => ({
    broker: resolve(c, TOKENS.Broker),
    repository: resolve(c, TOKENS.Repository),
    clock: resolve(c, TOKENS.Clock),
    calendar: resolve(c, TOKENS.Calendar),
    log: resolve(c, TOKENS.Logger),
  });
  bind(container, TRADING.HaltSwitch).toConstantValue(new FileHaltSwitch(haltFilePath(config)));
  bind(container, TRADING.RateMeter).toConstantValue(new OrderRateMeter());
  bind(container, TRADING.Instruments).toDynamicValue((c) => new InstrumentDirectory(ports(c).broker));
  bind(container, TRADING.Submitter).toDynamicValue((c) => {
    const { broker, repository, clock, log } = ports(c);
    return new OrderSubmitter(broker, repository, clock, resolve(c, TRADING.RateMeter), log);
  });
  bind(container, TRADING.Fills).toDynamicValue((c) => {
    const { broker, repository, log } = ports(c);
    return new FillRecorder(broker, repository, { maxStopPct: config.strategy.maxStopPct }, log);
  });
  bind(container, TRADING.OrderStatus).toDynamicValue((c) => {
    const { broker, repository, clock, log } = ports(c);
    return new OrderStatusSync(broker, repository, clock, log);
  });
  bind(container, TRADING.DailyLoss).toDynamicValue((c) => {
    const { broker, repository, log } = ports(c);
    return new DailyLossGuard(
      new DayPnlCalculator(broker, repository, log),
      config.risk.maxDailyLoss,
      repository.killSwitches,
    );
  });
  bind(container, TRADING.EntryWindow).toDynamicValue((c) => {
    const { repository, clock, log } = ports(c);
    return new EntryWindowCloser(repository, resolve(c, TRADING.Submitter), clock, log);
  });
  bind(container, TRADING.Track).toDynamicValue((c) => {
    const { broker, repository, calendar, clock, log } = ports(c);
    return new TrackOpeningRangeUseCase(
      broker,
      repository,
      resolve(c, TRADING.Instruments),
      calendar,
      clock,
      config.strategy,
      log,
      marketView(c).market,
    );
  });
  bind(container, TRADING.Execute).toDynamicValue(
    (c) =>
      new ExecuteEntriesUseCase(
        {
          ...ports(c),
          instruments: resolve(c, TRADING.Instruments),
          submitter: resolve(c, TRADING.Submitter),
          rateMeter: resolve(c, TRADING.RateMeter),
          dailyLoss: resolve(c, TRADING.DailyLoss),
          halt: resolve(c, TRADING.HaltSwitch),
          entryWindow: resolve(c, TRADING.EntryWindow),
          ...marketView(c),
        },
        settings,
      ),
  );
  bind(container, TRADING.Manage).toDynamicValue((c) => {
    const { broker, repository, calendar, clock, log } = ports(c);
    const submitter = resolve(c, TRADING.Submitter);
    return new ManagePositionsUseCase({
      repository,
      fills: resolve(c, TRADING.Fills),
      orderStatus: resolve(c, TRADING.OrderStatus),
      submitter,
      stops: new ProtectiveStops(repository, submitter, log),
      exits: new ExitPlanner(broker, repository, calendar, config.strategy, log),
      calendar,
      clock,
      log,
    });
  });
  bind(container, TRADING.EndOfDay).toDynamicValue((c) => {
    const { repository, clock, log } = ports(c);
    return new EndOfDayUseCase(
      repository,
      resolve(c, TRADING.Fills),
      resolve(c, TRADING.OrderStatus),
      resolve(c, TRADING.EntryWindow),
      clock,
      log,
    );
  });
  bind(container, TRADING.Reconcile).toDynamicValue((c) => {
    const { broker, repository, clock, log } = ports(c);
    return new ReconcileUseCase(
      broker,
      repository,
      resolve(c, TRADING.Fills),
      resolve(c, TRADING.OrderStatus),
      new PositionRepairs(repository, config.strategy.maxStopPct),
      clock,
      log,
    );
  });
  bind(container, TRADING.Status).toDynamicValue((c) => {
    const { repository, calendar, clock } = ports(c);
    return new StatusUseCase(
      repository,
      resolve(c, TRADING.DailyLoss),
      resolve(c, TOKENS.GatewayHealth),
      resolve(c, TRADING.HaltSwitch),
      calendar,
      clock,
    );
  });
  if (options.streaming) bindStreaming(container, config, settings.maxQuoteAgeMs);
  bind(container, TRADING.Day).toDynamicValue((c) => {
    const { calendar, clock, log } = ports(c);
    const scan = resolve(c, USE_CASES.Scan);
    const steps = {
      reconcile: resolve(c, TRADING.Reconcile),
      trackOpeningRange: resolve(c, TRADING.Track),
      executeEntries: resolve(c, TRADING.Execute),
      managePositions: resolve(c, TRADING.Manage),
      endOfDay: resolve(c, TRADING.EndOfDay),
      scan: (tradingDate) => scan.run(tradingDate),
    } satisfies TradingDaySteps;
    return new TradingDay(
      options.streaming ? withStreamDecisions(steps, resolve(c, TRADING.StreamDecisions)) : steps,
      calendar,
      clock,
      { ...TRADING_DAY_SCHEDULE, entryCutoff: config.strategy.entryCutoff },
      log,
    );
  });
}

/** The day's decision steps queued behind the stream's decisions, and the stream run from the pre-open to the close. */
function withStreamDecisions(steps: TradingDaySteps, decisions: StreamDecisions): TradingDaySteps {
  const serialised = <T>(step: DayStep<T>): DayStep<T> => decisions.serialised(step);
  return {
    ...steps,
    trackOpeningRange: serialised(steps.trackOpeningRange),
    executeEntries: serialised(steps.executeEntries),
    managePositions: serialised(steps.managePositions),
    marketData: decisions,
  };
}

/** The gateway's WebSocket, with REST polling behind it, and the decisions its events drive. */
function bindStreaming(container: Container, config: SkimConfig, maxQuoteAgeMs: number): void {
  bind(container, TRADING.MarketDataStream)
    .toDynamicValue((c) => {
      const gateway = resolve(c, TOKENS.GatewayBroker);
      const deps = { clock: resolve(c, TOKENS.Clock), logger: resolve(c, TOKENS.Logger).child({ adapter: 'stream' }) };
      const socket = new ClientPortalMarketDataStream(
        clientPortalConfig(config.gateway),
        gateway.gatewayClient(),
        deps,
      );
      return new SwitchingMarketDataStream(socket, resolve(c, TOKENS.Broker), deps);
    })
    .onDeactivation((stream) => stream.stop());
  bind(container, TRADING.TradeTape).toConstantValue(new TradeTape());
  bind(container, TRADING.MarketView).toDynamicValue(
    (c) =>
      new StreamedMarketView(
        {
          stream: resolve(c, TRADING.MarketDataStream),
          tape: resolve(c, TRADING.TradeTape),
          broker: resolve(c, TOKENS.Broker),
          clock: resolve(c, TOKENS.Clock),
          log: resolve(c, TOKENS.Logger),
        },
        maxQuoteAgeMs,
      ),
  );
  bind(container, TRADING.StreamDecisions).toDynamicValue(
    (c) =>
      new StreamDecisions(
        {
          stream: resolve(c, TRADING.MarketDataStream),
          tape: resolve(c, TRADING.TradeTape),
          repository: resolve(c, TOKENS.Repository),
          instruments: resolve(c, TRADING.Instruments),
          clock: resolve(c, TOKENS.Clock),
          log: resolve(c, TOKENS.Logger),
        },
        { track: resolve(c, TRADING.Track), entries: resolve(c, TRADING.Execute), manage: resolve(c, TRADING.Manage) },
        { orMinutes: config.strategy.orMinutes, maxQuoteAgeMs },
      ),
  );
}
