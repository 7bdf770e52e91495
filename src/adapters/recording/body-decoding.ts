/**
 * Decodes a response body with the charset its Content-Type names (ASX pages may be served as ISO-8859-1 or
 * windows-1252); UTF-8 when none is named or the name is unknown.
 */
export function decodeBody(bytes: Uint8Array, contentType: string | undefined): string {
  const label = charsetOf(contentType);
  if (label !== undefined) {
    try {
      return new TextDecoder(label).decode(bytes);
    } catch {
      // Unknown label: fall through to UTF-8, the web's default.
    }
  }
  return new TextDecoder('utf-8').decode(bytes);
}

function charsetOf(contentType: string | undefined): string | undefined {
  if (contentType === undefined) return undefined;
  for (const parameter of contentType.split(';').slice(1)) {
    const [key = '', value = ''] = parameter.split('=', 2);
    if (key.trim().toLowerCase() === 'charset') return value.trim().replace(/^"|"$/g, '') || undefined;
  }
  return undefined;
}
