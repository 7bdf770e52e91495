/** A run of a sweep failed in its worker; names the grid point so it can be rerun alone. */
export class SweepRunFailed extends Error {
  readonly code = 'SWEEP_RUN_FAILED';

  constructor(
    readonly index: number,
    readonly point: unknown,
    readonly reason: string,
  ) {
    super(`sweep run ${index + 1} (${JSON.stringify(point)}) failed: ${reason}`);
    this.name = 'SweepRunFailed';
  }
}
