import type { Notification, NotificationKind } from '../../domain/ports/notifier.port.js';

/** Discord's documented embed limits, in characters. */
export const DISCORD_LIMITS = Object.freeze({
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  /** Title, description, field names and values of one embed together. */
  embedTotal: 6000,
  username: 80,
});

export const EMBED_COLOURS: Readonly<Record<NotificationKind, number>> = Object.freeze({
  entry: 0x2e_cc_71,
  exit: 0x34_98_db,
  stop: 0xe6_7e_22,
  error: 0xe7_4c_3c,
  summary: 0x9b_59_b6,
  gateway: 0xf1_c4_0f,
  info: 0x95_a5_a6,
});

export interface DiscordEmbedField {
  readonly name: string;
  readonly value: string;
  readonly inline: boolean;
}

export interface DiscordEmbed {
  readonly title?: string;
  readonly description?: string;
  readonly color: number;
  readonly fields?: readonly DiscordEmbedField[];
}

/** The JSON body of a webhook execution: one embed, and no @mentions whatever the text says. */
export interface DiscordWebhookMessage {
  readonly username?: string;
  readonly embeds: readonly [DiscordEmbed];
  readonly allowed_mentions: { readonly parse: readonly [] };
}

const ELLIPSIS = '…';
/** Discord refuses empty field names and values. */
const EMPTY = '—';
const INLINE_MAX_CHARS = 40;
/** Room kept for the field saying how many fields were left out. */
const OMITTED_FIELD_RESERVE = 40;

/** The webhook message for one notification, cut to Discord's limits. */
export function toDiscordMessage(notification: Notification, username?: string): DiscordWebhookMessage {
  const title = truncate(notification.title.trim(), DISCORD_LIMITS.title);
  const description = truncate(notification.message.trim(), DISCORD_LIMITS.description);
  const fieldBudget = DISCORD_LIMITS.embedTotal - title.length - description.length - OMITTED_FIELD_RESERVE;
  const fields = fitFields(Object.entries(notification.fields ?? {}), fieldBudget);
  const embed: DiscordEmbed = {
    ...(title === '' ? {} : { title }),
    ...(description === '' ? {} : { description }),
    color: EMBED_COLOURS[notification.kind],
    ...(fields.length === 0 ? {} : { fields }),
  };
  const name = username?.trim() ?? '';
  return {
    ...(name === '' ? {} : { username: truncate(name, DISCORD_LIMITS.username) }),
    embeds: [embed],
    allowed_mentions: { parse: [] },
  };
}

/** At most `max` UTF-16 units, the last of them an ellipsis when text was cut; never half a surrogate pair. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = Math.max(0, max - ELLIPSIS.length);
  if (end > 0 && isHighSurrogate(text.charCodeAt(end - 1))) end -= 1;
  return `${text.slice(0, end)}${ELLIPSIS}`;
}

/**
 * Fields in their given order while they fit: at most 25 and within `budget` characters in all. The first
 * field that does not fit whole is shortened; those after it are left out and counted in a last field.
 */
function fitFields(entries: readonly (readonly [string, string])[], budget: number): DiscordEmbedField[] {
  const fields: DiscordEmbedField[] = [];
  const limit = entries.length > DISCORD_LIMITS.fields ? DISCORD_LIMITS.fields - 1 : entries.length;
  let left = budget;
  for (const [rawName, rawValue] of entries.slice(0, limit)) {
    const name = truncate(orEmptyMark(rawName), DISCORD_LIMITS.fieldName);
    const value = truncate(orEmptyMark(rawValue), DISCORD_LIMITS.fieldValue);
    const room = left - name.length;
    if (room < value.length && room < ELLIPSIS.length + 1) break;
    const shown = truncate(value, room);
    fields.push({ name, value: shown, inline: shown.length <= INLINE_MAX_CHARS && !shown.includes('\n') });
    left -= name.length + shown.length;
    if (shown !== value) break;
  }
  const omitted = entries.length - fields.length;
  if (omitted > 0) fields.push({ name: ELLIPSIS, value: `${omitted} more not shown`, inline: false });
  return fields;
}

function orEmptyMark(text: string): string {
  const trimmed = text.trim();
  return trimmed === '' ? EMPTY : trimmed;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd8_00 && code <= 0xdb_ff;
}
