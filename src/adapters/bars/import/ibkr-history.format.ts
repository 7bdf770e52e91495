import type { BarSize } from '../../../domain/market/bar.js';
import { sydneyDateOf } from '../../../domain/market/sydney-time.js';
import { BarFileError, BarRowError } from './bar-import.error.js';
import { JsonTokenReader } from './json-token-reader.js';
import type { JsonToken } from './json-tokens.js';
import { readChunks } from './line-reader.js';
import { dailyBarStart, type RawBar, type RawField } from './raw-bar.js';

/**
 * A body saved from the Client Portal's `/iserver/marketdata/history`:
 * `{"symbol": "BHP", "barLength": 60, "volumeFactor": 1, ..., "data": [{"o":…,"h":…,"l":…,"c":…,"v":…,"t":…}]}`
 * with `t` in epoch milliseconds. The gateway writes `symbol`, `barLength` and `volumeFactor` before `data`;
 * options can supply the first two when a file lacks them. Daily bars are dated by the Sydney date of `t`.
 */
export interface IbkrHistoryOptions {
  readonly symbol?: string;
  readonly size?: BarSize;
}

interface Series {
  readonly symbol: string;
  readonly size: BarSize;
  readonly volumeFactor: number;
}

type Element = ReadonlyMap<string, { readonly text: string } | 'nested'>;

const BAR_LENGTHS: Readonly<Record<string, BarSize>> = { '60': '1min', '86400': '1d' };
const KEYS = ['o', 'h', 'l', 'c', 'v', 't'] as const;
const EPOCH_MS = /^\d{1,15}$/;

export async function* ibkrHistoryBars(
  file: string,
  options: IbkrHistoryOptions = {},
): AsyncGenerator<RawBar | BarRowError> {
  const json = new JsonTokenReader(file, readChunks(file));
  await json.expectPunct('{');
  const header = new Map<string, string>();
  let sawData = false;
  for (let members = 0; !isPunct(await json.peek(), '}'); members += 1) {
    if (members > 0) await json.expectPunct(',');
    const key = await json.expectKey();
    if (key === 'data') {
      sawData = true;
      yield* dataRows(json, seriesOf(file, json.line, header, options));
      continue;
    }
    const value = await json.next();
    if (value.kind === 'punct') await json.skipAfter(value);
    else header.set(key, value.kind === 'string' ? value.value : value.text);
  }
  await json.expectPunct('}');
  await json.expectEnd();
  if (!sawData) throw new BarFileError(file, 'no "data" array: not a /iserver/marketdata/history body');
}

function seriesOf(
  file: string,
  line: number,
  header: ReadonlyMap<string, string>,
  options: IbkrHistoryOptions,
): Series {
  const symbol = options.symbol ?? header.get('symbol');
  if (symbol === undefined) {
    throw new BarFileError(file, 'no "symbol" before "data"; name the instrument in the import options', line);
  }
  const barLength = header.get('barLength');
  const size = options.size ?? (barLength === undefined ? undefined : BAR_LENGTHS[barLength]);
  if (size === undefined) {
    const found = barLength === undefined ? 'no "barLength"' : `"barLength" ${barLength} s`;
    throw new BarFileError(file, `${found}; Skim stores 1-minute (60) and daily (86400) bars`, line);
  }
  const factor = Number(header.get('volumeFactor') ?? '1');
  if (!Number.isFinite(factor) || factor <= 0) throw new BarFileError(file, `bad "volumeFactor" ${factor}`, line);
  return { symbol, size, volumeFactor: factor };
}

async function* dataRows(json: JsonTokenReader, series: Series): AsyncGenerator<RawBar | BarRowError> {
  await json.expectPunct('[');
  for (let index = 0; ; index += 1) {
    const first = await json.next();
    if (first.kind === 'punct' && first.char === ']' && index === 0) return;
    if (first.kind === 'punct' && first.char === '{') {
      yield rawBarOf(json.file, first.line, index, await readElement(json), series);
    } else {
      await json.skipAfter(first);
      yield new BarRowError(json.file, first.line, `data[${index}]`, 'expected an object {o,h,l,c,v,t}');
    }
    const after = await json.next();
    if (after.kind === 'punct' && after.char === ']') return;
    if (after.kind !== 'punct' || after.char !== ',') throw json.unexpected(after, '"," or "]"');
  }
}

/** The members of an object whose "{" has been read; nested values are noted, not kept. */
async function readElement(json: JsonTokenReader): Promise<Element> {
  const members = new Map<string, { readonly text: string } | 'nested'>();
  if (isPunct(await json.peek(), '}')) {
    await json.next();
    return members;
  }
  for (;;) {
    const key = await json.expectKey();
    const value = await json.next();
    if (value.kind === 'punct') {
      await json.skipAfter(value);
      members.set(key, 'nested');
    } else {
      members.set(key, { text: value.kind === 'string' ? value.value.trim() : value.text });
    }
    const after = await json.next();
    if (isPunct(after, '}')) return members;
    if (!isPunct(after, ',')) throw json.unexpected(after, '"," or "}"');
  }
}

function rawBarOf(file: string, line: number, index: number, element: Element, series: Series): RawBar | BarRowError {
  const fields: Partial<Record<(typeof KEYS)[number], RawField>> = {};
  for (const key of KEYS) {
    const name = `data[${index}].${key}`;
    const member = element.get(key);
    if (member === undefined) return new BarRowError(file, line, name, 'missing');
    if (member === 'nested') return new BarRowError(file, line, name, 'expected a number, found an object or array');
    fields[key] = { name, text: member.text };
  }
  const { o, h, l, c, v, t } = fields as Record<(typeof KEYS)[number], RawField>;
  if (!EPOCH_MS.test(t.text)) return new BarRowError(file, line, t.name, `${t.text} is not epoch milliseconds`);
  const at = Number(t.text);
  return {
    line,
    symbol: { name: 'symbol', text: series.symbol },
    time: t,
    size: series.size,
    start: series.size === '1d' ? dailyBarStart(sydneyDateOf(at)) : at,
    open: o,
    high: h,
    low: l,
    close: c,
    volume: v,
    volumeFactor: series.volumeFactor,
  };
}

function isPunct(token: JsonToken | undefined, char: string): boolean {
  return token?.kind === 'punct' && token.char === char;
}
