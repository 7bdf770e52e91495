import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';

export interface NumberedLine {
  /** 1-based. */
  readonly line: number;
  readonly text: string;
}

/** The lines of a text file, one at a time (never the whole file in memory); a leading BOM is dropped. */
export async function* readLines(path: string): AsyncGenerator<NumberedLine> {
  const input = createReadStream(path, { encoding: 'utf8' });
  const lines = createInterface({ input, crlfDelay: Infinity });
  let line = 0;
  try {
    for await (const text of lines) {
      line += 1;
      yield { line, text: line === 1 ? text.replace(/^\uFEFF/, '') : text };
    }
  } finally {
    lines.close();
    input.destroy();
  }
}

/** The text of a file in chunks, for parsers that scan characters (JSON). */
export async function* readChunks(path: string): AsyncGenerator<string> {
  const input = createReadStream(path, { encoding: 'utf8', highWaterMark: 64 * 1024 });
  try {
    let first = true;
    for await (const chunk of input) {
      const text = String(chunk);
      yield first ? text.replace(/^\uFEFF/, '') : text;
      first = false;
    }
  } finally {
    input.destroy();
  }
}
