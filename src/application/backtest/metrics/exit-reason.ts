import type { ExitReason } from '../../../domain/position/position.js';
import type { Fill } from '../../../domain/orders/fill.js';

const EXIT_REASONS: ReadonlySet<string> = new Set<ExitReason>([
  'stop',
  'day3_half',
  'sma_trail',
  'manual',
  'kill_switch',
  'reconcile',
]);

/** `skim-<yyyymmdd>-<SYMBOL>-<purpose>-<n>`, the shape `deriveClientOrderId` gives every Skim order. */
const DERIVED_ID = /^skim-\d{8}-[A-Z0-9]{3,6}-([a-z0-9_]+)-\d+$/;

/** The exit reason a Skim client order id carries in its purpose part, if it is an exit. */
export function exitReasonFromOrderId(fill: Fill): ExitReason | undefined {
  const purpose = DERIVED_ID.exec(fill.clientOrderId)?.[1];
  return purpose !== undefined && EXIT_REASONS.has(purpose) ? (purpose as ExitReason) : undefined;
}
