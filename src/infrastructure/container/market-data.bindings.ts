import type { Container } from 'inversify';
import { AsxAnnouncementFeed } from '../../adapters/asx/asx-announcement.feed.js';
import { asxPageHttpSource } from '../../adapters/asx/asx-pages.js';
import { DisabledAnnouncementFeed } from '../../adapters/disabled/disabled-announcement.feed.js';
import { withRecordReplay } from '../../adapters/recording/record-replay.js';
import { REPLAY_FILES } from '../../adapters/recording/replay-files.js';
import { TradingViewScanner } from '../../adapters/tradingview/tradingview.scanner.js';
import { tradingViewHttpSource } from '../../adapters/tradingview/tradingview-request.js';
import type { MarketScanner, ScanFilters } from '../../domain/ports/market-scanner.port.js';
import type { SkimConfig } from '../config/skim-config.js';
import { bind, resolve, token, type Resolver } from './token.js';
import { TOKENS } from './tokens.js';

export const SCAN_FILTERS = token<ScanFilters>('ScanFilters');

/** The scan's filters: gap from the strategy, price (in dollars) and volume from the scan settings. */
export function scanFilters(config: SkimConfig): ScanFilters {
  return {
    minGapPct: config.strategy.minGapPct,
    minPrice: config.scan.minPrice / 1000,
    minVolume: config.scan.minVolume,
  };
}

/**
 * The outside market-data sources (TradingView gaps, ASX announcements), each live, recording or replaying
 * as SKIM_RECORD_DIR / SKIM_REPLAY_DIR say. Further gap scanners (the IBKR scanner) append to the list.
 */
export function bindMarketData(
  container: Container,
  config: SkimConfig,
  extraScanners: (c: Resolver) => MarketScanner[],
): void {
  const settings = { recordDir: config.recordDir, replayDir: config.replayDir };
  const transport = { timeoutMs: config.scan.timeoutMs };
  bind(container, SCAN_FILTERS).toConstantValue(scanFilters(config));
  bind(container, TOKENS.MarketScanners).toDynamicValue((context) => {
    const log = resolve(context, TOKENS.Logger);
    const scanners: MarketScanner[] = [];
    if (config.scan.tradingView) {
      const source = withRecordReplay(tradingViewHttpSource(transport), REPLAY_FILES.tradingView, settings, log);
      scanners.push(new TradingViewScanner(source, log));
    }
    return [...scanners, ...extraScanners(context)];
  });
  bind(container, TOKENS.AnnouncementFeed).toDynamicValue((context) => {
    if (!config.scan.asxAnnouncements) return new DisabledAnnouncementFeed();
    const log = resolve(context, TOKENS.Logger);
    const pages = {
      today: withRecordReplay(asxPageHttpSource('today', transport), REPLAY_FILES.asxAnnouncementsToday, settings, log),
      previousDay: withRecordReplay(
        asxPageHttpSource('previousDay', transport),
        REPLAY_FILES.asxAnnouncementsPreviousDay,
        settings,
        log,
      ),
    };
    return new AsxAnnouncementFeed(pages, resolve(context, TOKENS.Clock), log);
  });
}
