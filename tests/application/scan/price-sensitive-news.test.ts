import { describe, expect, it } from 'vitest';
import { priceSensitiveNews } from '../../../src/application/scan/price-sensitive-news.js';
import type { Announcement } from '../../../src/domain/market/announcement.js';
import { asxSymbol } from '../../../src/domain/values/instrument.js';

const news = (symbol: string, releasedAt: number, priceSensitive = true): Announcement => ({
  symbol: asxSymbol(symbol),
  releasedAt,
  headline: `${symbol} at ${releasedAt}`,
  priceSensitive,
});

describe('priceSensitiveNews', () => {
  it('keeps the latest price-sensitive announcement of each company and counts them', () => {
    const byCompany = priceSensitiveNews([news('LKO', 30), news('LKO', 50), news('LKO', 40), news('AUR', 20)], 0, 100);
    expect(byCompany.get(asxSymbol('LKO'))).toEqual({ latest: news('LKO', 50), count: 3 });
    expect(byCompany.get(asxSymbol('AUR'))).toEqual({ latest: news('AUR', 20), count: 1 });
  });

  it('ignores announcements that are not price-sensitive or fall outside [from, to)', () => {
    const byCompany = priceSensitiveNews(
      [news('MNW', 50, false), news('BDX', 9), news('QRX', 10), news('HLT', 100)],
      10,
      100,
    );
    expect([...byCompany.keys()]).toEqual(['QRX']);
  });
});
