import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BarFileError } from '../../../src/adapters/bars/import/bar-import.error.js';
import { jsonTokens, type JsonToken } from '../../../src/adapters/bars/import/json-tokens.js';

async function tokensOf(chunks: readonly string[]): Promise<JsonToken[]> {
  async function* source(): AsyncGenerator<string> {
    for (const chunk of chunks) {
      // Each chunk arrives on its own turn, as from a file stream.
      await Promise.resolve();
      yield chunk;
    }
  }
  const tokens: JsonToken[] = [];
  for await (const token of jsonTokens('test.json', source())) tokens.push(token);
  return tokens;
}

/** `text` cut at the given positions. */
function cut(text: string, positions: readonly number[]): string[] {
  const sorted = [...new Set(positions.map((p) => p % (text.length + 1)))].sort((a, b) => a - b);
  return [0, ...sorted].map((from, i) => text.slice(from, sorted[i] ?? text.length));
}

const DOCUMENT = '{"symbol": "BHP",\n "data": [{"o": 45.205, "t": 1709593200000, "x": "a\\"b"}, true, null, -1.5e3]}';

describe('jsonTokens', () => {
  it('keeps number text exactly as written and counts lines', async () => {
    const tokens = await tokensOf([DOCUMENT]);
    const scalars = tokens.filter((t) => t.kind === 'scalar').map((t) => [t.text, t.line]);
    expect(scalars).toEqual([
      ['45.205', 2],
      ['1709593200000', 2],
      ['true', 2],
      ['null', 2],
      ['-1.5e3', 2],
    ]);
    expect(tokens.find((t) => t.kind === 'string' && t.value === 'a"b')).toBeDefined();
  });

  it('gives the same tokens however the text is cut into chunks', async () => {
    const whole = await tokensOf([DOCUMENT]);
    await fc.assert(
      fc.asyncProperty(fc.array(fc.nat(), { maxLength: 12 }), async (positions) => {
        expect(await tokensOf(cut(DOCUMENT, positions))).toEqual(whole);
      }),
    );
  });

  it('refuses a text that ends inside a string, or a bare word', async () => {
    await expect(tokensOf(['{"symbol": "BH'])).rejects.toThrow(
      new BarFileError('test.json', 'the JSON ends inside a string', 1),
    );
    await expect(tokensOf(['[\n', 'nul]'])).rejects.toThrow('test.json:2: not a JSON value: nul');
  });
});
