import { extname } from 'node:path';

/** The layouts Skim imports: its own CSV, the ASX end-of-day vendor CSV, and IBKR history JSON. */
export type BarFileFormat = 'skim-csv' | 'asx-eod-csv' | 'ibkr-json';

export const BAR_FILE_FORMATS: readonly BarFileFormat[] = ['skim-csv', 'asx-eod-csv', 'ibkr-json'];

/** JSON files are IBKR history; any other file is CSV, whose layout the first line decides. */
export function isJsonFile(path: string): boolean {
  return extname(path).toLowerCase() === '.json';
}
