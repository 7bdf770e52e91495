/** The scanner's name as a raw source and as a ScanResult source. */
export const IBKR_SCANNER_SOURCE = 'ibkr-scanner';

export const SCANNER_RUN_PATH = '/iserver/scanner/run';
/** How the run endpoint is named in errors and logs. */
export const SCANNER_RUN_ENDPOINT = `POST ${SCANNER_RUN_PATH}`;
