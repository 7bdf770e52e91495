import type { Container } from 'inversify';
import { ScanUseCase } from '../../application/scan/scan.use-case.js';
import type { SkimConfig } from '../config/skim-config.js';
import { SCAN_FILTERS } from './market-data.bindings.js';
import { bind, resolve, token } from './token.js';
import { TOKENS } from './tokens.js';

export const USE_CASES = {
  Scan: token<ScanUseCase>('ScanUseCase'),
} as const;

/** The application's use cases, each built from the ports the container resolves. */
export function bindUseCases(container: Container, config: SkimConfig): void {
  bind(container, USE_CASES.Scan).toDynamicValue(
    (context) =>
      new ScanUseCase({
        scanners: resolve(context, TOKENS.MarketScanners),
        announcements: resolve(context, TOKENS.AnnouncementFeed),
        repository: resolve(context, TOKENS.Repository),
        clock: resolve(context, TOKENS.Clock),
        calendar: resolve(context, TOKENS.Calendar),
        log: resolve(context, TOKENS.Logger),
        strategy: config.strategy,
        filters: resolve(context, SCAN_FILTERS),
      }),
  );
}
