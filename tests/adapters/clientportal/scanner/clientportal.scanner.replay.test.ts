import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { clientPortalScannerSource } from '../../../../src/adapters/clientportal/scanner/clientportal-scanner.source.js';
import { ClientPortalScanner } from '../../../../src/adapters/clientportal/scanner/clientportal.scanner.js';
import { withRecordReplay, type RecordReplaySettings } from '../../../../src/adapters/recording/record-replay.js';
import { ReplayFileMissing } from '../../../../src/adapters/recording/replay-file-missing.error.js';
import { REPLAY_FILES } from '../../../../src/adapters/recording/replay-files.js';
import { CapturingLogger } from '../../../application/scan/capturing-logger.js';
import { clientHarness } from '../support/broker-harness.js';
import type { MockGateway } from '../support/mock-gateway.js';
import {
  FILTERS,
  MORNING_FOLDER,
  morningRun,
  PARAMS_PATH,
  paramsBody,
  RUN_PATH,
  TRADING_DAY,
} from './scanner-harness.js';

const EXPECTED = [
  { symbol: 'PLS', companyName: 'PILBARA MINERALS LTD', gapPct: 12.34, source: 'ibkr-scanner' },
  { symbol: 'BHP', companyName: 'BHP GROUP LTD', gapPct: 5, source: 'ibkr-scanner' },
  { symbol: 'CBA', companyName: 'COMMONWEALTH BANK OF AUSTRAL', gapPct: 0.85, source: 'ibkr-scanner' },
];

const gateways: MockGateway[] = [];
const folders: string[] = [];

afterEach(async () => {
  for (const gateway of gateways.splice(0)) await gateway.close();
  for (const folder of folders.splice(0)) await rm(folder, { recursive: true, force: true });
});

/** The scanner as the container wires it: the live gateway source behind `withRecordReplay`. */
function wiredScanner(settings: RecordReplaySettings): { scanner: ClientPortalScanner; gateway: MockGateway } {
  const { gateway, clock, client } = clientHarness();
  gateways.push(gateway);
  const log = new CapturingLogger();
  const live = clientPortalScannerSource(client, { clock, log });
  const source = withRecordReplay(live, REPLAY_FILES.ibkrScanner, settings, log);
  return { scanner: new ClientPortalScanner(source, log), gateway };
}

async function temporaryFolder(): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'skim-ibkr-scanner-'));
  folders.push(folder);
  return folder;
}

describe('ClientPortalScanner with record and replay', () => {
  it('replays a recorded answer without asking the gateway anything', async () => {
    const { scanner, gateway } = wiredScanner({ replayDir: fileURLToPath(MORNING_FOLDER) });

    await expect(scanner.scanGaps(TRADING_DAY, FILTERS)).resolves.toEqual(EXPECTED);
    expect(gateway.calls()).toEqual([]);
  });

  it('records the answer it got from the gateway under ibkr-scanner.json, and that recording replays the same', async () => {
    const folder = await temporaryFolder();
    const recording = wiredScanner({ recordDir: folder });
    recording.gateway.ok('GET', PARAMS_PATH, paramsBody()).ok('POST', RUN_PATH, morningRun());

    const live = await recording.scanner.scanGaps(TRADING_DAY, FILTERS);
    const recorded = JSON.parse(await readFile(join(folder, 'ibkr-scanner.json'), 'utf8')) as unknown;
    const replayed = await wiredScanner({ replayDir: folder }).scanner.scanGaps(TRADING_DAY, FILTERS);

    expect(live).toEqual(EXPECTED);
    expect(recorded).toEqual(morningRun());
    expect(replayed).toEqual(live);
  });

  it('says which file is missing when the replay folder has no scanner answer', async () => {
    const folder = await temporaryFolder();
    const { scanner } = wiredScanner({ replayDir: folder });

    const error = await scanner.scanGaps(TRADING_DAY, FILTERS).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(ReplayFileMissing);
    expect(error).toMatchObject({ source: 'ibkr-scanner', file: join(folder, 'ibkr-scanner.json') });
  });
});
