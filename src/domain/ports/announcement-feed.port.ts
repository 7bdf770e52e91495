import type { Announcement } from '../market/announcement.js';
import type { EpochMs } from '../values/time.js';

/** ASX company announcements released in [from, to). */
export interface AnnouncementFeed {
  readonly name: string;
  announcements(from: EpochMs, to: EpochMs): Promise<Announcement[]>;
}
