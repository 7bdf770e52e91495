import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RawSource } from '../../../src/adapters/recording/raw-source.js';
import { withRecordReplay } from '../../../src/adapters/recording/record-replay.js';
import { RecordingRawSource } from '../../../src/adapters/recording/recording-raw-source.js';
import { ReplayFileMissing } from '../../../src/adapters/recording/replay-file-missing.error.js';
import { REPLAY_FILES } from '../../../src/adapters/recording/replay-files.js';
import { ReplayRawSource } from '../../../src/adapters/recording/replay-raw-source.js';
import { SourceUnavailable } from '../../../src/adapters/recording/source-unavailable.error.js';
import { InvalidValue } from '../../../src/domain/errors/invalid-value.error.js';
import { CapturingLogger } from '../../application/scan/capturing-logger.js';
import { useTempDir } from '../../infrastructure/temp-dir.js';

/** A pretend network source that answers with a new body on every call and remembers its queries. */
class CountingSource implements RawSource<string> {
  readonly name = 'tradingview';
  readonly queries: string[] = [];

  fetchRaw(query: string): Promise<string> {
    this.queries.push(query);
    return Promise.resolve(`{"call":${this.queries.length},"query":"${query}","text":"Société – Ōtaki"}`);
  }
}

const failing: RawSource = {
  name: 'asx-announcements',
  fetchRaw: () => Promise.reject(new SourceUnavailable('asx-announcements', 'HTTP 503', 503)),
};

describe('record and replay', () => {
  const tempDir = useTempDir('record-replay');

  it('replays exactly the bodies that were recorded, without touching the live source', async () => {
    const folder = join(tempDir(), 'morning');
    const live = new CountingSource();
    const log = new CapturingLogger();
    const recorder = withRecordReplay(live, REPLAY_FILES.tradingView, { recordDir: folder }, log);
    const recorded = await recorder.fetchRaw('first');
    expect(readFileSync(join(folder, 'tradingview.json'), 'utf8')).toBe(recorded);

    const replay = withRecordReplay(live, REPLAY_FILES.tradingView, { replayDir: folder }, log);
    expect(replay.name).toBe('tradingview');
    await expect(replay.fetchRaw('another query')).resolves.toBe(recorded);
    expect(live.queries).toEqual(['first']);
    expect(log.at('warn')).toEqual([]);
  });

  it('keeps the latest body when recording twice and leaves no partial files behind', async () => {
    const live = new CountingSource();
    const recorder = new RecordingRawSource(live, tempDir(), 'tradingview.json', new CapturingLogger());
    await recorder.fetchRaw('a');
    const second = await recorder.fetchRaw('b');
    expect(readFileSync(join(tempDir(), 'tradingview.json'), 'utf8')).toBe(second);
    expect(readdirSync(tempDir())).toEqual(['tradingview.json']);
  });

  it('records nothing when the live source fails, and passes its error on', async () => {
    const recorder = withRecordReplay(
      failing,
      REPLAY_FILES.asxAnnouncementsToday,
      { recordDir: tempDir() },
      new CapturingLogger(),
    );
    await expect(recorder.fetchRaw()).rejects.toBeInstanceOf(SourceUnavailable);
    expect(existsSync(join(tempDir(), 'asx-announcements.html'))).toBe(false);
  });

  it('still returns the body when it cannot be recorded, and says so in the log', async () => {
    const blocker = join(tempDir(), 'not-a-folder');
    writeFileSync(blocker, 'a file where the record folder should be');
    const log = new CapturingLogger();
    const recorder = new RecordingRawSource(new CountingSource(), blocker, 'tradingview.json', log);
    await expect(recorder.fetchRaw('q')).resolves.toContain('"call":1');
    const warnings = log.at('warn');
    expect(warnings.map((line) => line.message)).toEqual(['could not record raw body']);
    expect(warnings[0]?.fields).toMatchObject({ source: 'tradingview', file: join(blocker, 'tradingview.json') });
  });

  it('fails clearly, naming the file, when the replay folder lacks a source', async () => {
    const replay = new ReplayRawSource('ibkr-scanner', tempDir(), REPLAY_FILES.ibkrScanner);
    const error = await replay.fetchRaw().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReplayFileMissing);
    expect(error).toMatchObject({ source: 'ibkr-scanner', file: join(tempDir(), 'ibkr-scanner.json') });
    expect((error as Error).message).toBe(
      `cannot replay ibkr-scanner: ${join(tempDir(), 'ibkr-scanner.json')} does not exist`,
    );
  });

  it('reports an unreadable replay file as the source being unavailable', async () => {
    const replay = new ReplayRawSource('tradingview', tempDir(), '.');
    await expect(replay.fetchRaw()).rejects.toThrow(/tradingview unavailable: cannot read replay file/);
  });

  it('uses the live source when neither folder is set', () => {
    const live = new CountingSource();
    expect(withRecordReplay(live, REPLAY_FILES.tradingView, {}, new CapturingLogger())).toBe(live);
  });

  it('refuses to record and replay at once', () => {
    expect(() =>
      withRecordReplay(
        new CountingSource(),
        REPLAY_FILES.tradingView,
        { recordDir: 'a', replayDir: 'b' },
        new CapturingLogger(),
      ),
    ).toThrow(InvalidValue);
  });
});
