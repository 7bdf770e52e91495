import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AppLogger } from '../../application/shared/app-logger.js';
import type { RawSource } from './raw-source.js';

/**
 * Passes every body through unchanged and keeps a copy in `directory/fileName`, so the morning can be
 * replayed later. The copy is written to a temporary name and renamed, so a replay never reads half a file.
 * Failing to keep the copy is logged and does not fail the fetch: recording watches, it never decides.
 */
export class RecordingRawSource<Q = void> implements RawSource<Q> {
  readonly name: string;

  constructor(
    private readonly inner: RawSource<Q>,
    private readonly directory: string,
    private readonly fileName: string,
    private readonly log: AppLogger,
  ) {
    this.name = inner.name;
  }

  async fetchRaw(query: Q): Promise<string> {
    const body = await this.inner.fetchRaw(query);
    const file = join(this.directory, this.fileName);
    try {
      await mkdir(this.directory, { recursive: true });
      const partial = `${file}.${process.pid}.partial`;
      await writeFile(partial, body, 'utf8');
      await rename(partial, file);
      this.log.debug({ source: this.name, file, bytes: Buffer.byteLength(body) }, 'raw body recorded');
    } catch (error) {
      this.log.warn(
        { source: this.name, file, error: error instanceof Error ? error.message : String(error) },
        'could not record raw body',
      );
    }
    return body;
  }
}
