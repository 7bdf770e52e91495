import { ManualClock } from '../../../../src/adapters/clock/manual.clock.js';
import { MemoryRepository } from '../../../../src/adapters/persistence/memory/memory.repository.js';
import { SimulatedExchange } from '../../../../src/adapters/simulated/simulated-exchange.js';
import { SimulatedBroker } from '../../../../src/adapters/simulated/simulated.broker.js';
import { FillRecorder } from '../../../../src/application/orders/fill-recorder.js';
import { OrderRateMeter } from '../../../../src/application/orders/order-rate-meter.js';
import { OrderStatusSync } from '../../../../src/application/orders/order-status-sync.js';
import { OrderSubmitter } from '../../../../src/application/orders/order-submitter.js';
import { DailyLossGuard } from '../../../../src/application/shared/daily-loss-guard.js';
import { DayPnlCalculator } from '../../../../src/application/shared/day-pnl.js';
import { InstrumentDirectory } from '../../../../src/application/shared/instrument-directory.js';
import { EndOfDayUseCase } from '../../../../src/application/trading/end-of-day.use-case.js';
import { EntryWindowCloser } from '../../../../src/application/trading/entry-window-closer.js';
import { ExecuteEntriesUseCase } from '../../../../src/application/trading/execute-entries.use-case.js';
import { ExitPlanner } from '../../../../src/application/trading/exit-planner.js';
import { ManagePositionsUseCase } from '../../../../src/application/trading/manage-positions.use-case.js';
import { PositionRepairs } from '../../../../src/application/trading/position-repairs.js';
import { ProtectiveStops } from '../../../../src/application/trading/protective-stops.js';
import { ReconcileUseCase } from '../../../../src/application/trading/reconcile.use-case.js';
import { StatusUseCase } from '../../../../src/application/trading/status.use-case.js';
import { TrackOpeningRangeUseCase } from '../../../../src/application/trading/track-opening-range.use-case.js';
import { TradingDay, type TradingDaySettings } from '../../../../src/application/trading/trading-day.js';
import type { TradingSettings } from '../../../../src/application/trading/trading-settings.js';
import { IBKR_ASX_FIXED } from '../../../../src/domain/costs/commission.js';
import { TradingCalendar } from '../../../../src/domain/market/trading-calendar.js';
import type { Broker } from '../../../../src/domain/ports/broker.port.js';
import type { GatewayHealth, GatewayHealthStatus } from '../../../../src/domain/ports/gateway-health.port.js';
import { DEFAULT_RISK_LIMITS, type RiskLimits } from '../../../../src/domain/risk/risk-limits.js';
import { DEFAULT_STRATEGY, type StrategyConfig } from '../../../../src/domain/strategy/strategy-config.js';
import type { Instrument } from '../../../../src/domain/values/instrument.js';
import { dollars } from '../../../../src/domain/values/money.js';
import type { EpochMs, LocalDate } from '../../../../src/domain/values/time.js';
import { CapturingLogger } from '../../scan/capturing-logger.js';
import { FlakyBroker } from './flaky-broker.js';
import { ManualHaltSwitch } from './manual-halt-switch.js';

export interface WorldOptions {
  readonly start: EpochMs;
  readonly instruments: readonly Instrument[];
  readonly strategy?: Partial<StrategyConfig>;
  readonly risk?: Partial<RiskLimits>;
  readonly managementIntervalMinutes?: number;
  readonly scan?: (tradingDate: LocalDate) => Promise<unknown>;
}

export const HEALTHY_GATEWAY: Omit<GatewayHealthStatus, 'checkedAt'> = {
  ibeamAlive: true,
  gatewayAuthenticated: true,
  competing: false,
  message: 'authenticated',
};

/**
 * Everything a trading day needs, wired the way the application container will: a simulated exchange
 * behind a broker the test can make flaky, an in-memory repository and a clock the test moves.
 */
