import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { MockAgent } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { withRecordReplay } from '../../../src/adapters/recording/record-replay.js';
import { REPLAY_FILES } from '../../../src/adapters/recording/replay-files.js';
import { SourceUnavailable } from '../../../src/adapters/recording/source-unavailable.error.js';
import { TradingViewPayloadError } from '../../../src/adapters/tradingview/tradingview-payload.error.js';
import {
  TRADINGVIEW_HEADERS,
  tradingViewHttpSource,
  type TradingViewScanBody,
} from '../../../src/adapters/tradingview/tradingview-request.js';
import { TradingViewScanner } from '../../../src/adapters/tradingview/tradingview.scanner.js';
import type { ScanFilters } from '../../../src/domain/ports/market-scanner.port.js';
import { localDate } from '../../../src/domain/values/time.js';
import { CapturingLogger } from '../../application/scan/capturing-logger.js';

const MORNING = new URL('../../fixtures/mornings/2025-06-10/', import.meta.url);
const morningBody = readFileSync(new URL('tradingview.json', MORNING), 'utf8');
const filters: ScanFilters = { minGapPct: 3, minPrice: 0.05, minVolume: 10_000 };
const day = localDate('2025-06-10');

let agent: MockAgent | undefined;

function liveScanner(log: CapturingLogger, maxRows?: number): { scanner: TradingViewScanner; agent: MockAgent } {
  agent = new MockAgent();
  agent.disableNetConnect();
  const source = tradingViewHttpSource({ dispatcher: agent, sleep: () => Promise.resolve(), random: () => 0 });
  return { scanner: new TradingViewScanner(source, log, maxRows), agent };
}

afterEach(async () => {
  await agent?.close();
  agent = undefined;
});

describe('TradingViewScanner', () => {
  it('posts the documented screener request with browser-like headers', async () => {
    const log = new CapturingLogger();
    const { scanner, agent: mock } = liveScanner(log, 50);
    let sent: TradingViewScanBody | undefined;
    let headers: Record<string, string> = {};
    mock
      .get('https://scanner.tradingview.com')
      .intercept({ path: '/australia/scan', method: 'POST' })
      .reply((request) => {
        sent = JSON.parse(typeof request.body === 'string' ? request.body : '') as TradingViewScanBody;
        headers = request.headers as Record<string, string>;
        return { statusCode: 200, data: '{"totalCount":0,"data":[]}' };
      });
    await expect(scanner.scanGaps(day, filters)).resolves.toEqual([]);
    expect(sent).toEqual({
      markets: ['australia'],
      symbols: { query: { types: [] }, tickers: [] },
      options: { lang: 'en' },
      columns: [
        'name',
        'description',
        'close',
        'open',
        'high',
        'low',
        'volume',
        'change',
        'change_abs',
        'gap',
        'market_cap_basic',
        'exchange',
        'type',
      ],
      filter: [
        { left: 'gap', operation: 'egreater', right: 3 },
        { left: 'close', operation: 'egreater', right: 0.05 },
        { left: 'volume', operation: 'egreater', right: 10_000 },
      ],
      sort: { sortBy: 'gap', sortOrder: 'desc' },
      range: [0, 50],
    });
    expect(sent?.columns).not.toContain('change_from_open');
    for (const [name, value] of Object.entries(TRADINGVIEW_HEADERS)) expect(headers[name]).toBe(value);
    expect(headers['User-Agent']).toMatch(/^Mozilla\/5\.0 /);
  });

  it('returns the parsed gappers and logs each dropped row with its index and ticker', async () => {
    const log = new CapturingLogger();
    const { scanner, agent: mock } = liveScanner(log);
    mock
      .get('https://scanner.tradingview.com')
      .intercept({ path: '/australia/scan', method: 'POST' })
      .reply(200, morningBody);
    const results = await scanner.scanGaps(day, filters);
    expect(results).toHaveLength(11);
    expect(results.every((r) => r.source === 'tradingview')).toBe(true);
    const warnings = log.at('warn').map((line) => line.message);
    expect(warnings).toContain('tradingview data[2] ASX:LKO: repeats LKO of data[0]; kept data[0], dropped this row');
    expect(warnings).toContain('tradingview data[9] ASX:BAD: close: Invalid input: expected number, received string');
    expect(warnings).toContain('tradingview data[10] ASX:ODD: open 0 is not a price; ignored');
    expect(log.at('warn')[0]?.fields).toMatchObject({
      source: 'tradingview',
      tradingDate: day,
      row: 2,
      ticker: 'ASX:LKO',
    });
    expect(log.at('debug')[0]?.fields).toMatchObject({ tickers: ['CHIXA:LKO'] });
  });

  it('says when the server matched more stocks than were fetched', async () => {
    const log = new CapturingLogger();
    const { scanner, agent: mock } = liveScanner(log, 1);
    const body = JSON.stringify({
      totalCount: 40,
      data: [{ s: 'ASX:ONE', d: ['ONE', 'One Ltd', 1.1, 1.05, 1.1, 1.0, 50000, 10, 0.1, 5, 1e7, 'ASX', 'stock'] }],
    });
    mock.get('https://scanner.tradingview.com').intercept({ path: '/australia/scan', method: 'POST' }).reply(200, body);
    await scanner.scanGaps(day, filters);
    expect(log.at('info').map((line) => line.message)).toEqual([
      'tradingview matched 40 stocks; only the 1 largest gaps were fetched',
    ]);
  });

  it('fails with SourceUnavailable when the screener is down', async () => {
    const { scanner, agent: mock } = liveScanner(new CapturingLogger());
    mock
      .get('https://scanner.tradingview.com')
      .intercept({ path: '/australia/scan', method: 'POST' })
      .reply(503, '')
      .times(3);
    await expect(scanner.scanGaps(day, filters)).rejects.toThrow(SourceUnavailable);
    await expect(scanner.scanGaps(day, filters)).rejects.toThrow(/tradingview unavailable/);
  });

  it('fails with TradingViewPayloadError on an answer that is not a scan result', async () => {
    const { scanner, agent: mock } = liveScanner(new CapturingLogger());
    mock
      .get('https://scanner.tradingview.com')
      .intercept({ path: '/australia/scan', method: 'POST' })
      .reply(200, '<html>captcha</html>');
    await expect(scanner.scanGaps(day, filters)).rejects.toThrow(TradingViewPayloadError);
  });

  it('replays a recorded morning instead of the network', async () => {
    const log = new CapturingLogger();
    const source = withRecordReplay(
      tradingViewHttpSource(),
      REPLAY_FILES.tradingView,
      { replayDir: fileURLToPath(MORNING) },
      log,
    );
    const results = await new TradingViewScanner(source, log).scanGaps(day, filters);
    expect(results.map((r) => r.symbol).slice(0, 3)).toEqual(['LKO', 'QRX', 'BDX']);
  });
});
