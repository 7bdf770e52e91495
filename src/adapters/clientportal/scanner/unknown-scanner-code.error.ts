import { DomainError } from '../../../domain/errors/domain-error.js';

export type ScannerCodeKind = 'instrument' | 'scan type' | 'location' | 'filter code';

/** A scanner request names a code that `GET /iserver/scanner/params` does not offer; fix the setting. */
export class UnknownScannerCode extends DomainError {
  readonly code = 'UNKNOWN_SCANNER_CODE';

  constructor(
    readonly kind: ScannerCodeKind,
    readonly value: string,
    readonly why: string,
  ) {
    super(`IBKR scanner ${kind} "${value}" ${why}`);
  }
}
