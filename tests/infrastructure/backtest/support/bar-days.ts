import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BarStore } from '../../../../src/adapters/bars/store/bar-store.js';
import type { Bar } from '../../../../src/domain/market/bar.js';
import { sydneyLocalToEpoch } from '../../../../src/domain/market/sydney-time.js';
import { asxSymbol } from '../../../../src/domain/values/instrument.js';
import { price } from '../../../../src/domain/values/price.js';
import type { LocalDate } from '../../../../src/domain/values/time.js';

/** A minute's prices in mills: open, high, low, close. */
export type Ohlc = readonly [number, number, number, number];

/** 360 minute bars from 10:00 Sydney, minute i priced by `path(i)`. */
export function session(date: LocalDate, path: (minute: number) => Ohlc, volume = 100_000): Bar[] {
  const open = sydneyLocalToEpoch(date, '10:00');
  return Array.from({ length: 360 }, (_, minute) => {
    const [o, h, l, c] = path(minute);
    return { start: open + minute * 60_000, open: price(o), high: price(h), low: price(l), close: price(c), volume };
  });
}

/** A fresh bar store in a temporary directory holding `days` of minute bars per symbol. */
export function barStoreWith(days: Readonly<Record<string, readonly Bar[]>>): string {
  const dir = mkdtempSync(join(tmpdir(), 'skim-bt-'));
  const writer = BarStore.open(dir).writer();
  for (const [symbol, bars] of Object.entries(days)) for (const bar of bars) writer.add(asxSymbol(symbol), '1min', bar);
  writer.commit();
  return dir;
}
