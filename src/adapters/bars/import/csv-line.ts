/**
 * Splits one CSV line into trimmed fields. Fields may be double-quoted ("a,b" or "say ""hi"""), as some vendor
 * exports quote every value. Returns undefined for a line whose quotes do not close.
 */
export function splitCsvLine(text: string): string[] | undefined {
  if (!text.includes('"')) return text.split(',').map((field) => field.trim());
  const fields: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text.charAt(i);
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        current += '"';
        i += 1;
      } else if (char === '"') {
        quoted = false;
      } else {
        current += char;
      }
    } else if (char === '"') {
      quoted = true;
    } else if (char === ',') {
      fields.push(current.trim());
      current = '';
    } else {
      current += char;
    }
  }
  if (quoted) return undefined;
  fields.push(current.trim());
  return fields;
}
