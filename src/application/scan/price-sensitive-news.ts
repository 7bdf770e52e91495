import type { Announcement } from '../../domain/market/announcement.js';
import type { AsxSymbol } from '../../domain/values/instrument.js';
import type { EpochMs } from '../../domain/values/time.js';

export interface CompanyNews {
  /** The most recent price-sensitive announcement in the window. */
  readonly latest: Announcement;
  readonly count: number;
}

/** Price-sensitive announcements released in [from, to), by company. */
export function priceSensitiveNews(
  announcements: readonly Announcement[],
  from: EpochMs,
  to: EpochMs,
): ReadonlyMap<AsxSymbol, CompanyNews> {
  const news = new Map<AsxSymbol, CompanyNews>();
  for (const announcement of announcements) {
    if (!announcement.priceSensitive || announcement.releasedAt < from || announcement.releasedAt >= to) continue;
    const known = news.get(announcement.symbol);
    const latest = known && known.latest.releasedAt > announcement.releasedAt ? known.latest : announcement;
    news.set(announcement.symbol, { latest, count: (known?.count ?? 0) + 1 });
  }
  return news;
}
