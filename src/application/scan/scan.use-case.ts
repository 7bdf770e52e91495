import { newCandidate, type Candidate } from '../../domain/candidate/candidate.js';
import { InvalidValue } from '../../domain/errors/invalid-value.error.js';
import type { ScanResult } from '../../domain/market/scan-result.js';
import type { AnnouncementFeed } from '../../domain/ports/announcement-feed.port.js';
import type { Clock } from '../../domain/ports/clock.port.js';
import type { MarketScanner, ScanFilters } from '../../domain/ports/market-scanner.port.js';
import type { Repository } from '../../domain/ports/repository.port.js';
import type { StrategyConfig } from '../../domain/strategy/strategy-config.js';
import type { AsxSymbol } from '../../domain/values/instrument.js';
import type { EpochMs, LocalDate } from '../../domain/values/time.js';
import type { AppLogger } from '../shared/app-logger.js';
import { failedGapFilter } from './gap-filters.js';
import { firstGapAnswer } from './gap-sources.js';
import { errorText } from '../shared/error-text.js';
import { priceSensitiveNews, type CompanyNews } from './price-sensitive-news.js';
import { previousSessionClose, type ScanCalendar } from './scan-calendar.js';
import type { ScanRow, ScanSummary, SkippedGap, SourceFailure } from './scan-summary.js';
import { sydneyStamp } from './sydney-stamp.js';

export interface ScanDependencies {
  /** Gap sources in priority order: the first that answers is used. */
  readonly scanners: readonly MarketScanner[];
  readonly announcements: AnnouncementFeed;
  readonly repository: Repository;
  readonly clock: Clock;
  readonly calendar: ScanCalendar;
  readonly log: AppLogger;
  readonly strategy: StrategyConfig;
  readonly filters: ScanFilters;
}

type News =
  { readonly available: true; readonly byCompany: ReadonlyMap<AsxSymbol, CompanyNews> } | { readonly available: false };

type Decision =
  | { readonly kind: 'create'; readonly row: ScanRow; readonly note: string }
  | { readonly kind: 'known'; readonly row: ScanRow }
  | { readonly kind: 'skip'; readonly skipped: SkippedGap };

interface Context {
  readonly from: EpochMs;
  readonly news: News;
  readonly known: ReadonlySet<AsxSymbol>;
  readonly seen: Set<AsxSymbol>;
}

/**
 * The morning scan: stocks gapping up since the previous session's close that also have a price-sensitive
 * ASX announcement in that time become `watching` candidates of the trading day. A source that is down is
 * logged and skipped over; without announcements no candidate is made unless the strategy allows trading
 * without them, since money paths never guess.
 */
export class ScanUseCase {
  constructor(private readonly deps: ScanDependencies) {}

  async run(tradingDate: LocalDate): Promise<ScanSummary> {
    const { calendar, clock, scanners, filters, log } = this.deps;
    if (!calendar.isTradingDay(tradingDate)) throw new InvalidValue('scan date', tradingDate, 'not an ASX trading day');
    const from = previousSessionClose(calendar, tradingDate);
    const to = clock.now();
    if (to <= from) {
      throw new InvalidValue(
        'scan time',
        sydneyStamp(to),
        `before the previous session closed at ${sydneyStamp(from)}`,
      );
    }
    const [gaps, news] = await Promise.all([
      firstGapAnswer(scanners, tradingDate, filters, log),
      this.readNews(from, to),
    ]);
    const failures: SourceFailure[] = [...gaps.failures, ...(news.failure ? [news.failure] : [])];
    const known = new Set(this.deps.repository.candidates.forDate(tradingDate).map((c) => c.symbol));
    const context: Context = { from, news: news.news, known, seen: new Set() };
    const decisions = gaps.results.map((result) => this.decide(result, context));
    const created = this.store(tradingDate, decisions, to);

    const summary: ScanSummary = {
      tradingDate,
      window: { from, to },
      gapSource: gaps.source,
      announcementsAvailable: news.news.available,
      failures,
      created,
      alreadyKnown: decisions.flatMap((d) => (d.kind === 'known' ? [d.row] : [])),
      skipped: decisions.flatMap((d) => (d.kind === 'skip' ? [d.skipped] : [])),
      notes: this.notes(gaps.source, news.news.available),
    };
    log.info(
      {
        tradingDate,
        gapSource: summary.gapSource,
        announcementsAvailable: summary.announcementsAvailable,
        created: summary.created.length,
        alreadyKnown: summary.alreadyKnown.length,
        skipped: summary.skipped.length,
      },
      `scan ${tradingDate}: ${summary.created.length} new, ${summary.alreadyKnown.length} already known, ${summary.skipped.length} skipped`,
    );
    return summary;
  }

