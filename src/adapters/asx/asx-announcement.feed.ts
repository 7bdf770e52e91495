import type { AppLogger } from '../../application/shared/app-logger.js';
import type { Announcement } from '../../domain/market/announcement.js';
import { sydneyDateOf, sydneyLocalToEpoch } from '../../domain/market/sydney-time.js';
import type { AnnouncementFeed } from '../../domain/ports/announcement-feed.port.js';
import type { Clock } from '../../domain/ports/clock.port.js';
import type { EpochMs } from '../../domain/values/time.js';
import type { RawSource } from '../recording/raw-source.js';
import { parseAsxAnnouncements } from './asx-announcements.parser.js';
import { ASX_PAGES, type AsxPage } from './asx-pages.js';

export type AsxPageSources = Readonly<Record<AsxPage, RawSource>>;

/**
 * ASX announcements from the whole-market list pages: today's page for releases since Sydney midnight, the
 * previous business day's page when the window starts before that. Each page is fetched once per call and
 * both must parse, or the call fails: a half-read window would silently miss announcements.
 */
export class AsxAnnouncementFeed implements AnnouncementFeed {
  readonly name = ASX_PAGES.today.name;

  constructor(
    private readonly pages: AsxPageSources,
    private readonly clock: Clock,
    private readonly log: AppLogger,
  ) {}

  async announcements(from: EpochMs, to: EpochMs): Promise<Announcement[]> {
    const startOfToday = sydneyLocalToEpoch(sydneyDateOf(this.clock.now()), '00:00');
    const found: Announcement[] = [];
    if (to > startOfToday) found.push(...(await this.read('today')));
    if (from < startOfToday) {
      const previous = await this.read('previousDay');
      this.warnIfWindowStartsEarlier(from, previous);
      found.push(...previous);
    }
    return found
      .filter((announcement) => announcement.releasedAt >= from && announcement.releasedAt < to)
      .sort((a, b) => a.releasedAt - b.releasedAt || a.symbol.localeCompare(b.symbol));
  }

  private async read(page: AsxPage): Promise<Announcement[]> {
    const announcements = parseAsxAnnouncements(await this.pages[page].fetchRaw(), ASX_PAGES[page].page);
    this.log.debug({ source: ASX_PAGES[page].name, count: announcements.length }, 'ASX announcements page read');
    return announcements;
  }

  /** The previous-day page covers one business day; a longer window cannot be fully seen through it. */
  private warnIfWindowStartsEarlier(from: EpochMs, previous: readonly Announcement[]): void {
    const earliest = previous.reduce<EpochMs | undefined>(
      (min, a) => Math.min(min ?? a.releasedAt, a.releasedAt),
      undefined,
    );
    if (earliest === undefined || sydneyDateOf(from) >= sydneyDateOf(earliest)) return;
    this.log.warn(
      { source: ASX_PAGES.previousDay.name, windowStart: from, pageStart: earliest },
      `announcement window starts on ${sydneyDateOf(from)} but ${ASX_PAGES.previousDay.page} starts on ${sydneyDateOf(earliest)}: releases in between are not seen`,
    );
  }
}
