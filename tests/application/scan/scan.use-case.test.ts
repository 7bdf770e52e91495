import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it } from 'vitest';
import { AsxAnnouncementFeed } from '../../../src/adapters/asx/asx-announcement.feed.js';
import { asxPageHttpSource } from '../../../src/adapters/asx/asx-pages.js';
import { ManualClock } from '../../../src/adapters/clock/manual.clock.js';
import { MemoryRepository } from '../../../src/adapters/persistence/memory/memory.repository.js';
import { withRecordReplay } from '../../../src/adapters/recording/record-replay.js';
import { REPLAY_FILES } from '../../../src/adapters/recording/replay-files.js';
import { SourceUnavailable } from '../../../src/adapters/recording/source-unavailable.error.js';
import { tradingViewHttpSource } from '../../../src/adapters/tradingview/tradingview-request.js';
import { TradingViewScanner } from '../../../src/adapters/tradingview/tradingview.scanner.js';
import { ScanUseCase, type ScanDependencies } from '../../../src/application/scan/scan.use-case.js';
import { moveCandidate, newCandidate } from '../../../src/domain/candidate/candidate.js';
import { InvalidValue } from '../../../src/domain/errors/invalid-value.error.js';
import { TradingCalendar } from '../../../src/domain/market/trading-calendar.js';
import type { ScanResult } from '../../../src/domain/market/scan-result.js';
import type { MarketScanner } from '../../../src/domain/ports/market-scanner.port.js';
import { DEFAULT_STRATEGY } from '../../../src/domain/strategy/strategy-config.js';
import { asxSymbol } from '../../../src/domain/values/instrument.js';
import { localDate } from '../../../src/domain/values/time.js';
import { useTempDir } from '../../infrastructure/temp-dir.js';
import { CapturingLogger } from './capturing-logger.js';

const MORNING_DIR = fileURLToPath(new URL('../../fixtures/mornings/2025-06-10/', import.meta.url));
const DAY = localDate('2025-06-10');
/** 10:05 Sydney (AEST) on Tuesday 10 June 2025; Monday 9 June was the King's Birthday holiday. */
const SCAN_AT = Date.parse('2025-06-10T00:05:00Z');
const FRIDAY_CLOSE = Date.parse('2025-06-06T06:00:00Z');

let log: CapturingLogger;
let repository: MemoryRepository;
let clock: ManualClock;

beforeEach(() => {
  log = new CapturingLogger();
  repository = new MemoryRepository();
  clock = new ManualClock(SCAN_AT);
});

function replayedTradingView(dir = MORNING_DIR): MarketScanner {
  return new TradingViewScanner(
    withRecordReplay(tradingViewHttpSource(), REPLAY_FILES.tradingView, { replayDir: dir }, log),
    log,
  );
}

function replayedAnnouncements(dir = MORNING_DIR): AsxAnnouncementFeed {
  const settings = { replayDir: dir };
  return new AsxAnnouncementFeed(
    {
      today: withRecordReplay(asxPageHttpSource('today'), REPLAY_FILES.asxAnnouncementsToday, settings, log),
      previousDay: withRecordReplay(
        asxPageHttpSource('previousDay'),
        REPLAY_FILES.asxAnnouncementsPreviousDay,
        settings,
        log,
      ),
    },
    clock,
    log,
  );
}

function scan(overrides: Partial<ScanDependencies> = {}): ScanUseCase {
  return new ScanUseCase({
    scanners: [replayedTradingView()],
    announcements: replayedAnnouncements(),
    repository,
    clock,
    calendar: new TradingCalendar(),
    log,
    strategy: DEFAULT_STRATEGY,
    filters: { minGapPct: 3, minPrice: 0.05, minVolume: 10_000 },
    ...overrides,
  });
}

const down = (name: string): MarketScanner => ({
  name,
  scanGaps: () => Promise.reject(new SourceUnavailable(name, 'HTTP 503 from https://example.test', 503, 3)),
});

const fixed = (name: string, results: ScanResult[]): MarketScanner => ({
  name,
  scanGaps: () => Promise.resolve(results),
});

const gapper = (symbol: string, gapPct: number, source = 'ibkr-scanner'): ScanResult => ({
  symbol: asxSymbol(symbol),
  gapPct,
  source,
});

