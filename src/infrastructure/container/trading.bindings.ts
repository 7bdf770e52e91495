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
import { TradingDay } from '../../application/trading/trading-day.js';
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
} as const;

/** The kill-switch file sits beside the database, so `skim halt` and a running `skim run` agree on it. */
export function haltFilePath(config: SkimConfig): string {
  return config.dbPath === ':memory:' ? resolvePath('data', 'skim.halt') : join(dirname(config.dbPath), 'skim.halt');
}

/** The trading-day use cases and the order plumbing they share, built from the bound ports. */
export function bindTrading(container: Container, config: SkimConfig): void {
  const settings = {
    strategy: config.strategy,
    risk: config.risk,
    allowDelayedData: config.gateway.allowDelayedData,
  };
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
    return new DailyLossGuard(new DayPnlCalculator(broker, repository, log), config.risk.maxDailyLoss);
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
  bind(container, TRADING.Day).toDynamicValue((c) => {
    const { calendar, clock, log } = ports(c);
    const scan = resolve(c, USE_CASES.Scan);
    return new TradingDay(
      {
        reconcile: resolve(c, TRADING.Reconcile),
        trackOpeningRange: resolve(c, TRADING.Track),
        executeEntries: resolve(c, TRADING.Execute),
        managePositions: resolve(c, TRADING.Manage),
        endOfDay: resolve(c, TRADING.EndOfDay),
        scan: (tradingDate) => scan.run(tradingDate),
      },
      calendar,
      clock,
      { ...TRADING_DAY_SCHEDULE, entryCutoff: config.strategy.entryCutoff },
      log,
    );
  });
}
