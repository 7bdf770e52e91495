import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Bar } from '../../../src/domain/market/bar.js';
import { sydneyLocalToEpoch } from '../../../src/domain/market/sydney-time.js';
import { asxSymbol, type AsxSymbol } from '../../../src/domain/values/instrument.js';
import { price } from '../../../src/domain/values/price.js';
import { localDate, type LocalDate } from '../../../src/domain/values/time.js';

const FIXTURES = fileURLToPath(new URL('../../fixtures/bars/', import.meta.url));

export const fixturePath = (name: string): string => join(FIXTURES, name);
export const sym = (code: string): AsxSymbol => asxSymbol(code);
export const day = (text: string): LocalDate => localDate(text);

/** A bar starting at Sydney `time` on `date`, prices in mills. */
export function bar(date: string, time: string, ohlc: readonly [number, number, number, number], volume = 100): Bar {
  const [open, high, low, close] = ohlc;
  return {
    start: sydneyLocalToEpoch(localDate(date), time),
    open: price(open),
    high: price(high),
    low: price(low),
    close: price(close),
    volume,
  };
}

/** Every file under `dir`, relative, sorted: to check that nothing temporary was left behind. */
export function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1))
    .sort();
}
