import { readFileSync } from 'node:fs';
import { MockAgent } from 'undici';
import { describe, expect, it } from 'vitest';
import { AsxAnnouncementFeed } from '../../../src/adapters/asx/asx-announcement.feed.js';
import { AsxMarkupError } from '../../../src/adapters/asx/asx-markup.error.js';
import { asxPageHttpSource } from '../../../src/adapters/asx/asx-pages.js';
import type { RawSource } from '../../../src/adapters/recording/raw-source.js';
import { SourceUnavailable } from '../../../src/adapters/recording/source-unavailable.error.js';
import { ManualClock } from '../../../src/adapters/clock/manual.clock.js';
import { CapturingLogger } from '../../application/scan/capturing-logger.js';

const MORNING = new URL('../../fixtures/mornings/2025-06-10/', import.meta.url);
const todayHtml = readFileSync(new URL('asx-announcements.html', MORNING), 'utf8');
const previousHtml = readFileSync(new URL('asx-announcements-previous.html', MORNING), 'utf8');
const at = (iso: string): number => Date.parse(iso);

/** Previous trading day's close (Fri 6 June 2025, 16:00 AEST) and a scan at 10:05 AEST on Tue 10 June. */
const FRIDAY_CLOSE = at('2025-06-06T06:00:00Z');
const SCAN = at('2025-06-10T00:05:00Z');

class PageSource implements RawSource {
  calls = 0;
  constructor(
    readonly name: string,
    private readonly body: string | Error,
  ) {}

  fetchRaw(): Promise<string> {
    this.calls += 1;
    return this.body instanceof Error ? Promise.reject(this.body) : Promise.resolve(this.body);
  }
}

function feed(options: { today?: string | Error; previous?: string | Error; now?: number } = {}) {
  const today = new PageSource('asx-announcements', options.today ?? todayHtml);
  const previousDay = new PageSource('asx-announcements-previous', options.previous ?? previousHtml);
  const log = new CapturingLogger();
  const asx = new AsxAnnouncementFeed({ today, previousDay }, new ManualClock(options.now ?? SCAN), log);
  return { asx, today, previousDay, log };
}

describe('AsxAnnouncementFeed', () => {
  it('joins both pages over a window that starts at the previous close, oldest first', async () => {
    const { asx, today, previousDay } = feed();
    const found = await asx.announcements(FRIDAY_CLOSE, SCAN);
    expect(found.map((a) => `${a.symbol}@${new Date(a.releasedAt).toISOString().slice(5, 16)}`)).toEqual([
      'THN@06-06T06:30',
      'LKO@06-06T06:45',
      'PNY@06-06T07:10',
      'QRX@06-06T09:20',
      'TRS@06-09T21:45',
      'MNW@06-09T22:00',
      'XYZO@06-09T22:15',
      'ABCDOA@06-09T22:16',
      'LKO@06-09T22:31',
      'AUR@06-09T22:45',
      'LKO@06-09T23:05',
      'LKO@06-09T23:06',
      'WBR@06-09T23:30',
      'HLT@06-09T23:40',
    ]);
    expect([today.calls, previousDay.calls]).toEqual([1, 1]);
  });

  it('counts the window from its first instant up to but excluding its last', async () => {
    const { asx } = feed();
    const found = await asx.announcements(at('2025-06-06T09:20:00Z'), at('2025-06-09T23:30:00Z'));
    expect(found[0]?.symbol).toBe('QRX');
    expect(found.at(-1)?.symbol).toBe('LKO');
    expect(found.some((a) => a.symbol === 'WBR')).toBe(false);
  });

  it("reads only today's page when the window starts today", async () => {
    const { asx, today, previousDay } = feed();
    const found = await asx.announcements(at('2025-06-09T22:00:00Z'), SCAN);
    expect(found.map((a) => a.symbol)).toEqual(['MNW', 'XYZO', 'ABCDOA', 'LKO', 'AUR', 'LKO', 'LKO', 'WBR', 'HLT']);
    expect([today.calls, previousDay.calls]).toEqual([1, 0]);
  });

  it("reads only the previous day's page for a window that ended before today", async () => {
    const { asx, today, previousDay } = feed();
    const found = await asx.announcements(FRIDAY_CLOSE, at('2025-06-06T09:00:00Z'));
    expect(found.map((a) => a.symbol)).toEqual(['THN', 'LKO', 'PNY']);
    expect([today.calls, previousDay.calls]).toEqual([0, 1]);
  });

  it('warns when the window starts before the previous business day the page covers', async () => {
    const { asx, log } = feed();
    await asx.announcements(at('2025-06-05T06:00:00Z'), SCAN);
    expect(log.at('warn').map((line) => line.message)).toEqual([
      'announcement window starts on 2025-06-05 but prevBusDayAnns.do starts on 2025-06-06: releases in between are not seen',
    ]);
  });

  it('fails when either page cannot be read, rather than return half a window', async () => {
    const down = new SourceUnavailable('asx-announcements-previous', 'HTTP 503', 503);
    await expect(feed({ previous: down }).asx.announcements(FRIDAY_CLOSE, SCAN)).rejects.toBe(down);
    await expect(
      feed({ today: '<html><body>maintenance</body></html>' }).asx.announcements(FRIDAY_CLOSE, SCAN),
    ).rejects.toThrow(AsxMarkupError);
  });
});

describe('asxPageHttpSource', () => {
  it('GETs the list pages from the ASX statistics site', async () => {
    const agent = new MockAgent();
    agent.disableNetConnect();
    const pool = agent.get('https://www.asx.com.au');
    pool.intercept({ path: '/asx/v2/statistics/todayAnns.do', method: 'GET' }).reply(200, todayHtml);
    pool.intercept({ path: '/asx/v2/statistics/prevBusDayAnns.do', method: 'GET' }).reply(200, previousHtml);
    const today = asxPageHttpSource('today', { dispatcher: agent });
    const previous = asxPageHttpSource('previousDay', { dispatcher: agent });
    expect([today.name, previous.name]).toEqual(['asx-announcements', 'asx-announcements-previous']);
    await expect(today.fetchRaw()).resolves.toBe(todayHtml);
    await expect(previous.fetchRaw()).resolves.toBe(previousHtml);
    agent.assertNoPendingInterceptors();
    await agent.close();
  });
});