export class TradingWorld {
  readonly clock: ManualClock;
  readonly exchange: SimulatedExchange;
  readonly broker: FlakyBroker;
  readonly repository = new MemoryRepository();
  readonly calendar = new TradingCalendar();
  readonly log = new CapturingLogger();
  readonly halt = new ManualHaltSwitch();
  readonly settings: TradingSettings;
  readonly rateMeter = new OrderRateMeter();
  readonly instruments: InstrumentDirectory;
  readonly submitter: OrderSubmitter;
  readonly fills: FillRecorder;
  readonly orderStatus: OrderStatusSync;
  readonly dailyLoss: DailyLossGuard;
  readonly entryWindow: EntryWindowCloser;
  readonly track: TrackOpeningRangeUseCase;
  readonly execute: ExecuteEntriesUseCase;
  readonly manage: ManagePositionsUseCase;
  readonly endOfDay: EndOfDayUseCase;
  readonly reconcile: ReconcileUseCase;
  readonly status: StatusUseCase;
  readonly day: TradingDay;

  constructor(options: WorldOptions) {
    this.clock = new ManualClock(options.start);
    this.exchange = new SimulatedExchange({
      seed: 7,
      commission: IBKR_ASX_FIXED,
      maxVolumeParticipation: 1,
      slippageBps: 0,
      startingCash: dollars(100_000),
      accountId: 'DU7654321',
      instruments: options.instruments,
    });
    this.broker = new FlakyBroker(new SimulatedBroker(this.exchange, this.clock));
    const strategy = { ...DEFAULT_STRATEGY, ...options.strategy };
    this.settings = { strategy, risk: { ...DEFAULT_RISK_LIMITS, ...options.risk } };
    const { repository, clock, log, calendar } = this;
    const broker: Broker = this.broker;
    this.instruments = new InstrumentDirectory(broker);
    this.submitter = new OrderSubmitter(broker, repository, clock, this.rateMeter, log);
    this.fills = new FillRecorder(broker, repository, { maxStopPct: strategy.maxStopPct }, log);
    this.orderStatus = new OrderStatusSync(broker, repository, clock, log);
    this.dailyLoss = new DailyLossGuard(
      new DayPnlCalculator(broker, repository, log),
      this.settings.risk.maxDailyLoss,
      repository.killSwitches,
    );
    this.entryWindow = new EntryWindowCloser(repository, this.submitter, clock, log);
    this.track = new TrackOpeningRangeUseCase(broker, repository, this.instruments, calendar, clock, strategy, log);
    this.execute = new ExecuteEntriesUseCase(
      {
        broker,
        repository,
        instruments: this.instruments,
        submitter: this.submitter,
        rateMeter: this.rateMeter,
        dailyLoss: this.dailyLoss,
        halt: this.halt,
        entryWindow: this.entryWindow,
        calendar,
        clock,
        log,
      },
      this.settings,
    );
    this.manage = new ManagePositionsUseCase({
      repository,
      fills: this.fills,
      orderStatus: this.orderStatus,
      submitter: this.submitter,
      stops: new ProtectiveStops(repository, this.submitter, log),
      exits: new ExitPlanner(broker, repository, calendar, strategy, log),
      calendar,
      clock,
      log,
    });
    this.endOfDay = new EndOfDayUseCase(repository, this.fills, this.orderStatus, this.entryWindow, clock, log);
    this.reconcile = new ReconcileUseCase(
      broker,
      repository,
      this.fills,
      this.orderStatus,
      new PositionRepairs(repository, strategy.maxStopPct),
      clock,
      log,
    );
    const gateway: GatewayHealth = { check: () => Promise.resolve({ ...HEALTHY_GATEWAY, checkedAt: clock.now() }) };
    this.status = new StatusUseCase(repository, this.dailyLoss, gateway, this.halt, calendar, clock);
    const daySettings: TradingDaySettings = {
      scanTime: '09:45',
      entryCutoff: strategy.entryCutoff,
      managementIntervalMinutes: options.managementIntervalMinutes ?? 1,
    };
    this.day = new TradingDay(
      {
        reconcile: this.reconcile,
        trackOpeningRange: this.track,
        executeEntries: this.execute,
        managePositions: this.manage,
        endOfDay: this.endOfDay,
        ...(options.scan === undefined ? {} : { scan: options.scan }),
      },
      calendar,
      clock,
      daySettings,
      log,
    );
  }

  /** Log lines whose message contains `text`. */
  logged(text: string): CapturingLogger['lines'] {
    return this.log.lines.filter((line) => line.message.includes(text));
  }
}
