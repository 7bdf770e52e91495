/** One thing wrong (or suspicious) in the configuration, named by where it came from. */
export interface ConfigProblem {
  /** The environment variable (`SKIM_MIN_GAP_PCT`) or file field (`skim.config.json:strategy.minGapPct`). */
  readonly source: string;
  readonly message: string;
}

/** The configuration cannot be used. Lists every problem found, never only the first. */
export class ConfigError extends Error {
  readonly code = 'CONFIG_INVALID';

  constructor(
    readonly problems: readonly ConfigProblem[],
    readonly warnings: readonly ConfigProblem[] = [],
  ) {
    super(
      [
        `invalid configuration (${problems.length} ${problems.length === 1 ? 'problem' : 'problems'}):`,
        ...problems.map(formatProblem),
      ].join('\n  '),
    );
    this.name = 'ConfigError';
  }
}

export const formatProblem = (problem: ConfigProblem): string => `${problem.source}: ${problem.message}`;
