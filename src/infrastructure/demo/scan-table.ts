import type { Candidate } from '../../domain/candidate/candidate.js';
import type { ScanResult } from '../../domain/market/scan-result.js';
import { sydneyParts } from '../../domain/market/sydney-time.js';
import { formatPrice } from '../../domain/values/price.js';
import type { EpochMs } from '../../domain/values/time.js';
import { formatTable } from '../cli/format/table.js';

interface Row {
  readonly result: ScanResult;
  readonly candidate: Candidate | undefined;
}

/** What the pre-open scanner saw, and which of its gappers became candidates (rule 1: announcement needed). */
export function scanTable(results: readonly ScanResult[], candidates: readonly Candidate[]): string {
  const rows: Row[] = results.map((result) => ({
    result,
    candidate: candidates.find((candidate) => candidate.symbol === result.symbol),
  }));
  return formatTable(rows, [
    { header: 'symbol', value: ({ result }) => result.symbol },
    { header: 'company', value: ({ result }) => result.companyName ?? '-' },
    { header: 'prev close', value: ({ result }) => priceText(result.previousClose), align: 'right' },
    { header: 'indicative', value: ({ result }) => priceText(result.open), align: 'right' },
    { header: 'gap %', value: ({ result }) => result.gapPct.toFixed(2), align: 'right' },
    { header: 'announcement', value: ({ candidate }) => announcementText(candidate) },
    { header: 'becomes', value: ({ candidate }) => (candidate === undefined ? 'skipped: no news' : candidate.status) },
  ]);
}

function priceText(price: ScanResult['open']): string {
  return price === undefined ? '-' : formatPrice(price);
}

function announcementText(candidate: Candidate | undefined): string {
  if (candidate?.announcementAt === undefined) return '-';
  return `${clockTime(candidate.announcementAt)} ${candidate.headline ?? ''}`.trimEnd();
}

/** "HH:MM" in Sydney. */
export function clockTime(at: EpochMs): string {
  const { hour, minute } = sydneyParts(at);
  return `${pad(hour)}:${pad(minute)}`;
}

/** "HH:MM:SS" in Sydney. */
export function clockTimeWithSeconds(at: EpochMs): string {
  const { hour, minute, second } = sydneyParts(at);
  return `${pad(hour)}:${pad(minute)}:${pad(second)}`;
}

const pad = (value: number): string => String(value).padStart(2, '0');
