import { describe, expect, it } from 'vitest';
import {
  DISCORD_LIMITS,
  EMBED_COLOURS,
  toDiscordMessage,
  truncate,
  type DiscordEmbed,
} from '../../../src/adapters/notifications/discord-embed.js';
import type { Notification, NotificationKind } from '../../../src/domain/ports/notifier.port.js';

const embedOf = (notification: Partial<Notification>): DiscordEmbed =>
  toDiscordMessage({ kind: 'info', title: 'Title', message: 'Message', ...notification }).embeds[0];

const fieldsOf = (count: number, valueLength = 5): Record<string, string> =>
  Object.fromEntries(Array.from({ length: count }, (_, i) => [`field ${i}`, 'v'.repeat(valueLength)]));

const totalChars = (embed: DiscordEmbed): number =>
  (embed.title ?? '').length +
  (embed.description ?? '').length +
  (embed.fields ?? []).reduce((sum, field) => sum + field.name.length + field.value.length, 0);

describe('toDiscordMessage', () => {
  it('makes one embed with title, description, colour and fields, short values inline', () => {
    const message = toDiscordMessage(
      {
        kind: 'entry',
        title: 'Entered BHP',
        message: 'Bought 100 at 45.20',
        fields: { stop: '44.10', reason: `gap ${'and breakout '.repeat(4)}` },
      },
      'Skim',
    );
    expect(message).toEqual({
      username: 'Skim',
      embeds: [
        {
          title: 'Entered BHP',
          description: 'Bought 100 at 45.20',
          color: 0x2e_cc_71,
          fields: [
            { name: 'stop', value: '44.10', inline: true },
            { name: 'reason', value: `gap ${'and breakout '.repeat(4)}`.trim(), inline: false },
          ],
        },
      ],
      allowed_mentions: { parse: [] },
    });
  });

  it('gives each kind its own colour', () => {
    const kinds: NotificationKind[] = ['entry', 'exit', 'stop', 'error', 'summary', 'gateway', 'info'];
    const colours = kinds.map((kind) => embedOf({ kind }).color);
    expect(new Set(colours).size).toBe(kinds.length);
    expect(embedOf({ kind: 'error' }).color).toBe(EMBED_COLOURS.error);
    expect(embedOf({ kind: 'gateway' }).color).toBe(0xf1_c4_0f);
  });

  it('leaves out what is empty and marks empty field parts, which Discord refuses', () => {
    const embed = embedOf({ title: '  ', message: '', fields: { note: ' ', '': 'x' } });
    expect(embed).toEqual({
      color: EMBED_COLOURS.info,
      fields: [
        { name: 'note', value: '—', inline: true },
        { name: '—', value: 'x', inline: true },
      ],
    });
    expect(toDiscordMessage({ kind: 'info', title: 't', message: 'm' })).not.toHaveProperty('username');
  });

  it('cuts the title and description to their limits with an ellipsis', () => {
    const embed = embedOf({ title: 'T'.repeat(300), message: 'D'.repeat(5000) });
    expect(embed.title).toHaveLength(DISCORD_LIMITS.title);
    expect(embed.title?.endsWith('T…')).toBe(true);
    expect(embed.description).toHaveLength(DISCORD_LIMITS.description);
    expect(embed.description?.endsWith('D…')).toBe(true);
    expect(embedOf({ title: 'T'.repeat(256) }).title).toBe('T'.repeat(256));
  });

  it('cuts field names and values to their limits', () => {
    const [field] = embedOf({ fields: { ['n'.repeat(300)]: 'v'.repeat(2000) } }).fields ?? [];
    expect(field?.name).toHaveLength(DISCORD_LIMITS.fieldName);
    expect(field?.value).toHaveLength(DISCORD_LIMITS.fieldValue);
    expect(field?.value.endsWith('v…')).toBe(true);
  });

  it('keeps 25 fields at most, the last one saying how many were left out', () => {
    expect(embedOf({ fields: fieldsOf(25) }).fields).toHaveLength(25);
    const fields = embedOf({ fields: fieldsOf(31) }).fields ?? [];
    expect(fields).toHaveLength(DISCORD_LIMITS.fields);
    expect(fields[23]?.name).toBe('field 23');
    expect(fields[24]).toEqual({ name: '…', value: '7 more not shown', inline: false });
  });

  it('keeps the whole embed within 6000 characters, shortening the first field that does not fit', () => {
    const embed = embedOf({ title: 'T'.repeat(999), message: 'D'.repeat(9999), fields: fieldsOf(25, 1024) });
    expect(totalChars(embed)).toBeLessThanOrEqual(DISCORD_LIMITS.embedTotal);
    expect(embed.description).toHaveLength(DISCORD_LIMITS.description);
    const fields = embed.fields ?? [];
    expect(fields[0]?.value).toHaveLength(1024);
    expect(fields.at(-2)?.value.endsWith('…')).toBe(true);
    expect(fields.at(-1)).toEqual({ name: '…', value: `${25 - fields.length + 1} more not shown`, inline: false });
  });
});

describe('truncate', () => {
  it('never leaves half of a surrogate pair', () => {
    expect(truncate('ab😀cd', 4)).toBe('ab…');
    expect(truncate('abc😀d', 5)).toBe('abc…');
    expect(truncate('short', 5)).toBe('short');
  });
});
