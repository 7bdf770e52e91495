import { BROWSER_USER_AGENT } from '../recording/browser-user-agent.js';
import { HttpRawSource, type HttpTransportOptions } from '../recording/http-raw-source.js';
import type { RawSource } from '../recording/raw-source.js';
import { ASX_STATISTICS } from './asx-announcements.parser.js';

/** The two whole-market lists: today's announcements and the previous business day's. */
export const ASX_PAGES = {
  today: { name: 'asx-announcements', page: 'todayAnns.do' },
  previousDay: { name: 'asx-announcements-previous', page: 'prevBusDayAnns.do' },
} as const;

export type AsxPage = keyof typeof ASX_PAGES;

/** One ASX list page as a raw source, to be wrapped by `withRecordReplay`. */
export function asxPageHttpSource(page: AsxPage, options: HttpTransportOptions = {}): RawSource {
  const { name, page: file } = ASX_PAGES[page];
  return new HttpRawSource({
    ...options,
    name,
    request: () => ({
      method: 'GET',
      url: new URL(file, ASX_STATISTICS).toString(),
      headers: {
        Accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.8',
        'Accept-Language': 'en-AU,en;q=0.9',
        'User-Agent': BROWSER_USER_AGENT,
      },
    }),
  });
}
