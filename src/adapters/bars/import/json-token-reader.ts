import { BarFileError } from './bar-import.error.js';
import { jsonTokens, type JsonToken } from './json-tokens.js';

/** Pulls JSON tokens one at a time with one token of look-ahead, and skips values the caller does not need. */
export class JsonTokenReader {
  private readonly tokens: AsyncIterator<JsonToken>;
  private peeked: JsonToken | undefined;
  private lastLine = 1;

  constructor(
    readonly file: string,
    chunks: AsyncIterable<string>,
  ) {
    this.tokens = jsonTokens(file, chunks)[Symbol.asyncIterator]();
  }

  get line(): number {
    return this.lastLine;
  }

  async peek(): Promise<JsonToken | undefined> {
    if (this.peeked === undefined) {
      const result = await this.tokens.next();
      this.peeked = result.done === true ? undefined : result.value;
    }
    return this.peeked;
  }

  async next(): Promise<JsonToken> {
    const token = await this.peek();
    if (token === undefined) throw new BarFileError(this.file, 'the JSON ends early', this.lastLine);
    this.peeked = undefined;
    this.lastLine = token.line;
    return token;
  }

  async expectPunct(char: '{' | '}' | '[' | ']' | ':' | ','): Promise<JsonToken> {
    const token = await this.next();
    if (token.kind !== 'punct' || token.char !== char) throw this.unexpected(token, `"${char}"`);
    return token;
  }

  async expectKey(): Promise<string> {
    const token = await this.next();
    if (token.kind !== 'string') throw this.unexpected(token, 'a key');
    await this.expectPunct(':');
    return token.value;
  }

  /** Skips the rest of a value whose first token was `first` (a whole object or array). */
  async skipAfter(first: JsonToken): Promise<void> {
    if (first.kind !== 'punct' || (first.char !== '{' && first.char !== '[')) return;
    let depth = 1;
    while (depth > 0) {
      const token = await this.next();
      if (token.kind !== 'punct') continue;
      if (token.char === '{' || token.char === '[') depth += 1;
      if (token.char === '}' || token.char === ']') depth -= 1;
    }
  }

  async expectEnd(): Promise<void> {
    const token = await this.peek();
    if (token !== undefined) throw this.unexpected(token, 'the end of the file');
  }

  unexpected(token: JsonToken, wanted: string): BarFileError {
    const found = token.kind === 'punct' ? `"${token.char}"` : token.kind === 'string' ? 'a string' : token.text;
    return new BarFileError(this.file, `expected ${wanted}, found ${found}`, token.line);
  }
}
