import fc from 'fast-check';
import type { BarSize } from '../../../src/domain/market/bar.js';
import {
  csvLines,
  elementText,
  IBKR_KEYS,
  ibkrBody,
  ibkrElements,
  ibkrText,
  joinLines,
  type CellKind,
  type CsvStyle,
  type CsvTable,
  type JsonFile,
  type SampleRow,
} from './bar-fuzz-samples.js';

/**
 * Input for the importer fuzz tests beyond valid files: one-place changes to a valid file, each with what the
 * importer must then do (skip exactly the changed row, naming its line and field, or keep every bar), and
 * near-valid random CSV and JSON.
 */
export type Expected =
  | { readonly kind: 'skipped'; readonly line: number; readonly field: RegExp; readonly rows: readonly SampleRow[] }
  | { readonly kind: 'kept'; readonly replaced: number; readonly rows: readonly SampleRow[] };

export interface Mutated {
  readonly text: string;
  readonly expected: Expected;
}

const exactly = (field: string): RegExp => new RegExp(`^${field.replace(/[[\].]/g, '\\$&')}$`);

/** Text with no ASCII digit, comma, quote or line break: never a number, date or code, never a new field. */
const noDigitJunk = fc.oneof(
  fc.constantFrom('', ' ', 'NaN', 'Infinity', '-', '$', '½', 'null', '１２', 'n/a'),
  fc.string({ maxLength: 8 }).filter((text) => !/[\d,"\r\n]/.test(text)),
);

const JUNK: Readonly<Record<Exclude<CellKind, 'ignored'>, fc.Arbitrary<string>>> = {
  symbol: fc
    .oneof(noDigitJunk, fc.constantFrom('AB', 'ABCDEFG', 'B-P', 'B.H', 'BH P'))
    .filter((text) => !/^[A-Z0-9]{3,6}$/.test(text.trim().toUpperCase())),
  time: fc.oneof(
    noDigitJunk,
    fc.constantFrom(
      '2024-13-01',
      '2024-02-30',
      '2024-03-01 24:00',
      '2024-03-01 10:00:30',
      '2024-03-01T10:00+15:00',
      '32/01/2024',
      '20240230',
      '2024/03/01',
      // Outside the years the store files bars under:
      '9999-12-31T23:00:00Z',
      '0100-01-01',
      '01/01/0100',
      '01000101',
    ),
  ),
  price: fc.oneof(
    noDigitJunk,
    fc.constantFrom(
      '-1.00',
      '0',
      '0.000',
      '-0.5',
      '1e309',
      '-1e309',
      '1e-9',
      '0.0001',
      '1.2.3',
      '--1',
      '1 2',
      '0x1e',
      '1e1x',
    ),
  ),
  volume: fc.oneof(noDigitJunk, fc.constantFrom('-5', '1.5', '9007199254740993', '1e309')),
};

export const csvMutation = fc.oneof(
  fc.record({ kind: fc.constant('junk' as const), row: fc.nat(), column: fc.nat(), junk: fc.record(JUNK) }),
  fc.record({ kind: fc.constant('drop-cell' as const), row: fc.nat(), column: fc.nat() }),
  fc.record({ kind: fc.constant('truncate' as const), row: fc.nat(), at: fc.nat() }),
  fc.record({
    kind: fc.constant('swap-delimiter' as const),
    row: fc.nat(),
    at: fc.nat(),
    to: fc.constantFrom(';', '\t', '|'),
  }),
  fc.record({ kind: fc.constant('stray-quote' as const), row: fc.nat(), at: fc.nat() }),
  fc.record({ kind: fc.constant('decimal-comma' as const), row: fc.nat(), column: fc.nat() }),
  fc.record({ kind: fc.constant('duplicate' as const), row: fc.nat() }),
  fc.record({ kind: fc.constant('bom' as const) }),
);

export type CsvMutation = typeof csvMutation extends fc.Arbitrary<infer M> ? M : never;

/** Applies one change to the file `write` makes of `rows`; CSV row r sits on line r + 1 (+ 1 for a header). */
export function mutateCsv(
  write: (rows: readonly SampleRow[]) => CsvTable,
  rows: readonly SampleRow[],
  style: CsvStyle,
  change: CsvMutation,
): Mutated {
  const table = write(rows);
  if (change.kind === 'bom') {
    return { text: `\uFEFF${joinLines(csvLines(table, style), style)}`, expected: { kind: 'kept', replaced: 0, rows } };
  }
  const r = change.row % rows.length;
  if (change.kind === 'duplicate') {
    const original = rows[r] as SampleRow;
    const later = { ...original, bar: { ...original.bar, volume: original.bar.volume + 1 } };
    const text = joinLines(csvLines(write([...rows.slice(0, r + 1), later, ...rows.slice(r + 1)]), style), style);
    return { text, expected: { kind: 'kept', replaced: 1, rows: rows.map((row, i) => (i === r ? later : row)) } };
  }
  const line = r + (table.header === undefined ? 1 : 2);
  const skipped = (lines: readonly string[], field: string): Mutated => ({
    text: joinLines(lines, style),
    expected: { kind: 'skipped', line, field: exactly(field), rows: rows.filter((_, i) => i !== r) },
  });
  const withCells = (cells: readonly string[]): string[] =>
    csvLines({ ...table, rows: table.rows.map((row, i) => (i === r ? cells : row)) }, style);
  const cells = [...(table.rows[r] ?? [])];
  if (change.kind === 'junk') {
    const targets = table.columns.flatMap(({ field, holds }, i) => (holds === 'ignored' ? [] : [{ field, holds, i }]));
    const target = targets[change.column % targets.length];
    if (target === undefined) throw new Error('a CSV table without data columns');
    cells[target.i] = change.junk[target.holds];
    return skipped(withCells(cells), target.field);
  }
  if (change.kind === 'decimal-comma') {
    const prices = table.columns.flatMap(({ field, holds }, i) => (holds === 'price' ? [{ field, i }] : []));
    const target = prices[change.column % prices.length];
    if (target === undefined) throw new Error('a CSV table without price columns');
    const text = cells[target.i] ?? '';
    cells[target.i] = text.includes('.') ? text.replace('.', ',') : `${text},5`;
    // Quoted, "45,30" is one field and no price; unquoted, it is two fields and the row no longer fits.
    return skipped(withCells(cells), style.quoted ? target.field : 'row');
  }
  if (change.kind === 'drop-cell') {
    cells.splice(change.column % cells.length, 1);
    return skipped(withCells(cells), 'row');
  }
  const lines = csvLines(table, style);
  const text = lines[line - 1] ?? '';
  lines[line - 1] = editLine(text, change);
  return skipped(lines, 'row');
}

function editLine(text: string, change: CsvMutation & { kind: 'truncate' | 'swap-delimiter' | 'stray-quote' }): string {
  if (change.kind === 'truncate') return text.slice(0, 1 + (change.at % text.lastIndexOf(',')));
  if (change.kind === 'stray-quote') {
    const at = change.at % (text.length + 1);
    return `${text.slice(0, at)}"${text.slice(at)}`;
  }
  const commas = [...text.matchAll(/,/g)].map((match) => match.index);
  const at = commas[change.at % commas.length] ?? 0;
  return `${text.slice(0, at)}${change.to}${text.slice(at + 1)}`;
}

/** Per key, JSON that the key cannot hold: negative, zero or non-finite prices, fractional volumes, bad times. */
const JSON_EDGES: Readonly<Record<(typeof IBKR_KEYS)[number], readonly string[]>> = {
  o: ['-1', '0', '-0.5', '1e309', '-1e309', '1e-9', '"NaN"', '"1.2.3"', '"-1"', '"0x1e"'],
  h: ['-1', '0', '1e309', '"abc"'],
  l: ['-1', '0', '1e309', '"abc"'],
  c: ['-1', '0', '1e309', '"abc"'],
  v: ['-1', '-0.5', '1e309', '"NaN"', '9007199254740993'],
  t: ['-1', '1.5', '1e12', '"abc"', '1234567890123456', 'null', '999999999960000', '-2208988800000'],
};

const digitFreeJson = fc
  .jsonValue({ maxDepth: 2 })
  .map((value) => JSON.stringify(value))
  .filter((text) => !/\d/.test(text));

export const jsonMutation = fc.oneof(
  fc.constantFrom(...IBKR_KEYS).chain((key) =>
    fc.record({
      kind: fc.constant('value' as const),
      element: fc.nat(),
      key: fc.constant(key),
      value: fc.oneof(digitFreeJson, fc.constantFrom(...JSON_EDGES[key])),
    }),
  ),
  fc.record({ kind: fc.constant('drop-key' as const), element: fc.nat(), key: fc.constantFrom(...IBKR_KEYS) }),
  fc.record({
    kind: fc.constant('element' as const),
    element: fc.nat(),
    value: fc
      .jsonValue({ maxDepth: 2 })
      .filter((value) => typeof value !== 'object' || value === null || Array.isArray(value) || !('o' in value)),
  }),
);

export type JsonMutation = typeof jsonMutation extends fc.Arbitrary<infer M> ? M : never;

/** The IBKR body of `file` with one element changed; element i sits on line i + 2. */
export function mutateJson(file: JsonFile, change: JsonMutation): Mutated {
  const { rows } = file;
  const elements = ibkrElements(rows, file.factor, file.quoted);
  const i = change.element % rows.length;
  const texts = elements.map(elementText);
  let field: RegExp;
  if (change.kind === 'element') {
    texts[i] = JSON.stringify(change.value);
    // Not an object: the element is blamed; an object without the keys: its first missing key.
    field = new RegExp(`^data\\[${i}\\](\\.[ohlcvt])?$`);
  } else {
    const element = new Map(elements[i]);
    if (change.kind === 'value') element.set(change.key, change.value);
    else element.delete(change.key);
    texts[i] = elementText(element);
    field = exactly(`data[${i}].${change.key}`);
  }
  return {
    text: ibkrText(file, texts),
    expected: { kind: 'skipped', line: i + 2, field, rows: rows.filter((_, j) => j !== i) },
  };
}

// Near-valid random input: CSV lines in either dialect and IBKR history bodies, mostly sound, broken here and there.

const SKIM_HEADER = 'symbol,timestamp,open,high,low,close,volume';
const SYMBOLS = { good: ['BHP', 'cba', ' 1AE '], bad: ['X', 'TOOLONGCODE', '', 'B-P'] };
const TIMES = {
  skim: ['2024-03-01', '2024-03-01 10:00', '2024-03-01T10:00:00+11:00', '2024-02-29T23:03:00Z'],
  eod: ['01/03/2024', '1/3/2024', '20240301'],
  bad: ['2024-13-01', '2024-03-01 10:00:30', '31/02/2024', '2024-03-01T10:00+15:00', '2024-03-01T10:00:00.5Z'],
};
const PRICES = {
  good: ['45.20', '0.005', '0.123', '1e2', '45.455', '"1.50"'],
  bad: ['-1', '0', 'abc', '2147483.65', '1e309', 'NaN', '0.0004'],
};
const VOLUMES = { good: ['100', '0', '123456789'], bad: ['-5', '1.5', '9007199254740993'] };
const OTHER = [' ', '"', '""', 'x"y', '\uFEFF', 'symbol', 'timestamp', 'volume'];
const token = fc.oneof(
  fc.constantFrom(...Object.values({ ...SYMBOLS, ...TIMES, ...PRICES, ...VOLUMES }).flat(), ...OTHER),
  fc.string({ maxLength: 5 }),
);
/** Mostly a good value, sometimes a bad one or any token: rows that often import, yet break in every way. */
const pick = (good: readonly string[], bad: readonly string[]) =>
  fc.oneof(
    { arbitrary: fc.constantFrom(...good), weight: 6 },
    { arbitrary: fc.constantFrom(...bad), weight: 2 },
    { arbitrary: token, weight: 1 },
  );
const priceCells = fc.oneof(
  { arbitrary: pick(PRICES.good, PRICES.bad).map((price) => [price, price, price, price]), weight: 3 },
  fc.array(pick(PRICES.good, PRICES.bad), { minLength: 4, maxLength: 4 }),
);
const nearRow = (times: readonly string[]) =>
  fc
    .tuple(pick(SYMBOLS.good, SYMBOLS.bad), pick(times, TIMES.bad), priceCells, pick(VOLUMES.good, VOLUMES.bad))
    .map(([symbol, time, prices, volume]) => [symbol, time, ...prices, volume].join(','));
/** CSV-like lines in the Skim or the end-of-day dialect, with or without a header, broken here and there. */
export const randomCsv = fc
  .tuple(fc.constantFrom('skim' as const, 'eod' as const), fc.nat({ max: 9 }), fc.constantFrom('\n', '\r\n', '\r'))
  .chain(([dialect, headerDice, eol]) =>
    fc
      .array(
        fc.oneof(
          { arbitrary: nearRow(TIMES[dialect]), weight: 4 },
          fc.array(token, { maxLength: 9 }).map((cells) => cells.join(',')),
        ),
        { maxLength: 12 },
      )
      // A header mostly where the dialect has one: a few files are read in the wrong layout.
      .map((lines) => [...((dialect === 'skim') !== (headerDice === 0) ? [SKIM_HEADER] : []), ...lines].join(eol)),
  );

const anyJson = fc.jsonValue({ maxDepth: 1 }).map((value) => JSON.stringify(value));
const jsonMember = (good: readonly string[], bad: readonly string[]) =>
  fc.oneof(
    { arbitrary: fc.constantFrom(...good), weight: 12 },
    { arbitrary: fc.constantFrom(...bad), weight: 2 },
    { arbitrary: anyJson, weight: 1 },
  );
const jsonPrice = jsonMember(['21.1', '"21.10"'], ['0', '-1', '1e309', '"abc"', 'true', 'null', '0.0004']);
const jsonRecord = fc.record({
  o: jsonPrice,
  h: jsonPrice,
  l: jsonPrice,
  c: jsonPrice,
  v: jsonMember(['100', '0', '"250"'], ['-1', '1.5', '9007199254740993']),
  t: jsonMember(['1709593200000', '1709593260000', '"1709679600000"'], ['1709593230000', '-1', '1.5', '1e12']),
});
const jsonElement = fc.oneof(
  { arbitrary: jsonRecord.map((members) => elementText(new Map(Object.entries(members)))), weight: 4 },
  fc.jsonValue({ maxDepth: 2 }).map((value) => JSON.stringify(value)),
);
/** A history body whose members are mostly sound, sometimes wrong or any JSON value. */
export const randomHistoryBody = fc
  .record({
    symbol: jsonMember(['"FMG"', '" bhp "', '"1AE"'], ['"x"', '42', '{}']),
    size: fc.constantFrom<BarSize>('1min', '1d'),
    factor: fc.constantFrom(1, 100, 0.5),
    elements: fc.array(jsonElement, { maxLength: 8 }),
  })
  .map(({ symbol, size, factor, elements }) => ibkrBody('FMG', size, factor, elements).replace('"FMG"', symbol));
