import { InvalidValue } from '../../../domain/errors/invalid-value.error.js';
import type { StrategyConfig } from '../../../domain/strategy/strategy-config.js';
import { dollars } from '../../../domain/values/money.js';

/** The strategy settings a sweep may vary, by the key the command line uses. */
const SWEEP_KEYS = {
  gap: 'minGapPct',
  orMinutes: 'orMinutes',
  positionDollars: 'positionDollars',
  maxStopPct: 'maxStopPct',
  halfExitDay: 'halfExitDay',
  smaDays: 'smaDays',
  entryOrder: 'entryOrder',
} as const satisfies Record<string, keyof StrategyConfig>;

export type SweepKey = keyof typeof SWEEP_KEYS;
export type SweepPoint = Partial<StrategyConfig>;

export interface SweepAxis {
  readonly key: SweepKey;
  readonly values: readonly SweepPoint[];
}

const isSweepKey = (key: string): key is SweepKey => Object.hasOwn(SWEEP_KEYS, key);

/** `key=v1,v2,...` as one axis of the grid; the values are checked and converted (dollars to mills ...). */
export function parseSweep(text: string): SweepAxis {
  const [key, list] = text.split('=', 2);
  if (key === undefined || list === undefined || !isSweepKey(key)) {
    throw new InvalidValue('--sweep', text, `expected key=v1,v2 with key one of ${Object.keys(SWEEP_KEYS).join(', ')}`);
  }
  const values = list.split(',').map((raw) => ({ [SWEEP_KEYS[key]]: sweepValue(key, raw.trim()) }));
  if (values.length === 0) throw new InvalidValue('--sweep', text, 'lists no value');
  return { key, values };
}

function sweepValue(key: SweepKey, raw: string): StrategyConfig[keyof StrategyConfig] {
  if (key === 'entryOrder') {
    if (raw === 'stop' || raw === 'market') return raw;
    throw new InvalidValue(`--sweep ${key}`, raw, 'expected stop or market');
  }
  const value = Number(raw);
  const whole = key === 'orMinutes' || key === 'halfExitDay' || key === 'smaDays' || key === 'positionDollars';
  if (raw === '' || !Number.isFinite(value) || value <= 0 || (whole && !Number.isInteger(value))) {
    throw new InvalidValue(
      `--sweep ${key}`,
      raw,
      whole ? 'expected a positive whole number' : 'expected a positive number',
    );
  }
  return key === 'positionDollars' ? dollars(value) : value;
}

/** Every combination of the axes' values, the first axis varying slowest; one empty point when there is no axis. */
export function sweepGrid(axes: readonly SweepAxis[]): SweepPoint[] {
  const seen = new Set<SweepKey>();
  for (const axis of axes) {
    if (seen.has(axis.key)) throw new InvalidValue('--sweep', axis.key, 'given twice');
    seen.add(axis.key);
  }
  return axes.reduce<SweepPoint[]>(
    (points, axis) => points.flatMap((point) => axis.values.map((value) => ({ ...point, ...value }))),
    [{}],
  );
}
