/** Keys whose values are secret wherever they appear in a logged object. */
export const SECRET_KEYS = [
  'password',
  'passwd',
  'secret',
  'clientSecret',
  'token',
  'accessToken',
  'refreshToken',
  'apiKey',
  'api_key',
  'authorization',
  'Authorization',
  'cookie',
  'Cookie',
  'set-cookie',
  'webhook',
  'webhookUrl',
  'discordWebhookUrl',
  'session',
  'sessionId',
] as const;

/** pino's redact paths match a fixed depth; this many levels of nesting below the top are covered. */
export const REDACT_DEPTH = 4;

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** `password`, `*.password`, `*.*.password` ... for every secret key, in pino's redact path syntax. */
export function secretRedactPaths(keys: readonly string[] = SECRET_KEYS, depth = REDACT_DEPTH): string[] {
  const paths: string[] = [];
  for (let level = 0; level <= depth; level++) {
    const prefix = '*.'.repeat(level);
    for (const key of keys) {
      paths.push(IDENTIFIER.test(key) ? `${prefix}${key}` : `${prefix.slice(0, -1)}[${JSON.stringify(key)}]`);
    }
  }
  return paths;
}
