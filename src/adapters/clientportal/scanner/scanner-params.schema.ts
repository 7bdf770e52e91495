import { z } from 'zod';

/** A node of `location_tree`: top-level nodes are instrument families, their descendants locations. */
export interface LocationNode {
  readonly type: string;
  readonly locations?: readonly LocationNode[] | null | undefined;
}

const locationNode: z.ZodType<LocationNode> = z.lazy(() =>
  z.object({ type: z.string(), locations: z.array(locationNode).nullish() }),
);

/**
 * `GET /iserver/scanner/params`: a large document of which Skim reads only the codes. Fields it does not
 * use (display names, groups, settings) are left unchecked so that additions by IBKR do not break it.
 */
export const scannerParamsSchema = z.object({
  scan_type_list: z.array(z.object({ code: z.string(), instruments: z.array(z.string()).nullish() })),
  instrument_list: z.array(z.object({ type: z.string() })).nullish(),
  filter_list: z.array(z.object({ code: z.string() })),
  location_tree: z.array(locationNode),
});

export type ScannerParamsBody = z.output<typeof scannerParamsSchema>;
