import type { SkimConfig } from './skim-config.js';

/** Settings whose values must never be printed or logged, as paths in the config file's shape. */
export const SECRET_PATHS: readonly (readonly string[])[] = [['notifications', 'discordWebhookUrl']];

export const MASK = '[hidden]';

/** A token inside a URL path long enough to be worth hiding on its own (a webhook's token segment). */
const MIN_TOKEN_LENGTH = 16;

export const isSecretPath = (path: readonly PropertyKey[]): boolean =>
  SECRET_PATHS.some((secret) => secret.every((segment, i) => path[i] === segment));

/**
 * The configured secret values, for the logger to scrub from anything it writes. A webhook URL is listed
 * whole and also by its long path segments, so a token quoted without the URL is hidden too.
 */
export function secretValues(config: SkimConfig): string[] {
  const webhook = config.notifications.discordWebhookUrl;
  if (webhook === undefined) return [];
  const tokens = new URL(webhook).pathname.split('/').filter((segment) => segment.length >= MIN_TOKEN_LENGTH);
  return [webhook, ...tokens];
}
