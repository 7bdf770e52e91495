import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseAsxAnnouncements } from '../../../src/adapters/asx/asx-announcements.parser.js';
import { AsxMarkupError } from '../../../src/adapters/asx/asx-markup.error.js';

const fixture = (path: string): string => readFileSync(new URL(`../../fixtures/${path}`, import.meta.url), 'utf8');
const at = (iso: string): number => Date.parse(iso);
const DOCUMENT = 'https://www.asx.com.au/asx/v2/statistics/displayAnnouncement.do?display=pdf&idsId=';

function markupError(html: string, page = 'todayAnns.do'): AsxMarkupError {
  try {
    parseAsxAnnouncements(html, page);
  } catch (error) {
    if (error instanceof AsxMarkupError) return error;
    throw error;
  }
  throw new Error('expected an AsxMarkupError');
}

const table = (...rows: string[]): string =>
  `<table><tr><th>ASX Code</th><th>Date</th><th class="pricesens">Price sens.</th><th>Headline</th></tr>${rows.join('')}</table>`;
const time = '<td>10/06/2025<br><span class="dates-time">9:10 am</span></td>';

describe('parseAsxAnnouncements on a sample morning', () => {
  const announcements = parseAsxAnnouncements(fixture('mornings/2025-06-10/asx-announcements.html'), 'todayAnns.do');

  it('reads every row of the table, in page order', () => {
    expect(announcements.map((a) => a.symbol)).toEqual([
      'HLT',
      'WBR',
      'LKO',
      'LKO',
      'AUR',
      'LKO',
      'ABCDOA',
      'XYZO',
      'MNW',
      'TRS',
    ]);
  });

  it('reads code, Sydney release instant, marker, headline, page count and absolute address', () => {
    expect(announcements[0]).toEqual({
      symbol: 'HLT',
      releasedAt: at('2025-06-09T23:40:00Z'),
      headline: 'Trading Halt',
      priceSensitive: true,
      pages: 1,
      url: `${DOCUMENT}02950117`,
    });
    expect(announcements[2]).toEqual({
      symbol: 'LKO',
      releasedAt: at('2025-06-09T23:06:00Z'),
      headline: "Appendix 3Y - Change of Director's Interest Notice",
      priceSensitive: false,
      pages: 2,
      url: `${DOCUMENT}02950096`,
    });
  });

  it('puts 9:30 am Sydney on 10 June at 23:30 UTC on 9 June', () => {
    expect(announcements.find((a) => a.symbol === 'WBR')?.releasedAt).toBe(at('2025-06-09T23:30:00Z'));
  });

  it('keeps non-ASCII headlines and decoded entities intact', () => {
    expect(announcements.find((a) => a.symbol === 'AUR')?.headline).toBe(
      'Aurélia signs offtake with Société Générale – Ōtaki project',
    );
    expect(announcements[3]?.headline).toBe('Lakeside Lithium – Investor Presentation');
  });

  it('leaves the page count out when the page does not give one', () => {
    const trs = announcements.find((a) => a.symbol === 'TRS');
    expect(trs).toEqual({
      symbol: 'TRS',
      releasedAt: at('2025-06-09T21:45:00Z'),
      headline: 'Quarterly Activities Report',
      priceSensitive: true,
      url: `${DOCUMENT}02950061`,
    });
  });
});

