import type { IbkrScanRequest } from './ibkr-scan-request.js';
import type { LocationNode, ScannerParamsBody } from './scanner-params.schema.js';
import { UnknownScannerCode } from './unknown-scanner-code.error.js';

const PARAMS_ENDPOINT = 'GET /iserver/scanner/params';
/** How many known codes an error lists as examples; the full lists run to hundreds. */
const EXAMPLES = 8;

/** The codes the gateway's scanner accepts, read from its params document. */
export class ScannerParams {
  private readonly scanTypes: ReadonlyMap<string, readonly string[]>;
  private readonly instruments: ReadonlySet<string> | undefined;
  private readonly filterCodes: ReadonlySet<string>;
  private readonly locationTree: readonly LocationNode[];

  constructor(body: ScannerParamsBody) {
    this.scanTypes = new Map(body.scan_type_list.map((type) => [type.code, type.instruments ?? []]));
    this.instruments = body.instrument_list ? new Set(body.instrument_list.map((item) => item.type)) : undefined;
    this.filterCodes = new Set(body.filter_list.map((filter) => filter.code));
    this.locationTree = body.location_tree;
  }

  /** Throws UnknownScannerCode for the first code of `request` that the gateway does not offer. */
  check(request: IbkrScanRequest): void {
    this.checkInstrument(request.instrument);
    this.checkScanType(request.type, request.instrument);
    this.checkLocation(request.location, request.instrument);
    for (const filter of request.filter) {
      if (!this.filterCodes.has(filter.code)) {
        throw new UnknownScannerCode('filter code', filter.code, notOffered('filter_list', this.filterCodes));
      }
    }
  }

  private checkInstrument(instrument: string): void {
    if (this.instruments !== undefined && !this.instruments.has(instrument)) {
      throw new UnknownScannerCode('instrument', instrument, notOffered('instrument_list', this.instruments));
    }
  }

  private checkScanType(type: string, instrument: string): void {
    const instruments = this.scanTypes.get(type);
    if (instruments === undefined) {
      throw new UnknownScannerCode('scan type', type, notOffered('scan_type_list', this.scanTypes.keys()));
    }
    if (instruments.length > 0 && !instruments.includes(instrument)) {
      throw new UnknownScannerCode(
        'scan type',
        type,
        `does not apply to instrument "${instrument}" in ${PARAMS_ENDPOINT} (it applies to ${examples(instruments)})`,
      );
    }
  }

  private checkLocation(location: string, instrument: string): void {
    const family = this.locationTree.find((node) => node.type === instrument);
    const known = family === undefined ? [] : descendantTypes(family);
    if (!known.includes(location)) {
      throw new UnknownScannerCode(
        'location',
        location,
        `is not under instrument "${instrument}" in location_tree of ${PARAMS_ENDPOINT}` +
          (known.length === 0 ? ' (that instrument has no locations there)' : ` (known: ${examples(known)})`),
      );
    }
  }
}

/** Every location type below a node, depth first. */
function descendantTypes(node: LocationNode): string[] {
  return (node.locations ?? []).flatMap((child) => [child.type, ...descendantTypes(child)]);
}

function notOffered(list: string, known: Iterable<string>): string {
  return `is not in ${list} of ${PARAMS_ENDPOINT} (known: ${examples([...known])})`;
}

function examples(codes: readonly string[]): string {
  if (codes.length === 0) return 'none';
  const shown = codes.slice(0, EXAMPLES).join(', ');
  return codes.length > EXAMPLES ? `${shown}, … ${codes.length - EXAMPLES} more` : shown;
}
