import { load, type Cheerio, type CheerioAPI } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import type { Announcement } from '../../domain/market/announcement.js';
import { asxSymbol, type AsxSymbol } from '../../domain/values/instrument.js';
import { AsxMarkupError } from './asx-markup.error.js';
import { parseReleaseTime } from './asx-release-time.js';
import { cellText } from './cell-text.js';

/** Where the list pages live; relative document links are resolved against the page's own address. */
export const ASX_STATISTICS = 'https://www.asx.com.au/asx/v2/statistics/';

/**
 * Reads the announcements table of an ASX list page (todayAnns.do, prevBusDayAnns.do) by its structure:
 * each data row is [ASX code] [date + time] [pricesens marker] [headline link + page count]. The marker cell
 * anchors the others, so extra whitespace, <br>s and spans inside cells do not matter. Markup that does not
 * fit (no table, a row without a code or a time) is an AsxMarkupError naming the row: never a guess.
 */
export function parseAsxAnnouncements(html: string, page: string): Announcement[] {
  const $ = load(html);
  const table = announcementsTable($, page);
  const rows = table
    .find('tr')
    .filter((_, tr) => $(tr).closest('table').get(0) === table.get(0) && $(tr).children('td').length > 0);
  return rows.toArray().map((tr, index) => parseRow($, $(tr), page, index + 1));
}

function announcementsTable($: CheerioAPI, page: string): Cheerio<AnyNode> {
  const marker = $('td.pricesens, th.pricesens').first();
  if (marker.length > 0) return marker.closest('table');
  const header = $('th')
    .filter((_, th) => /headline/i.test($(th).text()))
    .first();
  if (header.length > 0) return header.closest('table');
  throw new AsxMarkupError(page, 'no announcements table (no "pricesens" cell and no "Headline" column)');
}

function parseRow($: CheerioAPI, row: Cheerio<Element>, page: string, rowNumber: number): Announcement {
  const fail = (detail: string): never => {
    throw new AsxMarkupError(page, detail, rowNumber);
  };
  const cells = row.children('td');
  const marker = cells.toArray().findIndex((td) => $(td).hasClass('pricesens'));
  if (marker < 0) return fail('no price-sensitive marker cell (td.pricesens)');
  if (marker < 2) return fail('no ASX code cell before the date');
  if (marker + 1 >= cells.length) return fail('no headline cell after the price-sensitive marker');

  const symbol = codeOf(cellText(cells.eq(marker - 2).toArray())) ?? fail('no valid ASX code (3-6 letters or digits)');
  const released = parseReleaseTime(cellText(cells.eq(marker - 1).toArray()));
  if ('problem' in released) return fail(released.problem);
  const markerCell = cells.eq(marker);
  const headlineCell = cells.eq(marker + 1);

  const link = headlineCell.find('a[href]').first();
  if (link.length === 0) return fail('no headline link');
  const headline = cellText(link.clone().find('.page, .filesize').remove().end().toArray());
  if (headline === '') return fail('empty headline');
  const pages = pageCount(cellText(headlineCell.find('.page').first().toArray()));
  const url = documentUrl(link.attr('href') ?? '', new URL(page, ASX_STATISTICS));

  return {
    symbol,
    releasedAt: released.at,
    headline,
    priceSensitive: markerCell.find('img').length > 0 || cellText(markerCell.toArray()) !== '',
    ...(pages === undefined ? {} : { pages }),
    ...(url === undefined ? {} : { url }),
  };
}

function codeOf(text: string): AsxSymbol | undefined {
  try {
    return asxSymbol(text);
  } catch {
    return undefined;
  }
}

function pageCount(text: string): number | undefined {
  const match = /^(\d+)\s*pages?$/i.exec(text);
  return match ? Number(match[1]) : undefined;
}

/** Absolute document address; anything that is not http(s) is dropped rather than passed on. */
function documentUrl(href: string, pageUrl: URL): string | undefined {
  if (href.trim() === '') return undefined;
  try {
    const url = new URL(href.trim(), pageUrl);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.toString() : undefined;
  } catch {
    return undefined;
  }
}
