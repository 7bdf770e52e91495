import { readFileSync } from 'node:fs';
import { load } from 'cheerio';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAsxAnnouncements } from '../../../src/adapters/asx/asx-announcements.parser.js';
import { AsxMarkupError } from '../../../src/adapters/asx/asx-markup.error.js';
import type { Announcement } from '../../../src/domain/market/announcement.js';

const morning = readFileSync(
  new URL('../../fixtures/mornings/2025-06-10/asx-announcements.html', import.meta.url),
  'utf8',
);

function parseOrTypedError(html: string): Announcement[] | AsxMarkupError {
  try {
    return parseAsxAnnouncements(html, 'todayAnns.do');
  } catch (error) {
    if (error instanceof AsxMarkupError) return error;
    throw error;
  }
}

function check(outcome: Announcement[] | AsxMarkupError): void {
  if (outcome instanceof AsxMarkupError) return;
  for (const announcement of outcome) {
    expect(announcement.symbol).toMatch(/^[A-Z0-9]{3,6}$/);
    expect(Number.isSafeInteger(announcement.releasedAt)).toBe(true);
    expect(announcement.headline.trim()).not.toBe('');
    if (announcement.url !== undefined) expect(announcement.url).toMatch(/^https?:\/\//);
  }
}

const edit = fc.oneof(
  fc.record({ kind: fc.constant('remove-cell' as const), row: fc.nat(), cell: fc.nat() }),
  fc.record({ kind: fc.constant('cell-text' as const), row: fc.nat(), cell: fc.nat(), text: fc.string() }),
  fc.record({
    kind: fc.constant('attribute' as const),
    row: fc.nat(),
    cell: fc.nat(),
    name: fc.constantFrom('class', 'href', 'alt', 'colspan'),
    value: fc.string(),
  }),
  fc.record({
    kind: fc.constant('remove-element' as const),
    row: fc.nat(),
    selector: fc.constantFrom('a', 'img', 'span', 'br'),
  }),
  fc.record({ kind: fc.constant('insert-html' as const), row: fc.nat(), cell: fc.nat(), html: fc.string() }),
);

type Edit = typeof edit extends fc.Arbitrary<infer E> ? E : never;

/** Applies structural edits to the morning page's data rows. */
function mutate(html: string, edits: readonly Edit[]): string {
  const $ = load(html);
  const rows = $('tbody tr');
  for (const change of edits) {
    const row = rows.eq(change.row % rows.length);
    const cells = row.children('td');
    const cell = 'cell' in change ? cells.eq(change.cell % Math.max(cells.length, 1)) : cells;
    if (change.kind === 'remove-cell') cell.remove();
    if (change.kind === 'cell-text') cell.text(change.text);
    if (change.kind === 'attribute') cell.find('*').addBack().attr(change.name, change.value);
    if (change.kind === 'remove-element') row.find(change.selector).remove();
    if (change.kind === 'insert-html') cell.append(change.html);
  }
  return $.html();
}

describe('parseAsxAnnouncements under fuzzing', () => {
  it('returns announcements or a typed error for any string', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (text) => {
        check(parseOrTypedError(text));
      }),
      { numRuns: 300 },
    );
  });

  it('returns announcements or a typed error for random markup around a table', () => {
    const fragment = fc.constantFrom(
      '<table>',
      '</table>',
      '<tr>',
      '</tr>',
      '<td>',
      '</td>',
      '<td class="pricesens">',
      '<th>Headline</th>',
      '<a href="/x?idsId=1">',
      '</a>',
      '<br>',
      '<span class="dates-time">',
      '</span>',
      '<img alt="$">',
      'BHP',
      '1AE',
      '10/06/2025',
      '9:30 am',
      '12:00 pm',
      '31/02/2025',
      'Ōtaki',
      '&nbsp;',
      '<span class="page">3 pages</span>',
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(fragment, fc.string({ maxLength: 8 })), { maxLength: 60 }), (pieces) => {
        check(parseOrTypedError(pieces.join('')));
      }),
      { numRuns: 500 },
    );
  });

  it('returns announcements or a typed error for the sample morning with cells removed or altered', () => {
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 6 }), (edits) => {
        check(parseOrTypedError(mutate(morning, edits)));
      }),
      { numRuns: 300 },
    );
  });
});