describe('parseAsxAnnouncements: layout variations', () => {
  const announcements = parseAsxAnnouncements(fixture('asx/edge-rows.html'), 'todayAnns.do');

  it('tolerates whitespace, <br>s, a date without a time span, and a marker given as text', () => {
    expect(announcements[0]).toEqual({
      symbol: '1AE',
      releasedAt: at('2025-11-30T23:30:00Z'),
      headline: 'Quarterly Report and Appendix 5B',
      priceSensitive: true,
      pages: 3,
      url: `${DOCUMENT}03038930`,
    });
  });

  it('reads six-character codes, an empty marker and an absolute link', () => {
    expect(announcements[1]).toEqual({
      symbol: 'ABCDOA',
      releasedAt: at('2025-11-30T13:05:00Z'),
      headline: 'Option Expiry Notice',
      priceSensitive: false,
      url: 'https://announcements.asx.com.au/asxpdf/20251201/pdf/06abc123.pdf',
    });
  });

  it('upper-cases codes, reads an image without alt text as the marker and resolves relative links', () => {
    expect(announcements[2]).toEqual({
      symbol: 'CBA',
      releasedAt: at('2025-12-01T01:30:00Z'),
      headline: 'Ōtaki update — résumé',
      priceSensitive: true,
      pages: 11,
      url: `${DOCUMENT}03038999`,
    });
  });

  it('ignores rows of tables around the announcements table', () => {
    expect(announcements).toHaveLength(3);
  });

  it('reads a day without announcements as an empty list', () => {
    expect(parseAsxAnnouncements(fixture('asx/empty-day.html'), 'todayAnns.do')).toEqual([]);
    expect(parseAsxAnnouncements('<table><tr><th>Headline</th></tr></table>', 'todayAnns.do')).toEqual([]);
  });

  it('drops a link that is not http(s) but keeps the announcement', () => {
    const [only] = parseAsxAnnouncements(
      table(
        `<tr><td>BHP</td>${time}<td class="pricesens"></td><td><a href="javascript:void(0)">Odd link</a></td></tr>`,
      ),
      'todayAnns.do',
    );
    expect(only).toMatchObject({ symbol: 'BHP', headline: 'Odd link' });
    expect(only?.url).toBeUndefined();
  });
});

describe('parseAsxAnnouncements: malformed markup', () => {
  it('refuses a page without an announcements table', () => {
    const error = markupError(fixture('asx/maintenance.html'));
    expect(error.message).toBe(
      'ASX announcements page todayAnns.do: no announcements table (no "pricesens" cell and no "Headline" column)',
    );
    expect(error.row).toBeUndefined();
  });

  it('names the row without a time', () => {
    const error = markupError(fixture('asx/row-without-time.html'), 'prevBusDayAnns.do');
    expect(error).toMatchObject({ page: 'prevBusDayAnns.do', row: 2 });
    expect(error.message).toBe(
      'ASX announcements page prevBusDayAnns.do: announcement row 2: no release time (h:mm am/pm) in "10/06/2025"',
    );
  });

  it('names the row without a code', () => {
    expect(markupError(fixture('asx/row-without-code.html'))).toMatchObject({
      row: 1,
      detail: 'no valid ASX code (3-6 letters or digits)',
    });
  });

  it.each([
    [
      `<tr><td>BHP</td>${time}<td></td><td><a href="/a">H</a></td></tr>`,
      'no price-sensitive marker cell (td.pricesens)',
    ],
    [`${time}<td class="pricesens"></td><td><a href="/a">H</a></td>`, 'no ASX code cell before the date'],
    [`<tr><td>BHP</td>${time}<td class="pricesens"></td></tr>`, 'no headline cell after the price-sensitive marker'],
    [`<tr><td>BHP</td>${time}<td class="pricesens"></td><td>No link</td></tr>`, 'no headline link'],
    [
      `<tr><td>BHP</td>${time}<td class="pricesens"></td><td><a href="/a"> <span class="page">2 pages</span></a></td></tr>`,
      'empty headline',
    ],
    [
      `<tr><td>BHP</td><td>31/02/2025 9:10 am</td><td class="pricesens"></td><td><a href="/a">H</a></td></tr>`,
      'no such date 31/02/2025',
    ],
    [
      `<tr><td>TOOLONGX</td>${time}<td class="pricesens"></td><td><a href="/a">H</a></td></tr>`,
      'no valid ASX code (3-6 letters or digits)',
    ],
  ])('refuses %s', (row, detail) => {
    const wrapped = row.startsWith('<tr>') ? row : `<tr>${row}</tr>`;
    expect(markupError(table(wrapped))).toMatchObject({ row: 1, detail });
  });
});
