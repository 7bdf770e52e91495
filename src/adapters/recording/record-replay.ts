import { InvalidValue } from '../../domain/errors/invalid-value.error.js';
import type { AppLogger } from '../../application/shared/app-logger.js';
import type { RawSource } from './raw-source.js';
import { RecordingRawSource } from './recording-raw-source.js';
import { ReplayRawSource } from './replay-raw-source.js';
import type { ReplayFileName } from './replay-files.js';

export interface RecordReplaySettings {
  /** SKIM_RECORD_DIR: keep a copy of every raw body here. */
  readonly recordDir?: string | undefined;
  /** SKIM_REPLAY_DIR: read raw bodies from here instead of the network. */
  readonly replayDir?: string | undefined;
}

/**
 * The source to use for one outside feed: the live one, the live one with recording, or a replay of a
 * recorded folder. Asking for both at once is refused, since it is unclear which the user meant.
 */
export function withRecordReplay<Q>(
  live: RawSource<Q>,
  fileName: ReplayFileName,
  settings: RecordReplaySettings,
  log: AppLogger,
): RawSource<Q> {
  const { recordDir, replayDir } = settings;
  if (recordDir !== undefined && replayDir !== undefined) {
    throw new InvalidValue(
      'record/replay folders',
      { recordDir, replayDir },
      'set SKIM_RECORD_DIR or SKIM_REPLAY_DIR, not both',
    );
  }
  if (replayDir !== undefined) return new ReplayRawSource<Q>(live.name, replayDir, fileName);
  if (recordDir !== undefined) return new RecordingRawSource(live, recordDir, fileName, log);
  return live;
}
