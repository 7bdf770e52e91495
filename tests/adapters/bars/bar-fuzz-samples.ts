import fc from 'fast-check';
import type { Bar, BarSize } from '../../../src/domain/market/bar.js';
import { sydneyLocalToEpoch } from '../../../src/domain/market/sydney-time.js';
import { formatMills } from '../../../src/domain/values/decimal.js';
import { priceNearest, type Price } from '../../../src/domain/values/price.js';
import { addDays, localDate, type LocalDate } from '../../../src/domain/values/time.js';

/**
 * Random valid bars and the text of each importable layout holding them, for the importer fuzz tests.
 * Times stay inside the trading session, so no Sydney wall-clock time is ambiguous at a daylight-saving edge.
 */
export interface SampleRow {
  readonly symbol: string;
  readonly size: BarSize;
  readonly date: LocalDate;
  /** Sydney wall-clock "HH:MM" the bar starts at (10:00 for a daily bar). */
  readonly time: string;
  readonly bar: Bar;
  /** Where inside its Sydney day an IBKR daily bar's `t` falls, in ms from 10:00 (-9 h to +13 h). */
  readonly dayJitterMs: number;
}

/** Sixty days across a month and a year end: few store partitions per run, yet more than one. */
const FIRST_DAY = localDate('2023-12-01');
const HOUR_MS = 3_600_000;

const symbolArb = fc.stringMatching(/^[A-Z0-9]{3,6}$/);
/** Mills in each ASX tick band, so the 0.001, 0.005 and 0.01 ticks all occur. */
const millsArb = fc.oneof(
  fc.integer({ min: 1, max: 99 }),
  fc.integer({ min: 100, max: 1_999 }),
  fc.integer({ min: 2_000, max: 500_000 }),
);
const volumeArb = fc.oneof(fc.nat({ max: 100_000 }), fc.integer({ min: 0, max: 1_000_000_000_000 }));

const rowFields = (symbols: readonly string[], sizes: readonly BarSize[]) =>
  fc.record({
    symbol: fc.constantFrom(...symbols),
    size: fc.constantFrom(...sizes),
    day: fc.nat({ max: 59 }),
    minute: fc.nat({ max: 369 }),
    mills: fc.tuple(millsArb, millsArb, millsArb, millsArb),
    openFirst: fc.boolean(),
    volume: volumeArb,
    dayJitterMs: fc.integer({ min: -9 * HOUR_MS, max: 13 * HOUR_MS }),
  });

type RowFields = typeof rowFields extends (...args: never[]) => fc.Arbitrary<infer R> ? R : never;