describe('ScanUseCase on a sample morning', () => {
  it('makes watching candidates of the gappers with a price-sensitive announcement since the previous close', async () => {
    const summary = await scan().run(DAY);
    expect(summary.created.map((row) => row.symbol)).toEqual(['LKO', 'QRX', 'AUR', 'WBR', 'TRS']);
    expect(summary.window).toEqual({ from: FRIDAY_CLOSE, to: SCAN_AT });
    expect(summary.gapSource).toBe('tradingview');
    expect(summary.announcementsAvailable).toBe(true);
    expect(summary.failures).toEqual([]);
    expect(summary.alreadyKnown).toEqual([]);
    expect(summary.notes).toEqual([]);
  });

  it('says why every other gapper was left out', async () => {
    const summary = await scan().run(DAY);
    expect(summary.skipped.map(({ symbol, reason }) => [symbol, reason])).toEqual([
      ['BDX', 'no price-sensitive announcement since 2025-06-06 16:00 Sydney'],
      ['MNW', 'no price-sensitive announcement since 2025-06-06 16:00 Sydney'],
      ['PNY', 'price 0.045 below the minimum 0.05'],
      ['THN', 'volume 9999 below the minimum 10000'],
      ['ODD', 'no price-sensitive announcement since 2025-06-06 16:00 Sydney'],
      ['UND', 'gap 2.50% below the minimum 3%'],
    ]);
  });

  it('stores each candidate with its gap, latest headline and announcement time', async () => {
    await scan().run(DAY);
    const stored = repository.candidates.forDate(DAY);
    expect(stored.map((c) => c.status)).toEqual(['watching', 'watching', 'watching', 'watching', 'watching']);
    expect(repository.candidates.get('2025-06-10:LKO')).toEqual({
      id: '2025-06-10:LKO',
      symbol: 'LKO',
      tradingDate: DAY,
      status: 'watching',
      gapPct: 33.33333333,
      headline: 'Lakeside Lithium – Investor Presentation',
      announcementAt: Date.parse('2025-06-09T23:05:00Z'),
      note: 'gap 33.33% (tradingview); price-sensitive announcement at 2025-06-10 09:05 Sydney (+1 more)',
      createdAt: SCAN_AT,
      updatedAt: SCAN_AT,
    });
    expect(repository.candidates.get('2025-06-10:QRX')).toMatchObject({
      headline: 'Drilling intersects 42m @ 2.1% Cu from 118m',
      announcementAt: Date.parse('2025-06-06T09:20:00Z'),
    });
    expect(repository.candidates.get('2025-06-10:TRS')?.gapPct).toBe(3);
  });

  it('counts an announcement at 23:30 UTC the day before as released that Sydney morning', async () => {
    await scan().run(DAY);
    expect(repository.candidates.get('2025-06-10:WBR')).toMatchObject({
      headline: 'Binding agreement to acquire Kalgoorlie processing plant',
      announcementAt: Date.parse('2025-06-09T23:30:00Z'),
    });
  });

  it('logs one line per decision and a closing summary', async () => {
    await scan().run(DAY);
    const messages = log.at('info').map((line) => line.message);
    expect(messages).toContain(
      'scan: AUR watching: gap 12.50% (tradingview); price-sensitive announcement at 2025-06-10 08:45 Sydney',
    );
    expect(messages).toContain('scan: UND skipped: gap 2.50% below the minimum 3%');
    expect(messages.at(-1)).toBe('scan 2025-06-10: 5 new, 0 already known, 6 skipped');
  });

  it('reports candidates it already has instead of making them again', async () => {
    const triggered = moveCandidate(
      newCandidate({ symbol: asxSymbol('LKO'), tradingDate: DAY, gapPct: 30 }, SCAN_AT - 60_000),
      'triggered',
      SCAN_AT - 30_000,
    );
    repository.candidates.save(triggered);
    const first = await scan().run(DAY);
    expect(first.created.map((row) => row.symbol)).toEqual(['QRX', 'AUR', 'WBR', 'TRS']);
    expect(first.alreadyKnown).toEqual([
      {
        symbol: 'LKO',
        gapPct: 33.33333333,
        price: 415,
        source: 'tradingview',
        headline: 'Lakeside Lithium – Investor Presentation',
        announcementAt: Date.parse('2025-06-09T23:05:00Z'),
      },
    ]);
    expect(repository.candidates.get('2025-06-10:LKO')).toEqual(triggered);

    clock.advanceBy(60_000);
    const second = await scan().run(DAY);
    expect(second.created).toEqual([]);
    expect(second.alreadyKnown.map((row) => row.symbol)).toEqual(['LKO', 'QRX', 'AUR', 'WBR', 'TRS']);
    expect(repository.candidates.get('2025-06-10:QRX')?.createdAt).toBe(SCAN_AT);
  });
});