  private async readNews(from: EpochMs, to: EpochMs): Promise<{ news: News; failure: SourceFailure | undefined }> {
    const feed = this.deps.announcements;
    try {
      const announcements = await feed.announcements(from, to);
      return { news: { available: true, byCompany: priceSensitiveNews(announcements, from, to) }, failure: undefined };
    } catch (error) {
      const problem = errorText(error);
      this.deps.log.error({ source: feed.name, error: problem }, `announcement source ${feed.name} failed: ${problem}`);
      return { news: { available: false }, failure: { source: feed.name, problem } };
    }
  }

  private decide(result: ScanResult, context: Context): Decision {
    const { symbol, gapPct, source } = result;
    const skip = (reason: string): Decision => ({ kind: 'skip', skipped: { symbol, gapPct, reason } });
    if (context.seen.has(symbol)) return skip(`repeated in the ${source} answer; the first row was used`);
    context.seen.add(symbol);
    const failed = failedGapFilter(result, this.deps.filters);
    if (failed !== undefined) return skip(failed);

    const news = context.news.available ? context.news.byCompany.get(symbol) : undefined;
    const price = result.last ?? result.open;
    const row: ScanRow = {
      symbol,
      gapPct,
      source,
      ...(price === undefined ? {} : { price }),
      ...(news === undefined ? {} : { headline: news.latest.headline, announcementAt: news.latest.releasedAt }),
    };
    if (context.known.has(symbol)) return { kind: 'known', row };
    const required = this.deps.strategy.requireAnnouncement;
    if (!context.news.available) {
      if (required) return skip('ASX announcements unavailable; an announcement is required');
      return { kind: 'create', row, note: `${describeGap(result)}; announcements unavailable, not checked` };
    }
    if (news === undefined) {
      if (required) return skip(`no price-sensitive announcement since ${sydneyStamp(context.from)}`);
      return { kind: 'create', row, note: `${describeGap(result)}; no price-sensitive announcement` };
    }
    const more = news.count > 1 ? ` (+${news.count - 1} more)` : '';
    const note = `${describeGap(result)}; price-sensitive announcement at ${sydneyStamp(news.latest.releasedAt)}${more}`;
    return { kind: 'create', row, note };
  }

  private store(tradingDate: LocalDate, decisions: readonly Decision[], at: EpochMs): ScanRow[] {
    const { repository, log } = this.deps;
    const creations = decisions.flatMap((d) => (d.kind === 'create' ? [d] : []));
    const candidates: Candidate[] = creations.map(({ row, note }) =>
      newCandidate(
        {
          symbol: row.symbol,
          tradingDate,
          gapPct: row.gapPct,
          note,
          ...(row.headline === undefined ? {} : { headline: row.headline }),
          ...(row.announcementAt === undefined ? {} : { announcementAt: row.announcementAt }),
        },
        at,
      ),
    );
    repository.transaction(() => {
      for (const candidate of candidates) repository.candidates.save(candidate);
    });
    for (const { row, note } of creations) {
      log.info(
        { tradingDate, symbol: row.symbol, gapPct: row.gapPct, headline: row.headline },
        `scan: ${row.symbol} watching: ${note}`,
      );
    }
    for (const decision of decisions) {
      if (decision.kind === 'skip') {
        const { symbol, gapPct, reason } = decision.skipped;
        log.info({ tradingDate, symbol, gapPct, reason }, `scan: ${symbol} skipped: ${reason}`);
      }
    }
    return creations.map((creation) => creation.row);
  }

  private notes(gapSource: string | undefined, announcementsAvailable: boolean): string[] {
    const notes: string[] = [];
    if (gapSource === undefined) {
      notes.push(
        this.deps.scanners.length === 0
          ? 'no gap scanner is configured: nothing scanned'
          : 'no gap source answered: nothing scanned',
      );
    }
    if (!announcementsAvailable) {
      notes.push(
        this.deps.strategy.requireAnnouncement
          ? 'ASX announcements unavailable: no candidate created, since an announcement is required'
          : 'ASX announcements unavailable: candidates created WITHOUT an announcement check (requireAnnouncement is off)',
      );
    }
    return notes;
  }
}

function describeGap(result: ScanResult): string {
  return `gap ${result.gapPct.toFixed(2)}% (${result.source})`;
}