function toSampleRow(fields: RowFields): SampleRow {
  const date = addDays(FIRST_DAY, fields.day);
  const minutes = fields.size === '1d' ? 0 : fields.minute;
  const time = `${String(10 + Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
  const [low, middle, other, high] = fields.mills.map(priceNearest).sort((a, b) => a - b) as [
    Price,
    Price,
    Price,
    Price,
  ];
  const [open, close] = fields.openFirst ? [middle, other] : [other, middle];
  const start = sydneyLocalToEpoch(date, time);
  return {
    symbol: fields.symbol,
    size: fields.size,
    date,
    time,
    bar: { start, open, high, low, close, volume: fields.volume },
    dayJitterMs: fields.dayJitterMs,
  };
}

/** One to `maxRows` bars with distinct (symbol, size, start) over up to `maxSymbols` instruments. */
export function sampleRowsArb(sizes: readonly BarSize[], maxSymbols: number, maxRows = 10): fc.Arbitrary<SampleRow[]> {
  return fc.uniqueArray(symbolArb, { minLength: 1, maxLength: maxSymbols }).chain((symbols) =>
    fc.uniqueArray(rowFields(symbols, sizes).map(toSampleRow), {
      minLength: 1,
      maxLength: maxRows,
      selector: (row) => `${row.symbol} ${row.size} ${row.bar.start}`,
    }),
  );
}

/** A CSV file before rendering: cells per line, and the name an importer error gives each column. */
export interface CsvTable {
  readonly header: readonly string[] | undefined;
  readonly rows: readonly (readonly string[])[];
  /** Per column: the field an error about it names, and what it holds. */
  readonly columns: readonly { readonly field: string; readonly holds: CellKind }[];
}

export type CellKind = 'symbol' | 'time' | 'price' | 'volume' | 'ignored';

export interface CsvStyle {
  readonly eol: '\n' | '\r\n';
  readonly finalEol: boolean;
  readonly quoted: boolean;
  /** Writes prices with a trailing zero past what formatPrice gives ("45.200"). */
  readonly padded: boolean;
}

export const csvStyleArb: fc.Arbitrary<CsvStyle> = fc.record({
  eol: fc.constantFrom('\n' as const, '\r\n' as const),
  finalEol: fc.boolean(),
  quoted: fc.boolean(),
  padded: fc.boolean(),
});

export type SkimTimeForm = 'sydney' | 'utc' | 'offset';

export interface SkimLayout {
  readonly order: readonly SkimColumn[];
  readonly timeForm: SkimTimeForm;
  /** A UTC offset in minutes for the `offset` form. */
  readonly offsetMinutes: number;
}

type SkimColumn = 'symbol' | 'timestamp' | 'open' | 'high' | 'low' | 'close' | 'volume' | 'note';

const SKIM_ORDER: readonly SkimColumn[] = ['symbol', 'timestamp', 'open', 'high', 'low', 'close', 'volume'];

export const skimLayoutArb: fc.Arbitrary<SkimLayout> = fc.record({
  order: fc.oneof(
    fc.constant(SKIM_ORDER),
    fc.shuffledSubarray([...SKIM_ORDER, 'note' as const], { minLength: 8, maxLength: 8 }),
  ),
  timeForm: fc.constantFrom('sydney' as const, 'utc' as const, 'offset' as const),
  offsetMinutes: fc.integer({ min: -12 * 4, max: 14 * 4 }).map((quarters) => quarters * 15),
});

const priceText = (p: Price, padded: boolean): string => formatMills(p, 3) + (padded ? '0' : '');

const HOLDS: Readonly<Record<SkimColumn, CellKind>> = {
  symbol: 'symbol',
  timestamp: 'time',
  open: 'price',
  high: 'price',
  low: 'price',
  close: 'price',
  volume: 'volume',
  note: 'ignored',
};

export function skimTable(rows: readonly SampleRow[], layout: SkimLayout, style: CsvStyle): CsvTable {
  const cell = (row: SampleRow, column: SkimColumn): string => {
    const { bar } = row;
    if (column === 'symbol') return row.symbol;
    if (column === 'timestamp') return skimTimestamp(row, layout);
    if (column === 'volume') return String(bar.volume);
    if (column === 'note') return 'x y';
    return priceText(bar[column], style.padded);
  };
  return {
    header: layout.order,
    rows: rows.map((row) => layout.order.map((column) => cell(row, column))),
    columns: layout.order.map((column) => ({ field: column, holds: HOLDS[column] })),
  };
}

function skimTimestamp(row: SampleRow, layout: SkimLayout): string {
  if (row.size === '1d') return row.date;
  if (layout.timeForm === 'sydney') return `${row.date} ${row.time}`;
  const offset = layout.timeForm === 'utc' ? 0 : layout.offsetMinutes;
  const wall = new Date(row.bar.start + offset * 60_000).toISOString().slice(0, 19);
  if (layout.timeForm === 'utc') return `${wall}Z`;
  const abs = Math.abs(offset);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  return `${wall}${offset < 0 ? '-' : '+'}${hh}:${String(abs % 60).padStart(2, '0')}`;
}

export type EodDateForm = 'padded' | 'unpadded' | 'compact';

const EOD_FIELDS = ['code', 'date', 'open', 'high', 'low', 'close', 'volume'] as const;
const EOD_HOLDS: readonly CellKind[] = ['symbol', 'time', 'price', 'price', 'price', 'price', 'volume'];

export function asxEodTable(rows: readonly SampleRow[], dateForm: EodDateForm, style: CsvStyle): CsvTable {
  const date = (day: LocalDate): string => {
    const [y = '', m = '', d = ''] = day.split('-');
    if (dateForm === 'compact') return `${y}${m}${d}`;
    return dateForm === 'padded' ? `${d}/${m}/${y}` : `${Number(d)}/${Number(m)}/${y}`;
  };
  return {
    header: undefined,
    rows: rows.map(({ symbol, date: day, bar }) => [
      symbol,
      date(day),
      ...[bar.open, bar.high, bar.low, bar.close].map((p) => priceText(p, style.padded)),
      String(bar.volume),
    ]),
    columns: EOD_FIELDS.map((field, i) => ({ field, holds: EOD_HOLDS[i] ?? 'ignored' })),
  };
}

export const csvLine = (cells: readonly string[], quoted: boolean): string =>
  cells.map((cell) => (quoted ? `"${cell.replaceAll('"', '""')}"` : cell)).join(',');

/** The lines of a table as the file holds them (header first). */
export const csvLines = (table: CsvTable, style: CsvStyle): string[] =>
  [...(table.header === undefined ? [] : [table.header]), ...table.rows].map((cells) => csvLine(cells, style.quoted));

export const joinLines = (lines: readonly string[], style: CsvStyle): string =>
  lines.join(style.eol) + (style.finalEol ? style.eol : '');

/** An IBKR history element: each key with its JSON text, so one can be swapped for another value. */
export type JsonElement = ReadonlyMap<string, string>;

export const IBKR_KEYS = ['o', 'h', 'l', 'c', 'v', 't'] as const;

/** `/iserver/marketdata/history` elements for bars of one symbol and size; prices sometimes as strings. */
export function ibkrElements(rows: readonly SampleRow[], volumeFactor: number, quotedPrices: boolean): JsonElement[] {
  return rows.map((row) => {
    const { bar } = row;
    const price = (p: Price): string => (quotedPrices ? `"${formatMills(p, 2)}"` : formatMills(p, 3));
    const t = row.size === '1d' ? bar.start + row.dayJitterMs : bar.start;
    return new Map([
      ['o', price(bar.open)],
      ['h', price(bar.high)],
      ['l', price(bar.low)],
      ['c', price(bar.close)],
      ['v', String(bar.volume / volumeFactor)],
      ['t', String(t)],
    ]);
  });
}

/** The body, one element per line: element i sits on line i + 2. */
export function ibkrBody(symbol: string, size: BarSize, volumeFactor: number, elements: readonly string[]): string {
  const head = `{"symbol":${JSON.stringify(symbol)},"barLength":${size === '1d' ? 86400 : 60},"volumeFactor":${volumeFactor},"data":[`;
  return [head, ...elements.map((element, i) => (i < elements.length - 1 ? `${element},` : element)), ']}'].join('\n');
}

export const elementText = (element: JsonElement): string =>
  `{${[...element].map(([key, value]) => `${JSON.stringify(key)}:${value}`).join(',')}}`;

export interface JsonFile {
  readonly rows: readonly SampleRow[];
  readonly size: BarSize;
  readonly factor: number;
  readonly quoted: boolean;
}

/** One symbol's bars of one size; volumes are whole lots when `factor` is not 1. */
export const jsonFileArb: fc.Arbitrary<JsonFile> = fc
  .constantFrom<BarSize>('1min', '1d')
  .chain((size) =>
    fc.record({
      rows: sampleRowsArb([size], 1),
      size: fc.constant(size),
      factor: fc.constantFrom(1, 100),
      quoted: fc.boolean(),
    }),
  )
  .map((file) => ({ ...file, rows: file.rows.map((row) => inLots(row, file.factor)) }));

function inLots(row: SampleRow, factor: number): SampleRow {
  return { ...row, bar: { ...row.bar, volume: Math.floor(row.bar.volume / factor) * factor } };
}

/** The IBKR body of a file, or of the element texts given. */
export const ibkrText = (
  file: JsonFile,
  elements = ibkrElements(file.rows, file.factor, file.quoted).map(elementText),
): string => ibkrBody(file.rows[0]?.symbol ?? '', file.size, file.factor, elements);

export const skimText = (rows: readonly SampleRow[], layout: SkimLayout, style: CsvStyle): string =>
  joinLines(csvLines(skimTable(rows, layout, style), style), style);

export const asxEodText = (rows: readonly SampleRow[], dateForm: EodDateForm, style: CsvStyle): string =>
  joinLines(csvLines(asxEodTable(rows, dateForm, style), style), style);

/** The bars by "size symbol", in time order, as the store should hold them. */
export function seriesOf(rows: readonly SampleRow[]): Record<string, Bar[]> {
  const series: Record<string, Bar[]> = {};
  for (const row of rows) (series[`${row.size} ${row.symbol}`] ??= []).push(row.bar);
  for (const bars of Object.values(series)) bars.sort((a, b) => a.start - b.start);
  return series;
}