describe('ScanUseCase when sources are down', () => {
  it('uses the next gap scanner when the first fails, and logs the failure', async () => {
    const summary = await scan({
      scanners: [down('tradingview'), fixed('ibkr-scanner', [gapper('AUR', 12.5), gapper('MNW', 12)])],
    }).run(DAY);
    expect(summary.gapSource).toBe('ibkr-scanner');
    expect(summary.created.map((row) => [row.symbol, row.source])).toEqual([['AUR', 'ibkr-scanner']]);
    expect(summary.failures).toEqual([
      {
        source: 'tradingview',
        problem: 'tradingview unavailable: HTTP 503 from https://example.test (after 3 attempts)',
      },
    ]);
    expect(log.at('error').map((line) => line.message)).toEqual([
      'gap scan source tradingview failed: tradingview unavailable: HTTP 503 from https://example.test (after 3 attempts); trying ibkr-scanner',
    ]);
  });

  it('returns an empty scan, never a crash, when every gap source is down', async () => {
    const summary = await scan({ scanners: [down('tradingview'), down('ibkr-scanner')] }).run(DAY);
    expect(summary.gapSource).toBeUndefined();
    expect(summary.created).toEqual([]);
    expect(summary.failures.map((f) => f.source)).toEqual(['tradingview', 'ibkr-scanner']);
    expect(summary.notes).toEqual(['no gap source answered: nothing scanned']);
    expect(log.at('error').at(-1)?.message).toMatch(/gap scan source ibkr-scanner failed: .*; no source left$/);
    expect(repository.candidates.forDate(DAY)).toEqual([]);
  });

  it('says so when no gap scanner is configured', async () => {
    const summary = await scan({ scanners: [] }).run(DAY);
    expect(summary.notes).toEqual(['no gap scanner is configured: nothing scanned']);
  });

  describe('without announcements', () => {
    const tempDir = useTempDir('scan-no-asx');

    function gapsOnlyFolder(): string {
      copyFileSync(join(MORNING_DIR, 'tradingview.json'), join(tempDir(), 'tradingview.json'));
      return tempDir();
    }

    it('creates no candidate when an announcement is required', async () => {
      const dir = gapsOnlyFolder();
      const summary = await scan({
        scanners: [replayedTradingView(dir)],
        announcements: replayedAnnouncements(dir),
      }).run(DAY);
      expect(summary.announcementsAvailable).toBe(false);
      expect(summary.created).toEqual([]);
      expect(
        summary.skipped.filter((s) => s.reason === 'ASX announcements unavailable; an announcement is required'),
      ).toHaveLength(8);
      expect(summary.notes).toEqual([
        'ASX announcements unavailable: no candidate created, since an announcement is required',
      ]);
      expect(summary.failures).toEqual([
        {
          source: 'asx-announcements',
          problem: `cannot replay asx-announcements: ${join(dir, 'asx-announcements.html')} does not exist`,
        },
      ]);
      expect(log.at('error').map((line) => line.message)).toEqual([
        `announcement source asx-announcements failed: cannot replay asx-announcements: ${join(dir, 'asx-announcements.html')} does not exist`,
      ]);
      expect(repository.candidates.forDate(DAY)).toEqual([]);
    });

    it('creates candidates without the check only when the strategy allows it, and says so', async () => {
      const dir = gapsOnlyFolder();
      const summary = await scan({
        scanners: [replayedTradingView(dir)],
        announcements: replayedAnnouncements(dir),
        strategy: { ...DEFAULT_STRATEGY, requireAnnouncement: false },
      }).run(DAY);
      expect(summary.created.map((row) => row.symbol)).toEqual([
        'LKO',
        'QRX',
        'BDX',
        'AUR',
        'MNW',
        'ODD',
        'WBR',
        'TRS',
      ]);
      expect(summary.notes).toEqual([
        'ASX announcements unavailable: candidates created WITHOUT an announcement check (requireAnnouncement is off)',
      ]);
      const bdx = repository.candidates.get('2025-06-10:BDX');
      expect(bdx?.note).toBe('gap 15.50% (tradingview); announcements unavailable, not checked');
      expect(bdx?.headline).toBeUndefined();
    });
  });
});

describe('ScanUseCase choices', () => {
  it('also watches gappers without news when announcements are not required, keeping headlines where known', async () => {
    const summary = await scan({ strategy: { ...DEFAULT_STRATEGY, requireAnnouncement: false } }).run(DAY);
    expect(summary.created.map((row) => row.symbol)).toEqual(['LKO', 'QRX', 'BDX', 'AUR', 'MNW', 'ODD', 'WBR', 'TRS']);
    expect(repository.candidates.get('2025-06-10:MNW')?.note).toBe(
      'gap 12.00% (tradingview); no price-sensitive announcement',
    );
    expect(repository.candidates.get('2025-06-10:AUR')?.headline).toBe(
      'Aurélia signs offtake with Société Générale – Ōtaki project',
    );
  });

  it('uses the first row of a symbol a scanner repeats', async () => {
    const summary = await scan({ scanners: [fixed('ibkr-scanner', [gapper('AUR', 12.5), gapper('AUR', 4)])] }).run(DAY);
    expect(summary.created).toEqual([expect.objectContaining({ symbol: 'AUR', gapPct: 12.5 })]);
    expect(summary.skipped).toEqual([
      { symbol: 'AUR', gapPct: 4, reason: 'repeated in the ibkr-scanner answer; the first row was used' },
    ]);
  });

  it('refuses to scan a day the ASX is closed', async () => {
    await expect(scan().run(localDate('2025-06-09'))).rejects.toThrow(InvalidValue);
    await expect(scan().run(localDate('2025-06-09'))).rejects.toThrow(/not an ASX trading day/);
  });

  it('refuses to scan before the previous session has closed', async () => {
    clock = new ManualClock(FRIDAY_CLOSE);
    await expect(scan().run(DAY)).rejects.toThrow(
      'invalid scan time "2025-06-06 16:00 Sydney": before the previous session closed at 2025-06-06 16:00 Sydney',
    );
  });
});
