const SIGNED_PERCENT = /^([+-])?(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?\s*%$/;

/** Reads `scan_data` such as "+12.34%", "-0.5%" or "1,250.00%" as a number of percent; undefined otherwise. */
export function percentOf(scanData: string): number | undefined {
  const match = SIGNED_PERCENT.exec(scanData.trim());
  if (!match) return undefined;
  const [, sign = '', whole = '', fraction = ''] = match;
  const value = Number(`${sign}${whole.replaceAll(',', '')}${fraction}`);
  if (!Number.isFinite(value)) return undefined;
  return value === 0 ? 0 : value;
}
