import { BarFileError } from './bar-import.error.js';

/**
 * Tokens of a JSON text read in chunks, so a large document is never held whole. Numbers, `true`, `false` and
 * `null` keep their source text (`scalar`), letting prices go to exact decimal parsing instead of a float.
 */
export type JsonToken =
  | { readonly kind: 'punct'; readonly char: '{' | '}' | '[' | ']' | ':' | ','; readonly line: number }
  | { readonly kind: 'string'; readonly value: string; readonly line: number }
  | { readonly kind: 'scalar'; readonly text: string; readonly line: number };

const SCALAR = /^(?:-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)$/;
const SCALAR_CHAR = /[0-9A-Za-z+\-.]/;
const PUNCT = new Set(['{', '}', '[', ']', ':', ',']);

interface Scan {
  readonly tokens: JsonToken[];
  /** An unfinished token at the end of the text, to be completed by the next chunk. */
  readonly rest: string;
  readonly line: number;
}

export async function* jsonTokens(file: string, chunks: AsyncIterable<string>): AsyncGenerator<JsonToken> {
  let carry = '';
  let line = 1;
  for await (const chunk of chunks) {
    const scan = scanText(file, carry + chunk, line, false);
    yield* scan.tokens;
    carry = scan.rest;
    line = scan.line;
  }
  const last = scanText(file, carry, line, true);
  yield* last.tokens;
  if (last.rest !== '') throw new BarFileError(file, 'the JSON ends inside a string', last.line);
}

function scanText(file: string, text: string, startLine: number, final: boolean): Scan {
  const tokens: JsonToken[] = [];
  let line = startLine;
  let i = 0;
  while (i < text.length) {
    const char = text.charAt(i);
    if (char === '\n') {
      line += 1;
      i += 1;
    } else if (char === ' ' || char === '\t' || char === '\r') {
      i += 1;
    } else if (PUNCT.has(char)) {
      tokens.push({ kind: 'punct', char: char as '{', line });
      i += 1;
    } else if (char === '"') {
      const end = stringEnd(text, i);
      if (end < 0) return { tokens, rest: text.slice(i), line };
      tokens.push({ kind: 'string', value: decodeString(file, text.slice(i, end + 1), line), line });
      i = end + 1;
    } else if (SCALAR_CHAR.test(char)) {
      let end = i;
      while (end < text.length && SCALAR_CHAR.test(text.charAt(end))) end += 1;
      if (end === text.length && !final) return { tokens, rest: text.slice(i), line };
      const scalar = text.slice(i, end);
      if (!SCALAR.test(scalar)) throw new BarFileError(file, `not a JSON value: ${scalar}`, line);
      tokens.push({ kind: 'scalar', text: scalar, line });
      i = end;
    } else {
      throw new BarFileError(file, `unexpected character ${JSON.stringify(char)} in JSON`, line);
    }
  }
  return { tokens, rest: '', line };
}

/** Index of the quote closing the string opened at `open`, or -1 when the text ends first. */
function stringEnd(text: string, open: number): number {
  for (let j = open + 1; j < text.length; j += 1) {
    const char = text.charAt(j);
    if (char === '\\') j += 1;
    else if (char === '"') return j;
  }
  return -1;
}

function decodeString(file: string, quoted: string, line: number): string {
  try {
    return JSON.parse(quoted) as string;
  } catch {
    throw new BarFileError(file, `malformed JSON string ${quoted.slice(0, 40)}`, line);
  }
}
