import type { Announcement } from '../../domain/market/announcement.js';
import type { AnnouncementFeed } from '../../domain/ports/announcement-feed.port.js';
import { SourceUnavailable } from '../recording/source-unavailable.error.js';

/** Stands in for the announcement source when the configuration switches it off: every read says so. */
export class DisabledAnnouncementFeed implements AnnouncementFeed {
  readonly name = 'asx-announcements';

  announcements(): Promise<Announcement[]> {
    return Promise.reject(new SourceUnavailable(this.name, 'switched off by SKIM_SCAN_ASX_ANNOUNCEMENTS=false'));
  }
}
