import fc from 'fast-check';
import { describe, it } from 'vitest';
import { ConfigError } from '../../../src/infrastructure/config/config-error.js';
import { KNOWN_VARIABLE_NAMES } from '../../../src/infrastructure/config/env-variables.js';
import { loadConfig } from '../../../src/infrastructure/config/load-config.js';
import { useTempDir } from '../temp-dir.js';

const tempDir = useTempDir('config-fuzz');
const names = [...KNOWN_VARIABLE_NAMES, 'SKIM_ALOW_LIVE', 'SKIM_UNKNOWN', 'skim_allow_live'];

describe('configuration under fuzzing', () => {
  it('any environment gives a config or a ConfigError listing the problems, nothing else', () => {
    fc.assert(
      fc.property(
        fc.dictionary(
          fc.constantFrom(...names),
          fc.oneof(fc.string(), fc.constantFrom('', 'true', '0', '-1', '1e9', 'yes-i-understand')),
        ),
        (env) => {
          try {
            loadConfig({ env, cwd: tempDir() });
          } catch (error) {
            if (!(error instanceof ConfigError) || error.problems.length === 0) throw error;
          }
        },
      ),
      { numRuns: 400 },
    );
  });
});
