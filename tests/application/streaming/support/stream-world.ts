import type { DecisionSteps } from '../../../../src/application/streaming/decision-queue.js';
import { StreamDecisions } from '../../../../src/application/streaming/stream-decisions.js';
import { StreamedMarketView } from '../../../../src/application/streaming/streamed-market-view.js';
import { TradeTape } from '../../../../src/application/streaming/trade-tape.js';
import { ExecuteEntriesUseCase } from '../../../../src/application/trading/execute-entries.use-case.js';
import { TrackOpeningRangeUseCase } from '../../../../src/application/trading/track-opening-range.use-case.js';
import { DEFAULT_MAX_QUOTE_AGE_MS } from '../../../../src/application/trading/trading-settings.js';
import type { StreamMode } from '../../../../src/domain/ports/market-data-stream.port.js';
import type { EpochMs } from '../../../../src/domain/values/time.js';
import { TradingWorld, type WorldOptions } from '../../trading/support/trading-world.js';
import { FakeMarketDataStream } from './fake-market-data-stream.js';

export interface StreamWorldOptions extends WorldOptions {
  readonly mode?: StreamMode;
  /** When the stream entered its mode; before the session by default. */
  readonly since?: EpochMs;
}

/**
 * A TradingWorld whose opening-range and entry use cases read a fake stream, with StreamDecisions over them.
 * `runs` counts how often each decision ran, whichever way it was asked for.
 */
export class StreamWorld extends TradingWorld {
  readonly stream: FakeMarketDataStream;
  readonly tape = new TradeTape();
  readonly streamTrack: TrackOpeningRangeUseCase;
  readonly streamExecute: ExecuteEntriesUseCase;
  readonly decisions: StreamDecisions;
  readonly runs = { track: 0, entries: 0, manage: 0 };

  constructor(options: StreamWorldOptions) {
    super(options);
    this.stream = new FakeMarketDataStream(options.mode ?? 'stream', options.since ?? options.start);
    const { broker, repository, instruments, calendar, clock, log, settings } = this;
    const market = new StreamedMarketView(
      { stream: this.stream, tape: this.tape, broker, clock, log },
      DEFAULT_MAX_QUOTE_AGE_MS,
    );
    this.streamTrack = new TrackOpeningRangeUseCase(
      broker,
      repository,
      instruments,
      calendar,
      clock,
      settings.strategy,
      log,
      market,
    );
    this.streamExecute = new ExecuteEntriesUseCase(
      {
        broker,
        repository,
        instruments,
        submitter: this.submitter,
        rateMeter: this.rateMeter,
        dailyLoss: this.dailyLoss,
        halt: this.halt,
        entryWindow: this.entryWindow,
        calendar,
        clock,
        log,
        market,
      },
      settings,
    );
    const steps: DecisionSteps = {
      track: this.counted('track', () => this.streamTrack.run()),
      entries: this.counted('entries', () => this.streamExecute.run()),
      manage: this.counted('manage', () => this.manage.run()),
    };
    this.decisions = new StreamDecisions(
      { stream: this.stream, tape: this.tape, repository, instruments, clock, log },
      steps,
      { orMinutes: settings.strategy.orMinutes, maxQuoteAgeMs: DEFAULT_MAX_QUOTE_AGE_MS },
    );
  }

  private counted(kind: keyof StreamWorld['runs'], run: () => Promise<unknown>) {
    return {
      run: async () => {
        this.runs[kind] += 1;
        await run();
      },
    };
  }
}
