import { DomainError } from '../../../domain/errors/domain-error.js';
import { InvalidValue } from '../../../domain/errors/invalid-value.error.js';
import type { Bar, BarSize } from '../../../domain/market/bar.js';
import { numberToMills, parseMills } from '../../../domain/values/decimal.js';
import { asxSymbol, type AsxSymbol } from '../../../domain/values/instrument.js';
import { formatPrice, priceNearest, type Price } from '../../../domain/values/price.js';
import { BarRowError } from './bar-import.error.js';
import type { RawBar, RawField } from './raw-bar.js';

/** A validated row, ready for the store. */
export interface ImportedBar {
  readonly symbol: AsxSymbol;
  readonly size: BarSize;
  readonly bar: Bar;
  /** Whether any of its prices had to be moved to the nearest ASX tick (or mill). */
  readonly rounded: boolean;
}

const WHOLE = /^\d+$/;
const MINUTE_MS = 60_000;
/** A decimal in exponent notation, e.g. `4.52e1`; anything else with an `e` in it (hex, words) is no number. */
const EXPONENT = /^[+-]?(\d+\.?\d*|\.\d+)e[+-]?\d+$/i;
/** Bars outside these years are refused: the store files bars under four-digit Sydney years. */
const EARLIEST = Date.UTC(1899, 11, 31, 14);
const LATEST = Date.UTC(9999, 11, 31, 13);
/** A fourth or later decimal that is not zero: more precision than a mill. */
const SUB_MILL = /\.\d{3}\d*[1-9]/;

/**
 * Checks one row: a valid ASX code, four positive prices (exact decimals; off-tick vendor prices go to the
 * nearest tick and are counted), open and close within low..high, and a whole, non-negative volume.
 */
export function toImportedBar(file: string, raw: RawBar): ImportedBar {
  const symbol = field(file, raw, raw.symbol, () => asxSymbol(raw.symbol.text));
  if (!(raw.start >= EARLIEST && raw.start < LATEST)) {
    throw new BarRowError(file, raw.line, raw.time.name, `${raw.time.text} is outside the years 1900 to 9999`);
  }
  if (raw.size === '1min' && raw.start % MINUTE_MS !== 0) {
    throw new BarRowError(file, raw.line, raw.time.name, `${raw.time.text} is not on a whole minute`);
  }
  const open = priceField(file, raw, raw.open);
  const high = priceField(file, raw, raw.high);
  const low = priceField(file, raw, raw.low);
  const close = priceField(file, raw, raw.close);
  if (low.price > Math.min(open.price, close.price)) {
    const other = open.price < close.price ? `open ${formatPrice(open.price)}` : `close ${formatPrice(close.price)}`;
    throw new BarRowError(file, raw.line, raw.low.name, `low ${formatPrice(low.price)} is above ${other}`);
  }
  if (high.price < Math.max(open.price, close.price)) {
    const other = open.price > close.price ? `open ${formatPrice(open.price)}` : `close ${formatPrice(close.price)}`;
    throw new BarRowError(file, raw.line, raw.high.name, `high ${formatPrice(high.price)} is below ${other}`);
  }
  const volume = volumeField(file, raw);
  return {
    symbol,
    size: raw.size,
    bar: { start: raw.start, open: open.price, high: high.price, low: low.price, close: close.price, volume },
    rounded: open.rounded || high.rounded || low.rounded || close.rounded,
  };
}

interface PriceValue {
  readonly price: Price;
  readonly rounded: boolean;
}

function priceField(file: string, raw: RawBar, value: RawField): PriceValue {
  return field(file, raw, value, () => {
    const { mills, rounded } = decimalMills(value);
    if (mills <= 0) throw new BarRowError(file, raw.line, value.name, `price ${value.text} is not positive`);
    const price = priceNearest(mills);
    return { price, rounded: rounded || price !== mills };
  });
}

/** Mills of a decimal, rounded half up past the third decimal (and whether that rounding changed it). */
function decimalMills(value: RawField): { mills: number; rounded: boolean } {
  if (EXPONENT.test(value.text)) {
    const number = Number(value.text);
    const mills = numberToMills(value.name, number);
    return { mills, rounded: Math.abs(number * 1000 - mills) > 1e-6 };
  }
  return { mills: parseMills(value.name, value.text, true), rounded: SUB_MILL.test(value.text) };
}

function volumeField(file: string, raw: RawBar): number {
  const { volume } = raw;
  if (raw.volumeFactor === 1) {
    if (!WHOLE.test(volume.text) || !Number.isSafeInteger(Number(volume.text))) {
      throw new BarRowError(file, raw.line, volume.name, `volume ${volume.text} is not a whole, non-negative number`);
    }
    return Number(volume.text);
  }
  return field(file, raw, volume, () => {
    const { mills } = decimalMills(volume);
    if (mills < 0) throw new BarRowError(file, raw.line, volume.name, `volume ${volume.text} is negative`);
    return Math.round((mills * raw.volumeFactor) / 1000);
  });
}

/** Runs a conversion; a domain validation error becomes a BarRowError naming the field. */
function field<T>(file: string, raw: RawBar, value: RawField, convert: () => T): T {
  try {
    return convert();
  } catch (error) {
    if (error instanceof BarRowError) throw error;
    if (error instanceof InvalidValue) {
      throw new BarRowError(file, raw.line, value.name, `${JSON.stringify(value.text)}: ${error.why}`);
    }
    if (error instanceof DomainError) throw new BarRowError(file, raw.line, value.name, error.message);
    throw error;
  }
}
