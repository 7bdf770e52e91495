import type { Announcement } from '../../domain/market/announcement.js';
import type { AnnouncementFeed } from '../../domain/ports/announcement-feed.port.js';
import type { EpochMs } from '../../domain/values/time.js';
import type { SyntheticMarket } from './synthetic-market.js';

/** The synthetic market's company announcements, price-sensitive and routine, as the ASX platform lists them. */
export class SyntheticAnnouncementFeed implements AnnouncementFeed {
  readonly name = 'synthetic';

  constructor(private readonly market: SyntheticMarket) {}

  announcements(from: EpochMs, to: EpochMs): Promise<Announcement[]> {
    try {
      return Promise.resolve(this.market.announcements(from, to));
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }
}
