import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { RawSource } from './raw-source.js';
import { ReplayFileMissing } from './replay-file-missing.error.js';
import { SourceUnavailable } from './source-unavailable.error.js';

/** Serves a recorded body from `directory/fileName` instead of the network; whatever the query, the same body. */
export class ReplayRawSource<Q = void> implements RawSource<Q> {
  constructor(
    readonly name: string,
    private readonly directory: string,
    private readonly fileName: string,
  ) {}

  async fetchRaw(_query: Q): Promise<string> {
    const file = join(this.directory, this.fileName);
    try {
      return await readFile(file, 'utf8');
    } catch (error) {
      if (errorCode(error) === 'ENOENT') throw new ReplayFileMissing(this.name, file);
      throw new SourceUnavailable(
        this.name,
        `cannot read replay file ${file}: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
}

function errorCode(error: unknown): unknown {
  return typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
}
