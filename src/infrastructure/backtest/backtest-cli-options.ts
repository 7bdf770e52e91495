import { InvalidValue } from '../../domain/errors/invalid-value.error.js';
import { dollars } from '../../domain/values/money.js';
import { localDate } from '../../domain/values/time.js';
import { DEFAULT_FILL_MODEL, type BacktestSpec } from './backtest-spec.js';

/** `skim backtest`'s options as commander hands them over. */
export interface BacktestCliOptions {
  readonly from: string;
  readonly to: string;
  readonly data?: string;
  readonly synthetic?: boolean;
  readonly seed: string;
  readonly symbols: string;
  readonly cash: string;
  readonly slippageBps?: string;
  readonly participation?: string;
  readonly report?: string;
  readonly json?: boolean;
  readonly sweep: string[];
  readonly everyInstrument?: boolean;
}

function wholeNumber(name: string, text: string): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value < 0) throw new InvalidValue(name, text, 'expected a whole number');
  return value;
}

function decimal(name: string, text: string): number {
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value)) throw new InvalidValue(name, text, 'expected a number');
  return value;
}

/** The run the options describe (before any sweep); exactly one of --data and --synthetic. */
export function specFromOptions(options: BacktestCliOptions): BacktestSpec {
  if ((options.data === undefined) === (options.synthetic !== true)) {
    throw new InvalidValue(
      'data source',
      { data: options.data, synthetic: options.synthetic },
      'give --data <dir> or --synthetic',
    );
  }
  return {
    from: localDate(options.from),
    to: localDate(options.to),
    source:
      options.data === undefined
        ? {
            kind: 'synthetic',
            seed: wholeNumber('--seed', options.seed),
            symbols: wholeNumber('--symbols', options.symbols),
          }
        : { kind: 'bars', dir: options.data },
    fill: {
      slippageBps: decimal('--slippage-bps', options.slippageBps ?? String(DEFAULT_FILL_MODEL.slippageBps)),
      maxVolumeParticipation: decimal(
        '--participation',
        options.participation ?? String(DEFAULT_FILL_MODEL.maxVolumeParticipation),
      ),
    },
    startingCash: dollars(wholeNumber('--cash', options.cash)),
    strategy: {},
    replayEveryInstrument: options.everyInstrument === true,
  };
}
