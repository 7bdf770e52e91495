const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text made safe for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char);
}

export type Attributes = Readonly<Record<string, string | number | undefined>>;

/** ` name="value"` pairs, escaped; undefined values are left out. */
export function attributes(attrs: Attributes): string {
  return Object.entries(attrs)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([name, value]) => ` ${name}="${escapeHtml(String(value))}"`)
    .join('');
}

/** An element whose children are already HTML. */
export function element(tag: string, attrs: Attributes, ...children: readonly string[]): string {
  return `<${tag}${attributes(attrs)}>${children.join('')}</${tag}>`;
}

/** An element holding plain text. */
export function textElement(tag: string, attrs: Attributes, text: string): string {
  return element(tag, attrs, escapeHtml(text));
}
